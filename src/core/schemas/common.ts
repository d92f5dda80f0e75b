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

/** Why a count is hidden by disclosure control (INDICATORS.md §8), with the message that says so. */
export const hiddenCountMark = z.object({
  suppression: z.enum(["primary", "complementary"]),
  messageKey: z.enum(["sdc.suppressed_primary", "sdc.suppressed_complementary"]),
});

const nullableCount = z.number().int().nullable();

/**
 * A `shareResult` that may have left the trusted circle (docs/indicators.md §8.3): a hidden count
 * is null and marked in `countMarks`; a figure computed from a hidden count is null, and a withheld
 * share says so (`reason: "suppressed"`, `messageKey`). Without disclosure control it is a plain
 * `shareResult` (no marks).
 */
export const protectedShareResult = z.object({
  value: z.number().nullable(),
  numerator: nullableCount,
  denominator: nullableCount,
  counts: z.object({
    F: nullableCount,
    M: nullableCount,
    X: nullableCount,
    U: nullableCount,
    N: nullableCount,
  }),
  /** Present when disclosure control ran: each count's mark, null where the count is shown. */
  countMarks: z
    .object({
      F: hiddenCountMark.nullable(),
      M: hiddenCountMark.nullable(),
      X: hiddenCountMark.nullable(),
      U: hiddenCountMark.nullable(),
      N: hiddenCountMark.nullable(),
    })
    .optional(),
  unknownShare: z.number().nullable(),
  bounds: z.object({ low: z.number(), high: z.number() }).nullable(),
  /** Null when the unknown or total count is hidden. */
  isUnknownSexHigh: z.boolean().nullable(),
  reason: z.enum(["empty_denominator", "suppressed"]).optional(),
  suppression: z.literal("derived").optional(),
  messageKey: z.literal("sdc.suppressed_derived").optional(),
});
