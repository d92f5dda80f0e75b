import { z } from "zod";

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");

/** A real calendar day in ISO form (2025-02-29 and 2025-13-01 are refused). */
export const calendarDate = isoDate.refine((value) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}, "not a calendar date");

export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    details: z.record(z.string(), z.unknown()),
  }),
});

export const sexCounts = z.object({
  F: z.number().int(),
  M: z.number().int(),
  X: z.number().int(),
  U: z.number().int(),
  N: z.number().int(),
});

export const shareResult = z.object({
  value: z.number().nullable(),
  numerator: z.number().int(),
  denominator: z.number().int(),
  counts: sexCounts,
  unknownShare: z.number().nullable(),
  bounds: z.object({ low: z.number(), high: z.number() }).nullable(),
  isUnknownSexHigh: z.boolean(),
  reason: z.enum(["empty_denominator"]).optional(),
});
