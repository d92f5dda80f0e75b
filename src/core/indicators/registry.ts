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
import {
  computeMedianDaysToResolution,
  computeOfficerResolutionRate,
  computeOnTheSpotRate,
  computeOutreachSessions,
  computeOverdueShare,
  computeReferralCompletionRate,
  computeReferralRate,
  computeResidentConfirmedResolutionRate,
  computeSatisfaction,
  computeWomanOfficerRequestFulfilment,
  type DurationCount,
  type OutcomeCounts,
} from "../stats/community";
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

const ALL_BUT_SEX = ["rank", "rank_group", "role", "age_band", "unit"] as const;
const ALL = [...ALL_BUT_SEX, "sex"] as const;
const STOCK_SHARE: DisclosureRule = { counts: ["headcount_by_sex"], isDerived: true };
const STOCK_VS_REFERENCE: DisclosureRule = {
  counts: ["headcount_by_sex", "reference_headcount_by_sex"],
  isDerived: true,
};
const FLOW: DisclosureRule = { counts: ["events_by_sex", "stock_by_sex"], isDerived: true };
const COMMUNITY_BREAKDOWNS = ["unit", "category", "source", "sex"] as const;
const PROPORTION_OF_RESIDENTS: DisclosureRule = {
  counts: ["residents_by_sex"],
  isDerived: true,
  valueFrom: { numerator: ["yes"], denominator: ["yes", "no"] },
};

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
  outreach_attendance: {
    id: "outreach_attendance",
    definitionKey: "web.indicators.outreach_attendance",
    unit: "count",
    basis: "flow",
    population: "outreach_attendances",
    disaggregations: ["unit", "age_group", "sex"],
    disclosure: { counts: ["attendances_by_sex"], isDerived: false },
    input: "sex_counts",
    compute: computeHeadcount,
  },
  outreach_sessions: {
    id: "outreach_sessions",
    definitionKey: "web.indicators.outreach_sessions",
    unit: "count",
    basis: "flow",
    population: "outreach_sessions",
    disaggregations: ["unit"],
    disclosure: { counts: ["officers_by_sex"], isDerived: false },
    input: "outcomes",
    compute: computeOutreachSessions,
  },
  issues_raised: {
    id: "issues_raised",
    definitionKey: "web.indicators.issues_raised",
    unit: "count",
    basis: "flow",
    population: "issues_raised",
    disaggregations: COMMUNITY_BREAKDOWNS,
    disclosure: { counts: ["residents_by_sex"], isDerived: false },
    input: "sex_counts",
    compute: computeHeadcount,
  },
  on_the_spot_rate: {
    id: "on_the_spot_rate",
    definitionKey: "web.indicators.on_the_spot_rate",
    unit: "share",
    basis: "flow",
    population: "issues_raised",
    disaggregations: COMMUNITY_BREAKDOWNS,
    disclosure: PROPORTION_OF_RESIDENTS,
    input: "outcomes",
    compute: computeOnTheSpotRate,
  },
  referral_rate: {
    id: "referral_rate",
    definitionKey: "web.indicators.referral_rate",
    unit: "share",
    basis: "flow",
    population: "issues_raised",
    disaggregations: COMMUNITY_BREAKDOWNS,
    disclosure: PROPORTION_OF_RESIDENTS,
    input: "outcomes",
    compute: computeReferralRate,
  },
  referral_completion_rate: {
    id: "referral_completion_rate",
    definitionKey: "web.indicators.referral_completion_rate",
    unit: "share",
    basis: "flow",
    population: "referrals_sent",
    disaggregations: COMMUNITY_BREAKDOWNS,
    disclosure: PROPORTION_OF_RESIDENTS,
    input: "outcomes",
    compute: computeReferralCompletionRate,
  },
  resolution_rate_officer: {
    id: "resolution_rate_officer",
    definitionKey: "web.indicators.resolution_rate_officer",
    unit: "share",
    basis: "flow",
    population: "issues_closed",
    disaggregations: COMMUNITY_BREAKDOWNS,
    disclosure: PROPORTION_OF_RESIDENTS,
    input: "outcomes",
    compute: computeOfficerResolutionRate,
  },
  resolution_rate_resident_confirmed: {
    id: "resolution_rate_resident_confirmed",
    definitionKey: "web.indicators.resolution_rate_resident_confirmed",
    unit: "share",
    basis: "flow",
    population: "issues_resident_answered",
    disaggregations: COMMUNITY_BREAKDOWNS,
    disclosure: PROPORTION_OF_RESIDENTS,
    input: "outcomes",
    compute: computeResidentConfirmedResolutionRate,
  },
  median_days_to_resolution: {
    id: "median_days_to_resolution",
    definitionKey: "web.indicators.median_days_to_resolution",
    unit: "days",
    basis: "flow",
    population: "issues_resolved",
    disaggregations: COMMUNITY_BREAKDOWNS,
    disclosure: {
      counts: ["residents_by_sex"],
      isDerived: true,
      valueFrom: { numerator: ["resolved"], denominator: ["resolved"] },
    },
    input: "durations",
    compute: computeMedianDaysToResolution,
  },
  overdue_share: {
    id: "overdue_share",
    definitionKey: "web.indicators.overdue_share",
    unit: "share",
    basis: "stock",
    population: "issues_open",
    disaggregations: COMMUNITY_BREAKDOWNS,
    disclosure: PROPORTION_OF_RESIDENTS,
    input: "outcomes",
    compute: computeOverdueShare,
  },
  woman_officer_request_fulfilment: {
    id: "woman_officer_request_fulfilment",
    definitionKey: "web.indicators.woman_officer_request_fulfilment",
    unit: "share",
    basis: "flow",
    population: "woman_officer_requests",
    disaggregations: COMMUNITY_BREAKDOWNS,
    disclosure: PROPORTION_OF_RESIDENTS,
    input: "outcomes",
    compute: computeWomanOfficerRequestFulfilment,
  },
  satisfaction: {
    id: "satisfaction",
    definitionKey: "web.indicators.satisfaction",
    unit: "share",
    basis: "flow",
    population: "satisfaction_answers",
    disaggregations: ["unit", "age_group", "sex"],
    disclosure: { ...PROPORTION_OF_RESIDENTS, counts: ["respondents_by_sex"] },
    input: "outcomes",
    compute: computeSatisfaction,
  },
});

export type IndicatorId = keyof typeof indicatorRegistry;

export const indicatorIds = Object.keys(indicatorRegistry) as IndicatorId[];

export function isIndicatorId(value: string): value is IndicatorId {
  return Object.hasOwn(indicatorRegistry, value);
}
