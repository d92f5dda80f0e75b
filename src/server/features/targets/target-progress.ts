import { isAppError } from "../../../core/errors";
import type { Headline } from "../../../core/schemas/workforce";
import type {
  PublishedTargetProgress,
  RepresentationTarget,
  TargetProgress,
} from "../../../core/schemas/targets";
import { toSexCounts, type SexCounts } from "../../../core/stats/share";
import { computeTargetStatus } from "../../../core/stats/target-status";
import { basisPointsToRational } from "../../../core/targets/share-percent";
import type { Scope } from "../../http/scope";

/** The workforce headline (counts by rank group for a unit's subtree at a date), given by app.ts. */
export type HeadlineSource = (
  scope: Scope,
  input: { unitId: number; asOf: string },
) => Promise<Headline>;

const noOne = toSexCounts({});

/** The counts a target is measured on: the unit's total for all ranks, else its rank group's. */
function countsFor(headline: Headline | null, target: RepresentationTarget): SexCounts {
  if (!headline) return noOne;
  if (target.rankGroup === null) return headline.total.counts;
  const code = target.rankGroup.code;
  return headline.byRankGroup.find((group) => group.code === code)?.share.counts ?? noOne;
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
 * both from the headline of the target's unit, and the status of docs/indicators.md §1.6. A unit
 * that cannot be counted on a date (not yet opened, or then outside the caller's subtree) counts
 * no one then: no status (`empty_denominator`) on `asOf`, no baseline (`no_baseline`) at the start.
 */
export async function computeProgress(
  scope: Scope,
  targets: readonly RepresentationTarget[],
  asOf: string,
  headline: HeadlineSource,
): Promise<TargetProgress[]> {
  const cache = new Map<string, Headline | null>();
  const headlineOf = async (unitId: number, date: string): Promise<Headline | null> => {
    const key = `${unitId}@${date}`;
    if (!cache.has(key)) {
      const found = await headline(scope, { unitId, asOf: date }).catch((error: unknown) => {
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
