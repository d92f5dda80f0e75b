import { z } from "zod";
import { targetStatuses, targetStatusReasons } from "../stats/target-status";
import { calendarDate, isoDate, shareResult } from "./common";

/** Target years accepted (also the database CHECK). */
export const TARGET_YEAR_MIN = 2000;
export const TARGET_YEAR_MAX = 2100;
export const TARGET_NOTE_MAX = 500;

export const targetIdParams = z.object({ id: z.coerce.number().int().positive() });

/** `unit`: the targets of that unit's subtree (default: all in scope); `at`: the date (default today). */
export const targetQuery = z.object({
  unit: z.coerce.number().int().positive().optional(),
  at: calendarDate.optional(),
});
export type TargetQuery = z.infer<typeof targetQuery>;

/**
 * The share of women to reach, as a percentage with at most two decimals: "15.5" or 15.5. Read
 * exactly by `parseSharePercent`; anything else is refused with `target.share_invalid` naming it.
 */
const sharePercent = z.union([z.string().max(32), z.number()]);

export const createTargetBody = z.object({
  unitId: z.number().int().positive(),
  /** null: all ranks. */
  rankGroupId: z.number().int().positive().nullable(),
  targetYear: z.number().int(),
  sharePercent,
  note: z.string().trim().max(TARGET_NOTE_MAX).nullable().optional(),
});
export type CreateTargetInput = z.infer<typeof createTargetBody>;

export const updateTargetBody = createTargetBody.partial();
export type UpdateTargetInput = z.infer<typeof updateTargetBody>;

const ref = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

export const representationTarget = z.object({
  id: z.number().int(),
  unit: ref,
  /** null: all ranks. */
  rankGroup: ref.nullable(),
  targetYear: z.number().int(),
  /** The target share in basis points (1550 is 15.5%); exact, for integer comparisons. */
  shareBasisPoints: z.number().int().min(0).max(10_000),
  note: z.string().nullable(),
  /** 1 January of the year the target was set: where its straight line starts (the baseline). */
  planStart: isoDate,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RepresentationTarget = z.infer<typeof representationTarget>;

export const targetList = z.object({ targets: z.array(representationTarget) });

/** A target with where its unit stands on `asOf` (docs/indicators.md §1.6, status). */
export const targetProgress = representationTarget.extend({
  status: z.enum(targetStatuses).nullable(),
  reason: z.enum(targetStatusReasons).optional(),
  /** The share of women on `asOf`, with its counts (the whole unit or the rank group). */
  current: shareResult,
  /** The share on `planStart`; null when the unit cannot be counted then. */
  baseline: z.object({ date: isoDate, share: shareResult }).nullable(),
  /** Percentage points to go (negative above the target). */
  gapPoints: z.number().nullable(),
  /** Women missing at today's known-sex size (ceil(target · K) − F, at least 0). */
  gapPersons: z.number().int().nullable(),
  /** The share the straight line from the baseline expects on `asOf` (a fraction). */
  expectedShare: z.number().nullable(),
  /** 31 December of the target year. */
  deadline: isoDate,
});
export type TargetProgress = z.infer<typeof targetProgress>;

export const targetProgressList = z.object({ asOf: isoDate, targets: z.array(targetProgress) });
export type TargetProgressList = z.infer<typeof targetProgressList>;

/**
 * What `GET /api/targets/status` sends. For a partner-viewer, a target whose counts include one
 * from 1 to k − 1 carries no figures: `current`, `baseline`, gaps, line and status are null and
 * `reason` is `suppressed` (docs/indicators.md §1.6).
 */
export const publishedTargetProgress = targetProgress.extend({
  reason: z.enum([...targetStatusReasons, "suppressed"]).optional(),
  current: shareResult.nullable(),
});
export type PublishedTargetProgress = z.infer<typeof publishedTargetProgress>;

export const publishedTargetProgressList = z.object({
  asOf: isoDate,
  targets: z.array(publishedTargetProgress),
});
export type PublishedTargetProgressList = z.infer<typeof publishedTargetProgressList>;
