import {
  computeHireRates,
  computeLeaversByReason,
  computePromotionRateRatio,
  computePromotionRates,
  computeSeparationRates,
  type FlowCounts,
  type FlowOptions,
  type LeaverRow,
  type RateRatioReason,
} from "../stats/flows";
import { computeHeadcount } from "../stats/headcount";
import type { SurvivalQuantileReason } from "../stats/kaplan-meier";
import {
  computeHeadcountAdjustedParityIndex,
  computeHeadcountParityIndex,
  type ParityReason,
} from "../stats/parity";
import type { Rational } from "../stats/rational";
import {
  computeGlassCeilingIndex,
  computeRepresentationRatio,
  type ShareRatioReason,
} from "../stats/representation";
import {
  computeShareOfWomen,
  type SexCounts,
  type ShareOptions,
  type ShareReason,
} from "../stats/share";
import { computeTargetGap } from "../stats/target";
import { computeTimeToPromotion, type RankStint } from "../stats/time-to-promotion";

/**
 * One registry of indicator definitions (INDICATORS.md §0–§2, docs/indicators.md): what each
 * indicator measures, in which unit, how it may be broken down, which of its counts disclosure
 * control applies to, and the pure function that computes it. The API, CLI and reports are driven
 * by it; the data layer reads `input` and `population` to know which counts to fetch.
 */

export const indicatorUnits = ["count", "share", "ratio", "index", "rate", "years"] as const;
export type IndicatorUnit = (typeof indicatorUnits)[number];

export const disaggregations = ["rank", "rank_group", "role", "age_band", "sex", "unit"] as const;
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
  "in_post" | "leadership_posts" | "specialist_units" | "promotion_eligible";

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
] as const;
export type SdcCount = (typeof sdcCounts)[number];

export interface DisclosureRule {
  readonly counts: readonly SdcCount[];
  /** The value is a share, rate, ratio or duration computed from the counts. */
  readonly isDerived: boolean;
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

const ALL_BUT_SEX = ["rank", "rank_group", "role", "age_band", "unit"] as const;
const ALL = [...ALL_BUT_SEX, "sex"] as const;
const STOCK_SHARE: DisclosureRule = { counts: ["headcount_by_sex"], isDerived: true };
const STOCK_VS_REFERENCE: DisclosureRule = {
  counts: ["headcount_by_sex", "reference_headcount_by_sex"],
  isDerived: true,
};
const FLOW: DisclosureRule = { counts: ["events_by_sex", "stock_by_sex"], isDerived: true };

/** Checks at compile time that each entry's `id` and `definitionKey` match its key. */
function defineRegistry<
  const Registry extends { [Id in keyof Registry & string]: IndicatorDefinition<Id> },
>(registry: Registry): Registry {
  return registry;
}

export const indicatorRegistry = defineRegistry({
  headcount: {
    id: "headcount",
    definitionKey: "web.indicators.headcount",
    unit: "count",
    basis: "stock",
    population: "in_post",
    disaggregations: ALL,
    disclosure: { counts: ["headcount_by_sex"], isDerived: false },
    input: "sex_counts",
    compute: computeHeadcount,
  },
  share_women: {
    id: "share_women",
    definitionKey: "web.indicators.share_women",
    unit: "share",
    basis: "stock",
    population: "in_post",
    disaggregations: ALL_BUT_SEX,
    disclosure: STOCK_SHARE,
    input: "sex_counts",
    compute: computeShareOfWomen,
  },
  representation_ratio: {
    id: "representation_ratio",
    definitionKey: "web.indicators.representation_ratio",
    unit: "ratio",
    basis: "stock",
    population: "in_post",
    disaggregations: ALL_BUT_SEX,
    disclosure: STOCK_VS_REFERENCE,
    input: "sex_counts_vs_reference",
    compute: computeRepresentationRatio,
  },
  glass_ceiling_index: {
    id: "glass_ceiling_index",
    definitionKey: "web.indicators.glass_ceiling_index",
    unit: "index",
    basis: "stock",
    population: "in_post",
    disaggregations: ["unit"],
    disclosure: STOCK_VS_REFERENCE,
    input: "sex_counts_vs_reference",
    compute: computeGlassCeilingIndex,
  },
  gender_parity_index: {
    id: "gender_parity_index",
    definitionKey: "web.indicators.gender_parity_index",
    unit: "index",
    basis: "stock",
    population: "in_post",
    disaggregations: ALL_BUT_SEX,
    disclosure: STOCK_SHARE,
    input: "sex_counts",
    compute: computeHeadcountParityIndex,
  },
  gender_parity_index_adjusted: {
    id: "gender_parity_index_adjusted",
    definitionKey: "web.indicators.gender_parity_index_adjusted",
    unit: "index",
    basis: "stock",
    population: "in_post",
    disaggregations: ALL_BUT_SEX,
    disclosure: STOCK_SHARE,
    input: "sex_counts",
    compute: computeHeadcountAdjustedParityIndex,
  },
  target_gap: {
    id: "target_gap",
    definitionKey: "web.indicators.target_gap",
    unit: "share",
    basis: "stock",
    population: "in_post",
    disaggregations: ["unit", "rank_group"],
    disclosure: STOCK_SHARE,
    input: "sex_counts_vs_target",
    compute: computeTargetGap,
  },
  leadership_share: {
    id: "leadership_share",
    definitionKey: "web.indicators.leadership_share",
    unit: "share",
    basis: "stock",
    population: "leadership_posts",
    disaggregations: ALL_BUT_SEX,
    disclosure: STOCK_SHARE,
    input: "sex_counts",
    compute: computeShareOfWomen,
  },
  specialist_share: {
    id: "specialist_share",
    definitionKey: "web.indicators.specialist_share",
    unit: "share",
    basis: "stock",
    population: "specialist_units",
    disaggregations: ALL_BUT_SEX,
    disclosure: STOCK_SHARE,
    input: "sex_counts",
    compute: computeShareOfWomen,
  },
  hire_rate: {
    id: "hire_rate",
    definitionKey: "web.indicators.hire_rate",
    unit: "rate",
    basis: "flow",
    population: "in_post",
    disaggregations: ALL,
    disclosure: FLOW,
    input: "flow",
    compute: computeHireRates,
  },
  promotion_rate: {
    id: "promotion_rate",
    definitionKey: "web.indicators.promotion_rate",
    unit: "rate",
    basis: "flow",
    population: "promotion_eligible",
    disaggregations: ALL,
    disclosure: FLOW,
    input: "flow",
    compute: computePromotionRates,
  },
  promotion_rate_ratio: {
    id: "promotion_rate_ratio",
    definitionKey: "web.indicators.promotion_rate_ratio",
    unit: "ratio",
    basis: "flow",
    population: "promotion_eligible",
    disaggregations: ALL_BUT_SEX,
    disclosure: FLOW,
    input: "flow",
    compute: computePromotionRateRatio,
  },
  separation_rate: {
    id: "separation_rate",
    definitionKey: "web.indicators.separation_rate",
    unit: "rate",
    basis: "flow",
    population: "in_post",
    disaggregations: ALL,
    disclosure: FLOW,
    input: "flow",
    compute: computeSeparationRates,
  },
  leavers_by_reason: {
    id: "leavers_by_reason",
    definitionKey: "web.indicators.leavers_by_reason",
    unit: "count",
    basis: "flow",
    population: "in_post",
    disaggregations: ALL,
    disclosure: FLOW,
    input: "leavers",
    compute: computeLeaversByReason,
  },
  time_to_promotion: {
    id: "time_to_promotion",
    definitionKey: "web.indicators.time_to_promotion",
    unit: "years",
    basis: "stock",
    population: "promotion_eligible",
    disaggregations: ["rank", "rank_group", "unit", "sex"],
    disclosure: { counts: ["stints_by_sex"], isDerived: true },
    input: "rank_stints",
    compute: computeTimeToPromotion,
  },
});

export type IndicatorId = keyof typeof indicatorRegistry;

export const indicatorIds = Object.keys(indicatorRegistry) as IndicatorId[];

export function isIndicatorId(value: string): value is IndicatorId {
  return Object.hasOwn(indicatorRegistry, value);
}
