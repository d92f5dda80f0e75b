import { z } from "zod";
import { isoDate, protectedShareResult, shareResult } from "./common";
import { disclosureSummary } from "./indicators";

export const headlineQuery = z.object({
  unit: z.coerce.number().int().positive().optional(),
  at: isoDate.optional(),
});

const headlineUnit = z.object({ id: z.number().int(), code: z.string(), name: z.string() });
const rankGroupRef = { code: z.string(), name: z.string(), ordinal: z.number().int() };

/** The headline with every count: what the trusted circle sees, and what other features build on. */
export const headline = z.object({
  asOf: isoDate,
  unit: headlineUnit,
  total: shareResult,
  byRankGroup: z.array(z.object({ ...rankGroupRef, share: shareResult })),
});
export type Headline = z.infer<typeof headline>;

/**
 * `GET /api/workforce/headline`: the headline as the caller may see it. For a partner-viewer the
 * rank groups × sex table is disclosure-controlled (INDICATORS.md §8): hidden counts and the shares
 * computed from them are null and marked, and `disclosure` says what was done; for anyone else the
 * counts are all there and `disclosure` is null.
 */
export const headlineResponse = z.object({
  asOf: isoDate,
  unit: headlineUnit,
  total: protectedShareResult,
  byRankGroup: z.array(z.object({ ...rankGroupRef, share: protectedShareResult })),
  disclosure: disclosureSummary.nullable(),
});
export type HeadlineResponse = z.infer<typeof headlineResponse>;
