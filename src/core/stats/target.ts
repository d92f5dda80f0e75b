import { ceilDivide, compareExact, toExact, type Rational } from "./rational";
import { computeShareOfWomen, type SexCounts, type ShareResult } from "./share";

export interface TargetGapResult {
  /** target − share_F, as a fraction (×100 for percentage points); positive = below target. */
  readonly value: number | null;
  /** F. */
  readonly numerator: number;
  /** F + M + X. */
  readonly denominator: number;
  readonly share: ShareResult;
  readonly target: number;
  /** share_F ≥ target, decided exactly: F·q ≥ p·K for the target p/q. */
  readonly isOnTrack: boolean | null;
  /**
   * Women missing at today's size: ceil(target·K) − F, at least 0 (as the UGPS gap in persons,
   * INDICATORS.md §6). Women replacing men, not added on top.
   */
  readonly womenShort: number | null;
  readonly reason?: "empty_denominator";
}

/**
 * Distance to a target share (INDICATORS.md §1.6). The target is data (unit, rank group, year),
 * given as an exact rational p/q with 0 ≤ p ≤ q, e.g. 30% = 30/100, 12.5% = 125/1000.
 */
export function computeTargetGap(counts: SexCounts, target: Rational): TargetGapResult {
  const share = computeShareOfWomen(counts);
  const targetValue = target.numerator / target.denominator;
  const base = {
    numerator: share.numerator,
    denominator: share.denominator,
    share,
    target: targetValue,
  };
  if (share.value === null) {
    return { ...base, value: null, isOnTrack: null, womenShort: null, reason: "empty_denominator" };
  }
  const exactTarget = toExact(target);
  const needed = ceilDivide(
    exactTarget.numerator * BigInt(share.denominator),
    exactTarget.denominator,
  );
  const short = needed - BigInt(share.numerator);
  return {
    ...base,
    value: targetValue - share.value,
    isOnTrack:
      compareExact(
        { numerator: BigInt(share.numerator), denominator: BigInt(share.denominator) },
        exactTarget,
      ) >= 0,
    womenShort: short > 0n ? Number(short) : 0,
  };
}
