import { sexes, type Sex } from "../schemas/sex";
import {
  computeNewcombeInterval,
  computeWilsonInterval,
  type ConfidenceInterval,
  type DifferenceInterval,
} from "./confidence";
import { toSexCounts, type SexCounts } from "./share";

/**
 * Community-oriented policing indicators (INDICATORS.md §7; docs/indicators.md §7). Inputs are
 * tallies by outcome, each by sex of the person concerned (the resident raising the problem, the
 * attendee, the respondent): the data layer names the outcome, these functions decide what counts.
 */

/** Counts by sex of each outcome, e.g. `{ solved_on_the_spot: {F, M, X, U, N}, pending: … }`. */
export type OutcomeCounts = Readonly<Record<string, SexCounts>>;

export type CommunityReason = "empty_denominator";

/** Satisfaction answered by fewer respondents than this is flagged `small_sample` (§7). */
export const SMALL_SAMPLE_SIZE = 30;

/** What a proportion is made of: `yes` over `yes + no`; `excluded` is counted beside (pending, "don't know"). */
export interface ProportionParts {
  readonly yes: SexCounts;
  readonly no: SexCounts;
  readonly excluded: SexCounts;
}

export interface ProportionValue {
  /** yes / (yes + no); null with `empty_denominator` when yes + no = 0. */
  readonly value: number | null;
  readonly numerator: number;
  readonly denominator: number;
  readonly reason?: CommunityReason;
}

export interface ProportionResult extends ProportionValue {
  /** Everyone concerned by sex: yes + no + excluded. */
  readonly counts: SexCounts;
  readonly parts: ProportionParts;
  /** The same proportion within each sex (X and U shown, never folded into F or M). */
  readonly bySex: Readonly<Record<Sex, ProportionValue>>;
}

export interface SatisfactionValue extends ProportionValue {
  /** Wilson 95% interval (basis `sample`); null when no valid answer. */
  readonly ci: ConfidenceInterval | null;
  /** `["small_sample"]` when there are 1 to 29 valid answers (none: `empty_denominator`). */
  readonly flags: readonly "small_sample"[];
}

export interface SatisfactionResult extends ProportionResult, SatisfactionValue {
  readonly bySex: Readonly<Record<Sex, SatisfactionValue>>;
  /** Women's minus men's satisfaction with the Newcombe interval; null when either has no answer. */
  readonly differenceFM: DifferenceInterval | null;
}

const EMPTY = toSexCounts({});

function sumCounts(list: readonly (SexCounts | undefined)[]): SexCounts {
  return toSexCounts({
    F: list.reduce((acc, c) => acc + (c?.F ?? 0), 0),
    M: list.reduce((acc, c) => acc + (c?.M ?? 0), 0),
    X: list.reduce((acc, c) => acc + (c?.X ?? 0), 0),
    U: list.reduce((acc, c) => acc + (c?.U ?? 0), 0),
  });
}

/** Adds up the named outcomes (an outcome without counts adds 0). */
export function sumOutcomes(outcomes: OutcomeCounts, names: readonly string[]): SexCounts {
  return sumCounts(names.map((name) => outcomes[name]));
}

/** Every outcome not named in `names`. */
function otherOutcomes(outcomes: OutcomeCounts, names: readonly string[]): SexCounts {
  return sumOutcomes(
    outcomes,
    Object.keys(outcomes).filter((name) => !names.includes(name)),
  );
}

function proportionOf(yes: number, no: number): ProportionValue {
  const denominator = yes + no;
  return denominator === 0
    ? { value: null, numerator: yes, denominator, reason: "empty_denominator" }
    : { value: yes / denominator, numerator: yes, denominator };
}

/** yes / (yes + no), overall and within each sex; excluded counted beside. */
export function computeProportion(parts: ProportionParts): ProportionResult {
  const bySex = Object.fromEntries(
    sexes.map((sex) => [sex, proportionOf(parts.yes[sex], parts.no[sex])]),
  ) as Record<Sex, ProportionValue>;
  return {
    ...proportionOf(parts.yes.N, parts.no.N),
    counts: sumCounts([parts.yes, parts.no, parts.excluded]),
    parts,
    bySex,
  };
}

/** Outcomes → parts: `yes` the named ones, `excluded` the named ones, `no` all the others. */
function proportionOfOutcomes(
  outcomes: OutcomeCounts,
  yes: readonly string[],
  excluded: readonly string[],
): ProportionResult {
  return computeProportion({
    yes: sumOutcomes(outcomes, yes),
    no: otherOutcomes(outcomes, [...yes, ...excluded]),
    excluded: sumOutcomes(outcomes, excluded),
  });
}

/**
 * Issues raised in the period by first outcome (`solved_on_the_spot`, `referred`, `in_follow_up`,
 * `closed_without_action`), those still `new` as `pending`: solved on the spot / issues with a first
 * outcome; pending excluded and counted (§7).
 */
export function computeOnTheSpotRate(outcomes: OutcomeCounts): ProportionResult {
  return proportionOfOutcomes(outcomes, ["solved_on_the_spot"], ["pending"]);
}

/** As `computeOnTheSpotRate`, with first outcome `referred` in the numerator (§7). */
export function computeReferralRate(outcomes: OutcomeCounts): ProportionResult {
  return proportionOfOutcomes(outcomes, ["referred"], ["pending"]);
}

/** Referrals made in the period: `recorded` (a stakeholder outcome is recorded) / all (§7). */
export function computeReferralCompletionRate(outcomes: OutcomeCounts): ProportionResult {
  return proportionOfOutcomes(outcomes, ["recorded"], []);
}

/**
 * Issues closed in the period by final status: `resolved` and `solved_on_the_spot` are resolved by
 * the officer's account; `partly_resolved` and both closed statuses are not (docs/indicators.md §7).
 */
export function computeOfficerResolutionRate(outcomes: OutcomeCounts): ProportionResult {
  return proportionOfOutcomes(outcomes, ["resolved", "solved_on_the_spot"], []);
}

/**
 * Resolved issues closed in the period by the resident's answer given since: `fixed` / (`fixed` +
 * `not_fixed`); `dont_know` is excluded and counted (docs/indicators.md §7).
 */
export function computeResidentConfirmedResolutionRate(outcomes: OutcomeCounts): ProportionResult {
  return proportionOfOutcomes(outcomes, ["fixed"], ["dont_know"]);
}

/** Open issues on the date: `overdue` (due date before it) / all open (docs/indicators.md §7). */
export function computeOverdueShare(outcomes: OutcomeCounts): ProportionResult {
  return proportionOfOutcomes(outcomes, ["overdue"], []);
}

/** Issues raised in the period asking for a woman officer: `assigned` / all such requests (§7). */
export function computeWomanOfficerRequestFulfilment(outcomes: OutcomeCounts): ProportionResult {
  return proportionOfOutcomes(outcomes, ["assigned"], []);
}

function satisfactionValue(value: ProportionValue): SatisfactionValue {
  return {
    ...value,
    ci: computeWilsonInterval(value.numerator, value.denominator),
    flags: value.denominator > 0 && value.denominator < SMALL_SAMPLE_SIZE ? ["small_sample"] : [],
  };
}

/**
 * Satisfaction answers on a 1–5 scale (outcomes `"1"` … `"5"`, and `dont_know`): top-two box (4 or
 * 5) / valid answers, "don't know" excluded and counted; Wilson 95% interval overall and by sex,
 * F − M with the Newcombe interval, `small_sample` under 30 valid answers (§7, §4).
 */
export function computeSatisfaction(outcomes: OutcomeCounts): SatisfactionResult {
  const base = computeProportion({
    yes: sumOutcomes(outcomes, ["4", "5"]),
    no: sumOutcomes(outcomes, ["1", "2", "3"]),
    excluded: sumOutcomes(outcomes, ["dont_know"]),
  });
  const bySex = Object.fromEntries(
    sexes.map((sex) => [sex, satisfactionValue(base.bySex[sex])]),
  ) as Record<Sex, SatisfactionValue>;
  const { yes, no } = base.parts;
  return {
    ...base,
    ...satisfactionValue(base),
    bySex,
    differenceFM: computeNewcombeInterval(yes.F, yes.F + no.F, yes.M, yes.M + no.M),
  };
}

/** Resolved issues with the same number of days from raised to resolved, by sex of the resident. */
export interface DurationCount {
  readonly days: number;
  readonly sex: Sex;
  readonly count: number;
}

export interface MedianValue {
  readonly value: number | null;
  /** Resolved issues the median is taken over. */
  readonly denominator: number;
  readonly reason?: CommunityReason;
}

export interface MedianDaysResult extends MedianValue {
  readonly numerator: null;
  /** Resolved + still open, by sex. */
  readonly counts: SexCounts;
  readonly parts: { readonly resolved: SexCounts; readonly open: SexCounts };
  readonly bySex: Readonly<Record<Sex, MedianValue>>;
  /** Issues still open at the end of the period (the median ignores them). */
  readonly openIssues: number;
}

/** Median of weighted values: the middle one, or the mean of the two middle ones (even count). */
function medianOf(durations: readonly DurationCount[]): MedianValue {
  const sorted = [...durations].filter((d) => d.count > 0).sort((a, b) => a.days - b.days);
  const n = sorted.reduce((acc, d) => acc + d.count, 0);
  if (n === 0) return { value: null, denominator: 0, reason: "empty_denominator" };
  const at = (rank: number): number => {
    let seen = 0;
    for (const d of sorted) {
      seen += d.count;
      if (seen >= rank) return d.days;
    }
    throw new Error(`no value at rank ${rank} of ${n}`);
  };
  const value = n % 2 === 1 ? at((n + 1) / 2) : (at(n / 2) + at(n / 2 + 1)) / 2;
  return { value, denominator: n };
}

/**
 * Median days from raised to resolved over the issues resolved in the period (even count: mean of
 * the two middle values; none: null `empty_denominator`), overall and by sex, with the issues still
 * open at the end of the period counted beside (§7).
 */
export function computeMedianDaysToResolution(
  durations: readonly DurationCount[],
  open: SexCounts,
): MedianDaysResult {
  const resolved = toSexCounts(
    Object.fromEntries(
      sexes.map((sex) => [
        sex,
        durations.filter((d) => d.sex === sex).reduce((acc, d) => acc + d.count, 0),
      ]),
    ),
  );
  return {
    ...medianOf(durations),
    numerator: null,
    counts: sumCounts([resolved, open]),
    parts: { resolved, open },
    bySex: Object.fromEntries(
      sexes.map((sex) => [sex, medianOf(durations.filter((d) => d.sex === sex))]),
    ) as Record<Sex, MedianValue>,
    openIssues: open.N,
  };
}

export interface OutreachSessionsResult {
  /** Sessions held in the period. */
  readonly value: number;
  readonly numerator: number;
  readonly denominator: null;
  /** Officers present by sex, summed over the sessions (officer-attendances). */
  readonly counts: SexCounts;
}

/** Outcomes `session` (sessions, counted under U) and `officer` (officers present by sex). */
export function computeOutreachSessions(outcomes: OutcomeCounts): OutreachSessionsResult {
  const sessions = (outcomes.session ?? EMPTY).N;
  return {
    value: sessions,
    numerator: sessions,
    denominator: null,
    counts: outcomes.officer ?? EMPTY,
  };
}
