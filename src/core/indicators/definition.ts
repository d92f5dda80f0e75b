import type { FlowCounts, FlowOptions, LeaverRow, RateRatioReason } from "../stats/flows";
import type { DurationCount, OutcomeCounts } from "../stats/community";
import type { SurvivalQuantileReason } from "../stats/kaplan-meier";
import type { ParityReason } from "../stats/parity";
import type { Rational } from "../stats/rational";
import type { ShareRatioReason } from "../stats/representation";
import type { SexCounts, ShareOptions, ShareReason } from "../stats/share";
import type { RankStint } from "../stats/time-to-promotion";

/**
 * What an indicator definition is (INDICATORS.md §0, docs/indicators.md): what it measures, in
 * which unit, how it may be broken down, which of its counts disclosure control applies to, and
 * the pure function that computes it. The data layer reads `input` and `population` to know which
 * counts to fetch. The definitions themselves are in `workforce-indicators.ts` and
 * `community-indicators.ts`, joined in `registry.ts`.
 */

export const indicatorUnits = [
  "count",
  "share",
  "ratio",
  "index",
  "rate",
  "years",
  "days",
] as const;
export type IndicatorUnit = (typeof indicatorUnits)[number];

/** `category`, `source` and `age_group` break down community policing indicators (§7). */
export const disaggregations = [
  "rank",
  "rank_group",
  "role",
  "age_band",
  "sex",
  "unit",
  "category",
  "source",
  "age_group",
] as const;
export type Disaggregation = (typeof disaggregations)[number];

/** Why a value is null (INDICATORS.md §0: never 0, NaN or Infinity); `no_target`: none is set. */
export type IndicatorReason =
  | ShareReason
  | ShareRatioReason
  | ParityReason
  | RateRatioReason
  | SurvivalQuantileReason
  | "no_target";

/** Every reason code, each with its text at `web.indicatorReasons.<code>`. */
export const indicatorReasons = [
  "empty_denominator",
  "no_women_in_scope",
  "no_women_in_top_grade",
  "no_men",
  "no_variation",
  "no_men_hired_rate",
  "no_men_promoted_rate",
  "no_men_separated_rate",
  "median_not_reached",
  "quartile_not_reached",
  "no_target",
] as const satisfies readonly IndicatorReason[];

/** `stock`: evaluated at an as-of date. `flow`: over a period [start, end). */
export type IndicatorBasis = "stock" | "flow";

/**
 * Who is counted: everyone in post; posts flagged leadership; posts in specialised unit types
 * (anti-trafficking, family & GBV, border, investigation); ranks below the top of the scheme.
 */
export type IndicatorPopulation =
  "in_post" | "leadership_posts" | "specialist_units" | "promotion_eligible" | CommunityPopulation;

/**
 * What community indicators count (INDICATORS.md §7; docs/indicators.md §7), each tallied by an
 * outcome and the sex of the resident concerned: outreach sessions (and officers present), attendance
 * cells, issues raised in the period (by first outcome), requests for a woman officer (assigned or
 * not), referrals sent (outcome recorded or not), issues closed (final status), resolved issues
 * answered by the resident (answer), issues open on a date (overdue or not), resolved issues (days
 * to resolution, with those still open), satisfaction answers (1–5 or don't know).
 */
export const communityPopulations = [
  "outreach_sessions",
  "outreach_attendances",
  "issues_raised",
  "woman_officer_requests",
  "referrals_sent",
  "issues_closed",
  "issues_resident_answered",
  "issues_open",
  "issues_resolved",
  "satisfaction_answers",
] as const;
export type CommunityPopulation = (typeof communityPopulations)[number];

export function isCommunityPopulation(value: IndicatorPopulation): value is CommunityPopulation {
  return (communityPopulations as readonly string[]).includes(value);
}

/**
 * The counts of a result that statistical disclosure control (INDICATORS.md §8) treats as table
 * cells: `headcount_by_sex` the population's F/M/X/U and N; `reference_headcount_by_sex` the
 * comparison population (the whole scope, the top rank group); `events_by_sex` hires, promotions or
 * exits; `stock_by_sex` the start and end stocks; `stints_by_sex` the rank stints observed and
 * promoted. A value derived from counts is suppressed whenever one of its counts is (§8.3).
 */
export const sdcCounts = [
  "headcount_by_sex",
  "reference_headcount_by_sex",
  "events_by_sex",
  "stock_by_sex",
  "stints_by_sex",
  "residents_by_sex",
  "attendances_by_sex",
  "officers_by_sex",
  "respondents_by_sex",
] as const;
export type SdcCount = (typeof sdcCounts)[number];

export interface DisclosureRule {
  readonly counts: readonly SdcCount[];
  /** The value is a share, rate, ratio or duration computed from the counts. */
  readonly isDerived: boolean;
  /**
   * For a value computed from parts of the counts (community indicators): the parts its numerator
   * and its denominator add up. It is published only when both can be read from published cells.
   */
  readonly valueFrom?: {
    readonly numerator: readonly string[];
    readonly denominator: readonly string[];
  };
}

/** The inputs each compute function takes, named by `input`. */
export interface ComputeByInput {
  readonly sex_counts: (counts: SexCounts, options?: ShareOptions) => unknown;
  readonly sex_counts_vs_reference: (counts: SexCounts, reference: SexCounts) => unknown;
  readonly sex_counts_vs_target: (counts: SexCounts, target: Rational) => unknown;
  readonly flow: (flow: FlowCounts, options?: FlowOptions) => unknown;
  readonly leavers: (
    rows: readonly LeaverRow[],
    stocks: Pick<FlowCounts, "stockStart" | "stockEnd">,
    options?: FlowOptions,
  ) => unknown;
  readonly rank_stints: (stints: readonly RankStint[], asOf: string) => unknown;
  /** Community tallies: counts by sex of each outcome. */
  readonly outcomes: (outcomes: OutcomeCounts) => unknown;
  /** Resolved issues by days to resolution, and the issues still open. */
  readonly durations: (durations: readonly DurationCount[], open: SexCounts) => unknown;
}
export type IndicatorInput = keyof ComputeByInput;

interface DefinitionFields<Id extends string> {
  readonly id: Id;
  /** i18n prefix: `<definitionKey>.name` and `<definitionKey>.definition`. */
  readonly definitionKey: `web.indicators.${Id}`;
  readonly unit: IndicatorUnit;
  readonly basis: IndicatorBasis;
  readonly population: IndicatorPopulation;
  readonly disaggregations: readonly Disaggregation[];
  readonly disclosure: DisclosureRule;
}

export type IndicatorDefinition<Id extends string = string> = {
  [Input in IndicatorInput]: DefinitionFields<Id> & {
    readonly input: Input;
    readonly compute: ComputeByInput[Input];
  };
}[IndicatorInput];

/** Checks at compile time that each entry's `id` and `definitionKey` match its key. */
export function defineRegistry<
  const Registry extends { [Id in keyof Registry & string]: IndicatorDefinition<Id> },
>(registry: Registry): Registry {
  return registry;
}
