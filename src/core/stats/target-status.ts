import { daysBetween } from "./days";
import { toExact, type Rational } from "./rational";
import { computeShareOfWomen, type SexCounts, type ShareResult } from "./share";
import { computeTargetGap } from "./target";

/**
 * Where a unit stands against a representation target (docs/indicators.md §1.6, status):
 * `met` — share_F ≥ target; `overdue` — the target year is over and it is not met; `on_track` —
 * not met, but at least the straight line from the baseline share to the target; `off_track` —
 * below that line.
 */
export const targetStatuses = ["met", "on_track", "off_track", "overdue"] as const;
export type TargetStatus = (typeof targetStatuses)[number];

/** `empty_denominator`: no one of known sex at the as-of date. `no_baseline`: no line to compare with. */
export const targetStatusReasons = ["empty_denominator", "no_baseline"] as const;
export type TargetStatusReason = (typeof targetStatusReasons)[number];

export interface TargetStatusInput {
  /** The target share p/q, 0 ≤ p ≤ q (e.g. 1550/10000). */
  readonly target: Rational;
  /** The share is to be reached by 31 December of this year. */
  readonly targetYear: number;
  /** YYYY-MM-DD: the date `counts` were taken. */
  readonly asOf: string;
  readonly counts: SexCounts;
  /** The counts when the plan started (the start of the straight line); absent when unknown. */
  readonly baseline?: { readonly date: string; readonly counts: SexCounts } | null;
}

export interface TargetStatusResult {
  readonly status: TargetStatus | null;
  readonly reason?: TargetStatusReason;
  readonly share: ShareResult;
  readonly baselineShare: ShareResult | null;
  /** (target − share_F) × 100: percentage points still to go; negative above the target. */
  readonly gapPoints: number | null;
  /** Women missing at today's known-sex size: ceil(target · K) − F, at least 0. */
  readonly gapPersons: number | null;
  /** The share the straight line from the baseline expects on `asOf` (a fraction). */
  readonly expectedShare: number | null;
  /** YYYY-12-31 of the target year. */
  readonly deadline: string;
}

/** The last day on which the target year's target can still be met. */
export function targetDeadline(targetYear: number): string {
  return `${String(targetYear).padStart(4, "0")}-12-31`;
}

/**
 * The status of one target at one date. Every decision is taken on integers (INDICATORS.md §0):
 * met is F·q ≥ p·K; on track is share_F ≥ b + (t − b)·d/D, where b = bF/bK is the baseline share,
 * t = p/q, D the days from the baseline date to the deadline and d the days from the baseline date
 * to `asOf` (clamped to 0…D), i.e. F·bK·q·D ≥ K·(bF·q·(D − d) + p·bK·d).
 */
export function computeTargetStatus(input: TargetStatusInput): TargetStatusResult {
  const gap = computeTargetGap(input.counts, input.target);
  const deadline = targetDeadline(input.targetYear);
  const baselineShare = input.baseline ? computeShareOfWomen(input.baseline.counts) : null;
  const base = { share: gap.share, baselineShare, deadline };
  if (gap.isOnTrack === null) {
    return {
      ...base,
      status: null,
      reason: "empty_denominator",
      gapPoints: null,
      gapPersons: null,
      expectedShare: null,
    };
  }
  const { numerator: p, denominator: q } = toExact(input.target);
  const F = BigInt(gap.numerator);
  const K = BigInt(gap.denominator);
  const line =
    input.baseline && baselineShare && baselineShare.value !== null
      ? straightLine(input.baseline.date, deadline, input.asOf, baselineShare, input.target)
      : null;
  const measured = {
    ...base,
    gapPoints: (Number(p * K - F * q) * 100) / Number(q * K),
    gapPersons: gap.womenShort,
    expectedShare: line?.expectedShare ?? null,
  };
  if (gap.isOnTrack) return { ...measured, status: "met" };
  if (input.asOf > deadline) return { ...measured, status: "overdue" };
  if (!line) return { ...measured, status: null, reason: "no_baseline" };
  const bF = BigInt(line.baseline.numerator);
  const bK = BigInt(line.baseline.denominator);
  const D = BigInt(line.length);
  const d = BigInt(line.elapsed);
  const isOnLine = F * bK * q * D >= K * (bF * q * (D - d) + p * bK * d);
  return { ...measured, status: isOnLine ? "on_track" : "off_track" };
}

/**
 * The straight line from the baseline share (on `from`) to the target (on the deadline): its
 * length and the part of it elapsed on `asOf`, in days (0…length; a baseline on or after the
 * deadline leaves no time, so the line expects the target itself), and the share it expects.
 */
function straightLine(
  from: string,
  deadline: string,
  asOf: string,
  baseline: ShareResult,
  target: Rational,
) {
  const days = daysBetween(from, deadline);
  const length = Math.max(1, days);
  const elapsed = days <= 0 ? length : Math.min(length, Math.max(0, daysBetween(from, asOf)));
  const start = baseline.numerator / baseline.denominator;
  const end = target.numerator / target.denominator;
  return { baseline, length, elapsed, expectedShare: start + ((end - start) * elapsed) / length };
}
