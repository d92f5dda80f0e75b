/** Configurable taxonomies of community policing (issue 7): outreach topics and issue categories. */
import { z } from "zod";
import { feedbackQuestionKinds } from "../community/vocabulary";
import { nonBlankText } from "./community-common";

/** Lower-case letters, digits and `_`, at most 40 characters (the database checks the same). */
export const TAXONOMY_CODE = /^[a-z0-9_]{1,40}$/;

export const taxonomyKinds = ["topics", "categories"] as const;
export type TaxonomyKind = (typeof taxonomyKinds)[number];

export const taxonomyEntry = z.object({
  id: z.number().int(),
  code: z.string(),
  /** Null for the seeded entries: show `t(nameKey)` instead. */
  name: z.string().nullable(),
  /** `community.topics.<code>` or `community.categories.<code>` for seeded entries; else null. */
  nameKey: z.string().nullable(),
  isActive: z.boolean(),
  sortOrder: z.number().int(),
});
export type TaxonomyEntry = z.infer<typeof taxonomyEntry>;

export const taxonomyList = z.object({ entries: z.array(taxonomyEntry) });

export const createTaxonomyEntryBody = z.object({
  code: z.string().regex(TAXONOMY_CODE, "invalid code"),
  name: nonBlankText,
  sortOrder: z.number().int().min(0).max(10_000).optional(),
});
export type CreateTaxonomyEntryInput = z.infer<typeof createTaxonomyEntryBody>;

export const updateTaxonomyEntryBody = z.object({
  name: nonBlankText.optional(),
  isActive: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
});
export type UpdateTaxonomyEntryInput = z.infer<typeof updateTaxonomyEntryBody>;

export const feedbackSurvey = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string().nullable(),
  /** `community.feedback.<code>` for seeded surveys; else null. */
  nameKey: z.string().nullable(),
  isActive: z.boolean(),
  questions: z.array(
    z.object({
      id: z.number().int(),
      position: z.number().int(),
      code: z.string(),
      kind: z.enum(feedbackQuestionKinds),
      text: z.string().nullable(),
      textKey: z.string().nullable(),
    }),
  ),
});
export type FeedbackSurvey = z.infer<typeof feedbackSurvey>;

export const feedbackSurveyList = z.object({ surveys: z.array(feedbackSurvey) });
