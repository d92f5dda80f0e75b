import { exitReasons, type ExitReason } from "../schemas/workforce-events";
import type { Sex } from "../schemas/sex";
import { DAYS_PER_YEAR } from "./days";
import { divideExact, toNumber, type Rational } from "./rational";
import { countBySex, type SexCounts } from "./share";

export const flowKinds = ["hire", "promotion", "separation"] as const;
export type FlowKind = (typeof flowKinds)[number];

/**
 * The counts one flow rate needs, by sex, for a period [start, end) (INDICATORS.md §2). For
 * promotions the stocks are those of the eligible population (ranks below the top of the scheme).
 */
export interface FlowCounts {
  readonly events: SexCounts;
  readonly stockStart: SexCounts;
  readonly stockEnd: SexCounts;
}

export interface FlowOptions {
  /** Annualise: rate × 365.25 / days, days = length of [start, end). Rates are per period otherwise. */
  readonly annualiseOverDays?: number;
}

export interface RateResult {
  readonly value: number | null;
  /** Events in the period. */
  readonly numerator: number;
  /** Average headcount (stock(start) + stock(end)) / 2. */
  readonly denominator: number;
  readonly stockStart: number;
  readonly stockEnd: number;
  readonly reason?: "empty_denominator";
}

export type RateRatioReason =
  "empty_denominator" | "no_men_hired_rate" | "no_men_promoted_rate" | "no_men_separated_rate";

export interface RateRatioResult {
  /** rate_F / rate_M (the same with or without annualisation). */
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly reason?: RateRatioReason;
}

export interface FlowRatesResult {
  readonly kind: FlowKind;
  /** F, M, X and U each with their own rate; X and U are never folded into F or M. */
  readonly bySex: Readonly<Record<Sex, RateResult>>;
  /** Everyone, whatever the sex. */
  readonly all: RateResult;
  readonly womenToMenRatio: RateRatioResult;
  /** Events by sex (U = events of persons of unknown sex). */
  readonly counts: SexCounts;
  readonly annualisedOverDays: number | null;
}

const NO_MEN_RATE: Record<FlowKind, RateRatioReason> = {
  hire: "no_men_hired_rate",
  promotion: "no_men_promoted_rate",
  separation: "no_men_separated_rate",
};

/** events / avg as the exact 2·events / (start + end); null when the average is 0. */
function exactRate(events: number, start: number, end: number): Rational | null {
  return start + end === 0 ? null : { numerator: 2 * events, denominator: start + end };
}

function computeRate(events: number, start: number, end: number, factor: number): RateResult {
  const base = {
    numerator: events,
    denominator: (start + end) / 2,
    stockStart: start,
    stockEnd: end,
  };
  const rate = exactRate(events, start, end);
  return rate === null
    ? { ...base, value: null, reason: "empty_denominator" }
    : { ...base, value: (rate.numerator / rate.denominator) * factor };
}

function computeRateRatio(flow: FlowCounts, kind: FlowKind, factor: number): RateRatioResult {
  const women = exactRate(flow.events.F, flow.stockStart.F, flow.stockEnd.F);
  const men = exactRate(flow.events.M, flow.stockStart.M, flow.stockEnd.M);
  const base = {
    numerator: women && (women.numerator / women.denominator) * factor,
    denominator: men && (men.numerator / men.denominator) * factor,
  };
  if (women === null || men === null) return { ...base, value: null, reason: "empty_denominator" };
  if (men.numerator === 0) return { ...base, value: null, reason: NO_MEN_RATE[kind] };
  const ratio = divideExact(
    { numerator: BigInt(women.numerator), denominator: BigInt(women.denominator) },
    { numerator: BigInt(men.numerator), denominator: BigInt(men.denominator) },
  );
  return { ...base, value: toNumber(ratio) };
}

/**
 * Hire, promotion or separation rates by sex over a period (INDICATORS.md §2): events / average
 * headcount of the same population and sex, and the women/men rate ratio (F and M only).
 */
export function computeFlowRates(
  flow: FlowCounts,
  kind: FlowKind,
  options: FlowOptions = {},
): FlowRatesResult {
  const days = options.annualiseOverDays;
  const factor = days === undefined ? 1 : DAYS_PER_YEAR / days;
  const rateOf = (key: Sex | "N") =>
    computeRate(flow.events[key], flow.stockStart[key], flow.stockEnd[key], factor);
  return {
    kind,
    bySex: { F: rateOf("F"), M: rateOf("M"), X: rateOf("X"), U: rateOf("U") },
    all: rateOf("N"),
    womenToMenRatio: computeRateRatio(flow, kind, factor),
    counts: flow.events,
    annualisedOverDays: days ?? null,
  };
}

export interface LeaverRow {
  readonly reason: ExitReason;
  readonly sex: Sex;
  readonly count: number;
}

export interface LeaversByReasonResult {
  /** Every exit reason in the schema's order, zeros included. */
  readonly byReason: ReadonlyArray<FlowRatesResult & { readonly reason: ExitReason }>;
  readonly all: FlowRatesResult;
}

/**
 * Leavers by reason and sex (INDICATORS.md §2, separation rate "also by reason"): each reason's
 * separation rate over the same average headcount, and all reasons together.
 */
export function computeLeaversByReason(
  rows: readonly LeaverRow[],
  stocks: Pick<FlowCounts, "stockStart" | "stockEnd">,
  options: FlowOptions = {},
): LeaversByReasonResult {
  const rates = (events: SexCounts) =>
    computeFlowRates({ ...stocks, events }, "separation", options);
  return {
    byReason: exitReasons.map((reason) => ({
      reason,
      ...rates(countBySex(rows.filter((row) => row.reason === reason))),
    })),
    all: rates(countBySex(rows)),
  };
}

/** Hire rates by sex: entries into the service (hires, re-hires) / average headcount. */
export function computeHireRates(flow: FlowCounts, options: FlowOptions = {}): FlowRatesResult {
  return computeFlowRates(flow, "hire", options);
}

/** Promotion rates by sex: promotion events / average headcount of the eligible population. */
export function computePromotionRates(
  flow: FlowCounts,
  options: FlowOptions = {},
): FlowRatesResult {
  return computeFlowRates(flow, "promotion", options);
}

/** Separation rates by sex: exits of any reason / average headcount. */
export function computeSeparationRates(
  flow: FlowCounts,
  options: FlowOptions = {},
): FlowRatesResult {
  return computeFlowRates(flow, "separation", options);
}

/** promotion_rate_F / promotion_rate_M (INDICATORS.md §2); annualising would not change it. */
export function computePromotionRateRatio(flow: FlowCounts): RateRatioResult {
  return computeFlowRates(flow, "promotion").womenToMenRatio;
}
