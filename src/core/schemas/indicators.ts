import { z } from "zod";
import {
  disaggregations,
  indicatorIds,
  indicatorUnits,
  type Disaggregation,
} from "../indicators/registry";
import { calendarDate } from "./common";

/** Breakdowns a caller may ask for; sex is never a row key, it is always the columns (counts). */
export const rowDisaggregations = disaggregations.filter(
  (d): d is Exclude<Disaggregation, "sex"> => d !== "sex",
);
export type RowDisaggregation = (typeof rowDisaggregations)[number];

const byList = z
  .string()
  .optional()
  .transform((value, context) => {
    const parts = (value ?? "")
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
    for (const part of parts) {
      if (!(rowDisaggregations as readonly string[]).includes(part)) {
        context.addIssue({ code: "custom", message: `unknown breakdown '${part}'` });
        return z.NEVER;
      }
    }
    if (new Set(parts).size !== parts.length || parts.length > 2) {
      context.addIssue({ code: "custom", message: "at most two different breakdowns" });
      return z.NEVER;
    }
    return parts as RowDisaggregation[];
  });

export const indicatorAudiences = ["internal", "external"] as const;
export type IndicatorAudience = (typeof indicatorAudiences)[number];

/** `/api/indicators/:id`: a stock indicator at `at` (default today), a flow over [from, to). */
export const indicatorQuery = z.object({
  unit: z.coerce.number().int().positive().optional(),
  at: calendarDate.optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  by: byList,
  /** `external`: disclosure control applied (always so for partner-viewers). */
  audience: z.enum(indicatorAudiences).default("internal"),
});
export type IndicatorQuery = z.infer<typeof indicatorQuery>;

export const trendQuery = indicatorQuery.extend({
  /** Yearly points back from `at` (stocks) or yearly periods ending at `at` (flows). */
  years: z.coerce.number().int().min(1).max(30).default(10),
  /**
   * Monthly points instead: the calendar months ending with `at`'s month (stocks at each month-end,
   * flows over each month; the last month ends at `at`).
   */
  months: z.coerce.number().int().min(1).max(36).optional(),
});
export type TrendQuery = z.infer<typeof trendQuery>;

export const indicatorParams = z.object({
  indicator: z.enum(indicatorIds as [string, ...string[]]),
});

const nullableCount = z.number().nullable();

const confidenceInterval = z.object({
  low: z.number(),
  high: z.number(),
  level: z.number(),
  method: z.string(),
});

const countsBySex = z.object({
  F: nullableCount,
  M: nullableCount,
  X: nullableCount,
  U: nullableCount,
  N: nullableCount,
});

export const suppressionMark = z.enum(["primary", "complementary", "derived"]);

/** A value by sex of a flow or duration indicator (rates, time in rank). */
const sexValue = z.object({
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  reason: z.string().optional(),
  suppression: suppressionMark.nullable(),
  /** Satisfaction: the Wilson interval and `small_sample` of this sex's answers. */
  ci: confidenceInterval.nullable().optional(),
  flags: z.array(z.string()).optional(),
});

/** One row of a result (or its total): a group of the breakdown with its counts by sex. */
export const indicatorCell = z.object({
  /** Codes of the row's categories, e.g. `{ rank_group: "SENIOR", unit: "P01" }`; `{}` for the total. */
  key: z.record(z.string(), z.string()),
  /** Display names of the same categories. */
  labels: z.record(z.string(), z.string()),
  /** The counts disclosure control treats as cells: persons (stocks), events (flows), stints. */
  counts: countsBySex,
  /**
   * Community indicators: the counts split into the parts the value is computed from (`yes`, `no`,
   * `excluded` of a proportion; `resolved`, `open` of the median days), each by sex.
   */
  parts: z.record(z.string(), countsBySex).optional(),
  /** Community results after disclosure control: why each hidden count (F … N) is hidden. */
  countMarks: z.record(z.string(), suppressionMark.nullable()).optional(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** Why `value` is null (`web.indicatorReasons.<code>`), or why it is withheld (`sdc.*`). */
  reason: z.string().optional(),
  ci: confidenceInterval.nullable().optional(),
  bySex: z.record(z.string(), sexValue).optional(),
  /** Indicator-specific figures: bounds, unknown share, on-track flag, quartiles, … */
  details: z.record(z.string(), z.unknown()).optional(),
  /** Set when a count or the value of this row is hidden; the reason is never silent. */
  suppression: suppressionMark.nullable(),
});
export type IndicatorCell = z.infer<typeof indicatorCell>;

export const disclosureSummary = z.object({
  k: z.number().int(),
  protectionLevel: z.number().int(),
  suppressedCells: z.number().int(),
  /** `sdc.table_note` with `{ k }`. */
  messageKey: z.string(),
});

export const indicatorResult = z.object({
  indicator: z.enum(indicatorIds as [string, ...string[]]),
  unitOfMeasure: z.enum(indicatorUnits),
  basis: z.enum(["stock", "flow"]),
  definitionKey: z.string(),
  scope: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
  at: calendarDate.nullable(),
  from: calendarDate.nullable(),
  to: calendarDate.nullable(),
  by: z.array(z.enum(rowDisaggregations as [RowDisaggregation, ...RowDisaggregation[]])),
  total: indicatorCell,
  rows: z.array(indicatorCell),
  /** Null for an internal result; set (even with no suppression) when disclosure control ran. */
  disclosure: disclosureSummary.nullable(),
});
export type IndicatorResult = z.infer<typeof indicatorResult>;

export const trendResult = z.object({
  indicator: z.enum(indicatorIds as [string, ...string[]]),
  points: z.array(indicatorResult),
});
export type TrendResult = z.infer<typeof trendResult>;

export const indicatorDefinition = z.object({
  id: z.enum(indicatorIds as [string, ...string[]]),
  definitionKey: z.string(),
  unitOfMeasure: z.enum(indicatorUnits),
  basis: z.enum(["stock", "flow"]),
  disaggregations: z.array(z.string()),
});
export const indicatorList = z.object({
  indicators: z.array(indicatorDefinition),
  /**
   * The end of the month of the latest career event, at most today: registers are updated with a
   * lag, so the dashboard opens on the last month with data rather than on an empty recent period.
   */
  dataAsOf: calendarDate.nullable(),
});
