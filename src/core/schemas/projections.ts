import { z } from "zod";
import { MAX_HORIZON, rowSources } from "../projections/model";
import { sexes } from "./sex";

const flag = z.enum(["true", "false"]).transform((value) => value === "true");

/** `CODE:p1,p2,…`: a transition row supplied for a rank group, one probability per rank group in order. */
const gradeRow = z
  .string()
  .max(1000)
  .transform((value, context) => {
    const at = value.lastIndexOf(":");
    const grade = value.slice(0, at);
    const to = value
      .slice(at + 1)
      .split(",")
      .map((part) => (part.trim() === "" ? Number.NaN : Number(part)));
    if (at <= 0 || to.some((p) => !Number.isFinite(p))) {
      context.addIssue({ code: "custom", message: "expected CODE:p1,p2,…" });
      return z.NEVER;
    }
    return { grade, to };
  });

export const projectionQuery = z
  .object({
    unit: z.coerce.number().int().positive().optional(),
    /** Estimation years: the last N complete calendar years. */
    years: z.coerce.number().int().min(1).max(10).default(5),
    horizon: z.coerce.number().int().min(1).max(MAX_HORIZON).default(MAX_HORIZON),
    /** What-if: female share of hires of known sex. */
    hiringShare: z.coerce.number().min(0).max(1).optional(),
    /** What-if: hires per year, all sexes. */
    totalHires: z.coerce.number().min(0).max(10_000_000).optional(),
    promotionParity: flag.optional(),
    /** Hires replace leavers (not with totalHires). */
    constantSize: flag.optional(),
    targetShare: z.coerce.number().min(0).max(1).optional(),
    targetYear: z.coerce.number().int().min(1900).max(2300).optional(),
    targetRankGroup: z.string().min(1).max(100).optional(),
    /** Bootstrap replicates (0: no uncertainty band). */
    bootstrap: z.coerce.number().int().min(0).max(1000).default(200),
    /** What-if: a transition row for a rank group, repeatable. */
    gradeRow: z.union([gradeRow, z.array(gradeRow).max(50)]).optional(),
  })
  .refine(
    (q) =>
      q.targetShare !== undefined ||
      (q.targetYear === undefined && q.targetRankGroup === undefined),
    {
      message: "targetYear and targetRankGroup need targetShare",
      path: ["targetShare"],
    },
  )
  .refine((q) => !(q.constantSize === true && q.totalHires !== undefined), {
    message: "totalHires cannot be set in constant-size mode",
    path: ["totalHires"],
  });
export type ProjectionQuery = z.infer<typeof projectionQuery>;

const bySexNumber = z.object({ F: z.number(), M: z.number(), X: z.number(), U: z.number() });
const sexCount = z.object({
  F: z.number().int(),
  M: z.number().int(),
  X: z.number().int(),
  U: z.number().int(),
});
const band = z.object({ low: z.number(), high: z.number() });
const projectedCell = z.object({
  counts: bySexNumber.extend({ N: z.number() }),
  share: z.number().nullable(),
  band: band.nullable(),
});
const longRunShare = z.object({
  value: z.number().nullable(),
  reason: z.enum(["no_steady_state", "empty_denominator"]).optional(),
});

export const projection = z.object({
  unit: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
  baselineYear: z.number().int(),
  estimationYears: z.array(z.number().int()),
  grades: z.array(z.object({ code: z.string(), name: z.string(), ordinal: z.number().int() })),
  sexes: z.array(z.enum(sexes)),
  inputs: z.object({
    years: z.array(
      z.object({
        year: z.number().int(),
        byGrade: z.array(
          z.object({ grade: z.string(), stock: sexCount, hires: sexCount, exits: sexCount }),
        ),
      }),
    ),
    baseline: z.array(z.object({ grade: z.string(), stock: sexCount })),
  }),
  estimate: z.object({
    transitions: z.array(
      z.object({
        sex: z.enum(sexes),
        rows: z.array(
          z.object({
            grade: z.string(),
            to: z.array(z.number()),
            exit: z.number(),
            source: z.enum(rowSources),
          }),
        ),
      }),
    ),
    totalHires: z.number(),
    entry: z.array(z.number()),
    hireMix: bySexNumber,
    hiringShare: z.object({
      value: z.number().nullable(),
      numerator: z.number().int(),
      denominator: z.number().int(),
      reason: z.enum(["empty_denominator"]).optional(),
    }),
  }),
  scenario: z.object({
    hiringShare: z.number().nullable(),
    totalHires: z.number().nullable(),
    isPromotionParity: z.boolean(),
    isConstantSize: z.boolean(),
    rowOverrides: z.array(z.object({ grade: z.string(), to: z.array(z.number()) })),
    bootstrap: z.object({ replicates: z.number().int(), seed: z.number().int() }),
  }),
  series: z.array(
    z.object({
      t: z.number().int(),
      year: z.number().int(),
      hires: z.number(),
      total: projectedCell,
      byGrade: z.array(projectedCell.extend({ grade: z.string() })),
    }),
  ),
  longRun: longRunShare,
  target: z
    .object({
      share: z.number(),
      year: z.number().int().nullable(),
      rankGroup: z.string().nullable(),
    })
    .nullable(),
  yearsToTarget: z
    .object({
      value: z.number().int().nullable(),
      year: z.number().int().nullable(),
      reason: z.enum(["not_within_horizon"]).optional(),
      longRunShare,
      isReachableInLongRun: z.boolean().nullable(),
    })
    .nullable(),
  requiredWomenHires: z
    .object({
      value: z.number().nullable(),
      hiringShare: z.number().nullable(),
      knownSexHires: z.number(),
      years: z.number().int(),
      targetYear: z.number().int(),
      reason: z.enum(["already_on_track", "infeasible_with_total_hires"]).optional(),
      totalHiresNeededAtFullShare: z.number().nullable(),
      method: z.enum(["closed_form", "bisection"]),
    })
    .nullable(),
});
export type Projection = z.infer<typeof projection>;
