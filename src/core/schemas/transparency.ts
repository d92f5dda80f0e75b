/**
 * The public transparency page of community policing (issue 7): monthly figures per province,
 * always disclosure-controlled (INDICATORS.md §8), read without signing in.
 */
import { z } from "zod";
import { indicatorIds, indicatorUnits } from "../indicators/registry";
import { disclosureSummary, suppressionMark } from "./indicators";

export const transparencyQuery = z.object({
  /** The calendar month, `YYYY-MM`; default: the last complete month. */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
});
export type TransparencyQuery = z.infer<typeof transparencyQuery>;

const protectedCount = z.number().nullable();

/** One published figure of one area: a value, or null with why (never silently blank). */
export const transparencyFigure = z.object({
  indicator: z.enum(indicatorIds as [string, ...string[]]),
  definitionKey: z.string(),
  unitOfMeasure: z.enum(indicatorUnits),
  value: z.number().nullable(),
  /** `empty_denominator` (nothing to measure) or `sdc.suppressed_derived` (withheld). */
  reason: z.string().optional(),
  /** Set when the figure or one of its counts is hidden by disclosure control. */
  suppression: suppressionMark.nullable(),
  /** Counts by sex of the figure's population (null: hidden, see `suppression`). */
  counts: z.object({
    F: protectedCount,
    M: protectedCount,
    X: protectedCount,
    U: protectedCount,
    N: protectedCount,
  }),
  /** Satisfaction: Wilson 95% interval. */
  ci: z.object({ low: z.number(), high: z.number() }).nullable().optional(),
  /** Counted beside the value: pending issues, issues still open, "don't know" answers. */
  excluded: protectedCount.optional(),
});
export type TransparencyFigure = z.infer<typeof transparencyFigure>;

export const transparencyArea = z.object({
  /** Province code and name; the national headquarters' own issues form an area of their own. */
  code: z.string(),
  name: z.string(),
  figures: z.array(transparencyFigure),
});
export type TransparencyArea = z.infer<typeof transparencyArea>;

export const transparencyReport = z.object({
  month: z.string(),
  /** The period [from, to) of the month. */
  from: z.string(),
  to: z.string(),
  /** The whole country, then each province. */
  national: transparencyArea,
  provinces: z.array(transparencyArea),
  /** Threshold and note of disclosure control (`sdc.table_note`), applied to every figure. */
  disclosure: disclosureSummary,
});
export type TransparencyReport = z.infer<typeof transparencyReport>;
