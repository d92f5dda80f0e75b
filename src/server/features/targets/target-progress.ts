import { isAppError } from "../../../core/errors";
import type { IndicatorCell, IndicatorResult } from "../../../core/schemas/indicators";
import type {
  PublishedTargetProgress,
  RepresentationTarget,
  TargetProgress,
} from "../../../core/schemas/targets";
import { toSexCounts, type SexCounts } from "../../../core/stats/share";
import { computeTargetStatus } from "../../../core/stats/target-status";
import { basisPointsToRational } from "../../../core/targets/share-percent";
import type { Scope } from "../../http/scope";

/**
 * Headcount by rank group in a unit's subtree on a date: the indicator service's `compute`, given by
 * app.ts (the month-end cubes, today's tree, as every indicator; decision 0015).
 */
export type HeadcountSource = (
  scope: Scope,
  request: {
    readonly id: "headcount";
    readonly unit: number;
    readonly at: string;
    readonly by: ["rank_group"];
    readonly audience: "internal";
  },
) => Promise<IndicatorResult>;

const noOne = toSexCounts({});

function countsOf(cell: IndicatorCell): SexCounts {
  const { F, M, X, U } = cell.counts;
  return toSexCounts({ F: F ?? 0, M: M ?? 0, X: X ?? 0, U: U ?? 0 });
}

/** The counts a target is measured on: the unit's total for all ranks, else its rank group's. */
function countsFor(headcount: IndicatorResult | null, target: RepresentationTarget): SexCounts {
  if (!headcount) return noOne;
  if (target.rankGroup === null) return countsOf(headcount.total);
  const code = target.rankGroup.code;
  const row = headcount.rows.find((cell) => cell.key.rank_group === code);
  return row ? countsOf(row) : noOne;
}

/** Whether any count of a share (F, M, X, U or N) is one a partner must not see: 1 to k − 1. */
const hasSmallCount = (counts: SexCounts | undefined, k: number) =>
  counts !== undefined && Object.values(counts).some((n) => n >= 1 && n < k);

/**
 * A row as a partner-viewer may see it (INDICATORS.md §8, applied to whole rows): when a count on
 * `asOf` or at the baseline is from 1 to k − 1, every figure derived from the counts is withheld —
 * the share, the gap, the line and the status — with the reason `suppressed`. Stricter than cell
 * suppression, so nothing can be worked out from what remains.
 */
export function protectRow(row: TargetProgress, k: number): PublishedTargetProgress {
  if (!hasSmallCount(row.current.counts, k) && !hasSmallCount(row.baseline?.share.counts, k)) {
    return row;
  }
  return {
    ...row,
    status: null,
    reason: "suppressed",
    current: null,
    baseline: null,
    gapPoints: null,
    gapPersons: null,
    expectedShare: null,
  };
}

/**
 * Each target with its share on `asOf` and on its plan start (1 January of the year it was set),
 * both from the headcount of the target's unit's subtree (today's tree), and the status of
 * docs/indicators.md §1.6. A unit with no one in post on a date (not yet opened) counts no one then:
 * no status (`empty_denominator`) on `asOf`, no baseline (`no_baseline`) at the start; a unit
 * outside the caller's subtree has no counts at all.
 */
export async function computeProgress(
  scope: Scope,
  targets: readonly RepresentationTarget[],
  asOf: string,
  headcount: HeadcountSource,
): Promise<TargetProgress[]> {
  const cache = new Map<string, IndicatorResult | null>();
  const headlineOf = async (unitId: number, date: string): Promise<IndicatorResult | null> => {
    const key = `${unitId}@${date}`;
    if (!cache.has(key)) {
      const found = await headcount(scope, {
        id: "headcount",
        unit: unitId,
        at: date,
        by: ["rank_group"],
        audience: "internal",
      }).catch((error: unknown) => {
        if (isAppError(error) && error.code === "org_unit.not_found") return null;
        throw error;
      });
      cache.set(key, found);
    }
    return cache.get(key) ?? null;
  };
  const progress: TargetProgress[] = [];
  for (const target of targets) {
    const now = await headlineOf(target.unit.id, asOf);
    const start = await headlineOf(target.unit.id, target.planStart);
    const baseline = start ? { date: target.planStart, counts: countsFor(start, target) } : null;
    const result = computeTargetStatus({
      target: basisPointsToRational(target.shareBasisPoints),
      targetYear: target.targetYear,
      asOf,
      counts: countsFor(now, target),
      baseline,
    });
    const row: TargetProgress = {
      ...target,
      status: result.status,
      ...(result.reason ? { reason: result.reason } : {}),
      current: result.share,
      baseline:
        baseline && result.baselineShare
          ? { date: baseline.date, share: result.baselineShare }
          : null,
      gapPoints: result.gapPoints,
      gapPersons: result.gapPersons,
      expectedShare: result.expectedShare,
      deadline: result.deadline,
    };
    progress.push(row);
  }
  return progress;
}
