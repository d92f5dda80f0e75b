import type { LongRunShare } from "./long-run";
import type { ProjectedYear } from "./project";
import { isTargetMet, type ProjectionTarget } from "./target";

export interface YearsToTargetResult {
  /** Years after the baseline until the share first reaches the target; 0 when met at the start. */
  readonly value: number | null;
  /** The calendar year: baseline year + value. */
  readonly year: number | null;
  readonly reason?: "not_within_horizon";
  /** The long-run share of the target's grades (INDICATORS.md §5.2). */
  readonly longRunShare: LongRunShare;
  /** Whether the long-run share reaches the target; null when it is not defined. */
  readonly isReachableInLongRun: boolean | null;
}

/**
 * `years_to_target` (INDICATORS.md §5.2): the first t in 0…horizon of the projected series whose
 * share of women meets the target, else null `not_within_horizon`.
 */
export function computeYearsToTarget(
  series: readonly ProjectedYear[],
  target: ProjectionTarget,
  baselineYear: number,
  longRunShare: LongRunShare,
): YearsToTargetResult {
  const targetValue = target.share.numerator / target.share.denominator;
  const isReachableInLongRun =
    longRunShare.value === null ? null : longRunShare.value >= targetValue;
  const first = series.find((year) => isTargetMet(year.stock, target));
  return first === undefined
    ? { value: null, year: null, reason: "not_within_horizon", longRunShare, isReachableInLongRun }
    : { value: first.t, year: baselineYear + first.t, longRunShare, isReachableInLongRun };
}
