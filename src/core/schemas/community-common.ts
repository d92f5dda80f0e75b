/**
 * Pieces shared by the community-policing contracts (issue 7). Free text is taken verbatim — markup
 * included, never trimmed or escaped — and its length is checked by the service against
 * `core/community/text-limits.ts`, so that an oversized text gets `community.text_too_long` naming
 * the field. The 1 MiB body limit bounds what reaches the service.
 */
import { z } from "zod";
import { ageGroups } from "../community/vocabulary";
import { sex } from "./sex";

export const COMMUNITY_PAGE_SIZE = 50;

/** Text with at least one non-space character, kept exactly as sent. */
export const nonBlankText = z.string().refine((value) => value.trim() !== "", "must not be blank");

export const entityId = z.number().int().positive();
export const idParams = z.object({ id: z.coerce.number().int().positive() });

export const unitRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() });
export type UnitRef = z.infer<typeof unitRef>;

/** A taxonomy entry as referenced by a record: seeded entries have `name: null` (see `nameKey`). */
export const taxonomyRef = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string().nullable(),
});
export type TaxonomyRef = z.infer<typeof taxonomyRef>;

export const ageGroup = z.enum(ageGroups);

/** Counts by sex with their total, as every indicator shows them (unknown counted, never dropped). */
export const sexTally = z.object({
  F: z.number().int(),
  M: z.number().int(),
  X: z.number().int(),
  U: z.number().int(),
  N: z.number().int(),
});
export type SexTally = z.infer<typeof sexTally>;

/** Counts by sex given in a request; a missing sex is 0. */
export const sexCountsInput = z.object({
  F: z.number().int().min(0).max(100_000).optional(),
  M: z.number().int().min(0).max(100_000).optional(),
  X: z.number().int().min(0).max(100_000).optional(),
  U: z.number().int().min(0).max(100_000).optional(),
});
export type SexCountsInput = z.infer<typeof sexCountsInput>;

export const raisedBy = z.object({
  sex: sex.nullable(),
  ageGroup: ageGroup.nullable(),
});

export const pageQuery = z.coerce.number().int().min(1).max(100_000).default(1);

/** `true` / `false` in a query string. */
export const queryFlag = z
  .enum(["true", "false"])
  .transform((value) => value === "true")
  .optional();
