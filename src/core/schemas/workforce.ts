import { z } from "zod";
import { isoDate, shareResult } from "./common";

export const headlineQuery = z.object({
  unit: z.coerce.number().int().positive().optional(),
  at: isoDate.optional(),
});

export const headline = z.object({
  asOf: isoDate,
  unit: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
  total: shareResult,
  byRankGroup: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      ordinal: z.number().int(),
      share: shareResult,
    }),
  ),
});
export type Headline = z.infer<typeof headline>;
