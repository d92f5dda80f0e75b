import type { IndicatorId } from "../indicators/registry";
import type { TargetProgress } from "../schemas/targets";
import type {
  IndicatorAudience,
  IndicatorResult,
  RowDisaggregation,
  TrendResult,
} from "../schemas/indicators";
import { flowChart, flowTable, leaversTable, promotionTimeTable } from "./annual-report-flows";
import {
  headcountTable,
  keyFiguresTable,
  pipelineChart,
  pipelineTable,
  populationsTable,
  trendChart,
  trendTable,
} from "./annual-report-sections";
import { buildDataQualityTable, type DataQualityCounts } from "./data-quality";
import { alignLinkedResults } from "./linked-results";
import type { AnnualReport, ReportDataset, ReportSection } from "./report-model";
import { targetsTable } from "./targets-table";

/**
 * The annual gender report (issue 6, "Reports"): which indicators it computes, for which dates and
 * breakdowns, and how their results become sections of tables and charts. Pure: the service runs
 * the plan against the indicator service and hands the results to `buildAnnualReport`.
 */

/** How many years the trend section looks back (the as-of year included). */
export const TREND_YEARS = 10;

export interface AnnualReportPeriod {
  readonly year: number;
  /** Stocks are counted on this day: 31 December, or today for the current year. */
  readonly at: string;
  /** Flows are counted over [from, to): the calendar year, or up to today for the current year. */
  readonly from: string;
  readonly to: string;
}

/** The dates of the report of `year`; null for a year that has not started yet. */
export function annualReportPeriod(year: number, today: string): AnnualReportPeriod | null {
  const from = `${String(year).padStart(4, "0")}-01-01`;
  if (from > today) return null;
  const end = `${String(year + 1).padStart(4, "0")}-01-01`;
  const isComplete = end <= today;
  return { year, at: isComplete ? `${year}-12-31` : today, from, to: isComplete ? end : today };
}

interface Request {
  readonly indicator: IndicatorId;
  readonly by: readonly RowDisaggregation[];
}

/** Results computed for the as-of date (stocks) or the period (flows). */
const computeRequests = {
  headcount_by_rank_group: { indicator: "headcount", by: ["rank_group"] },
  share_by_rank_group: { indicator: "share_women", by: ["rank_group"] },
  pipeline: { indicator: "share_women", by: ["rank"] },
  glass_ceiling: { indicator: "glass_ceiling_index", by: [] },
  leadership: { indicator: "leadership_share", by: [] },
  specialist: { indicator: "specialist_share", by: [] },
  hire_rate: { indicator: "hire_rate", by: [] },
  promotion_rate: { indicator: "promotion_rate", by: [] },
  separation_rate: { indicator: "separation_rate", by: [] },
  promotion_rate_ratio: { indicator: "promotion_rate_ratio", by: [] },
  leavers_by_reason: { indicator: "leavers_by_reason", by: [] },
  time_to_promotion: { indicator: "time_to_promotion", by: ["rank_group"] },
} as const satisfies Record<string, Request>;
export type ComputeKey = keyof typeof computeRequests;

/** Yearly series of `TREND_YEARS` points ending at the as-of date. */
const trendRequests = {
  headcount_trend: { indicator: "headcount", by: ["rank_group"] },
  share_trend: { indicator: "share_women", by: ["rank_group"] },
} as const satisfies Record<string, Request>;
export type TrendKey = keyof typeof trendRequests;

export interface PlannedRequest<Key extends string> extends Request {
  readonly key: Key;
}

/**
 * What the report asks the indicator service for. An external report shows the pipeline by rank
 * group, not by rank: ranks nest in rank groups, and two tables of one population at two levels,
 * each protected on its own, could reveal a hidden count through their sums (INDICATORS.md §8.4:
 * publish one level only).
 */
export function planAnnualReport(audience: IndicatorAudience): {
  readonly computes: readonly PlannedRequest<ComputeKey>[];
  readonly trends: readonly PlannedRequest<TrendKey>[];
} {
  const computes = Object.entries(computeRequests).map(([key, request]) =>
    key === "pipeline" && audience === "external"
      ? { key: key as ComputeKey, ...request, by: ["rank_group"] as const }
      : { key: key as ComputeKey, ...request },
  );
  const trends = Object.entries(trendRequests).map(([key, request]) => ({
    key: key as TrendKey,
    ...request,
  }));
  return { computes, trends };
}

export interface AnnualReportInput {
  readonly period: AnnualReportPeriod;
  readonly audience: IndicatorAudience;
  readonly results: Readonly<Record<ComputeKey, IndicatorResult>>;
  readonly trends: Readonly<Record<TrendKey, TrendResult>>;
  readonly dataQuality: DataQualityCounts;
  /** k of disclosure control (external reports); null for an internal report. */
  readonly disclosureK: number | null;
  /** Representation targets in scope on the as-of date; the section is left out when there are none. */
  readonly targets: readonly TargetProgress[];
}

/** The report's sections, in order, with the datasets the tidy CSV and SDMX files are made of. */
export function buildAnnualReport(input: AnnualReportInput): AnnualReport {
  const { trends } = input;
  const r = alignLinkedResults(input.results);
  const flows = [r.hire_rate, r.promotion_rate, r.separation_rate];
  const isPipelineByRank = r.pipeline.by.includes("rank");
  const sections: ReportSection[] = [
    {
      id: "summary",
      charts: [],
      tables: [
        keyFiguresTable([
          r.headcount_by_rank_group,
          r.share_by_rank_group,
          r.glass_ceiling,
          r.leadership,
          r.specialist,
          r.promotion_rate_ratio,
        ]),
      ],
    },
    {
      id: "representation",
      charts: [pipelineChart(r.pipeline)],
      tables: [
        headcountTable(
          "headcount_by_rank_group",
          "reports.columns.rank_group",
          r.headcount_by_rank_group,
          r.share_by_rank_group,
        ),
        ...(isPipelineByRank ? [pipelineTable(r.pipeline)] : []),
      ],
    },
    {
      id: "trend",
      charts: [trendChart(trends.share_trend)],
      tables: [trendTable(trends.headcount_trend, trends.share_trend)],
    },
    { id: "leadership", charts: [], tables: [populationsTable([r.leadership, r.specialist])] },
    { id: "flows", charts: [flowChart(flows)], tables: [flowTable(flows)] },
    { id: "leavers", charts: [], tables: [leaversTable(r.leavers_by_reason, r.separation_rate)] },
    { id: "promotion_time", charts: [], tables: [promotionTimeTable(r.time_to_promotion)] },
    ...(input.targets.length === 0
      ? []
      : [
          {
            id: "targets" as const,
            charts: [],
            tables: [targetsTable(input.targets, input.disclosureK)],
          },
        ]),
    {
      id: "data_quality",
      charts: [],
      tables: [
        buildDataQualityTable(r.headcount_by_rank_group, input.dataQuality, input.disclosureK),
      ],
    },
  ];
  const datasets: ReportDataset[] = [
    ...(Object.keys(computeRequests) as ComputeKey[]).map((key) => ({
      table: key,
      result: r[key],
    })),
    ...(Object.keys(trendRequests) as TrendKey[]).flatMap((key) =>
      trends[key].points.map((result) => ({ table: key, result })),
    ),
  ];
  const indicators = [...new Set(datasets.map((d) => d.result.indicator as IndicatorId))];
  return {
    year: input.period.year,
    at: input.period.at,
    from: input.period.from,
    to: input.period.to,
    audience: input.audience,
    scope: r.headcount_by_rank_group.scope,
    sections,
    indicators,
    datasets,
    disclosureK: input.disclosureK,
  };
}
