/**
 * Confidence intervals for proportions (INDICATORS.md §4): Wilson score interval for one proportion,
 * Newcombe's hybrid score interval for a difference of two independent proportions.
 */

export const confidenceLevels = [0.9, 0.95, 0.99] as const;
export type ConfidenceLevel = (typeof confidenceLevels)[number];

/** Two-sided standard normal quantiles z = Φ⁻¹(1 − (1 − level) / 2), to double precision. */
const Z_FOR_LEVEL: Record<ConfidenceLevel, number> = {
  0.9: 1.6448536269514722,
  0.95: 1.959963984540054,
  0.99: 2.5758293035489004,
};

export const DEFAULT_CONFIDENCE_LEVEL: ConfidenceLevel = 0.95;

/**
 * `sample`: the data are a sample (surveys). `model_based`: a full-register count treated as one
 * realisation of a process — shown only when asked and labelled so (INDICATORS.md §0).
 */
export type ConfidenceBasis = "sample" | "model_based";

export interface ConfidenceOptions {
  readonly level?: ConfidenceLevel;
  readonly basis?: ConfidenceBasis;
}

export interface ConfidenceInterval {
  readonly low: number;
  readonly high: number;
  readonly method: "wilson" | "newcombe_hybrid_score";
  readonly level: ConfidenceLevel;
  readonly basis: ConfidenceBasis;
}

export interface DifferenceInterval extends ConfidenceInterval {
  /** p1 − p2. */
  readonly estimate: number;
}

export function zForLevel(level: ConfidenceLevel): number {
  return Z_FOR_LEVEL[level];
}

/**
 * Wilson score interval for x successes in n trials, clamped to [0, 1] (x = 0 gives low = 0 and
 * x = n gives high = 1 exactly). Null when n = 0 (the enclosing result says `empty_denominator`).
 */
export function computeWilsonInterval(
  x: number,
  n: number,
  options: ConfidenceOptions = {},
): ConfidenceInterval | null {
  if (n === 0) return null;
  const level = options.level ?? DEFAULT_CONFIDENCE_LEVEL;
  const z = zForLevel(level);
  const p = x / n;
  const z2 = z * z;
  const scale = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / scale;
  const half = (z / scale) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return {
    low: x === 0 ? 0 : Math.max(0, centre - half),
    high: x === n ? 1 : Math.min(1, centre + half),
    method: "wilson",
    level,
    basis: options.basis ?? "sample",
  };
}

/**
 * Newcombe (1998b, method 10) interval for p1 − p2 from independent samples, built from the two
 * Wilson intervals. Null when either n is 0.
 */
export function computeNewcombeInterval(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  options: ConfidenceOptions = {},
): DifferenceInterval | null {
  const first = computeWilsonInterval(x1, n1, options);
  const second = computeWilsonInterval(x2, n2, options);
  if (!first || !second) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const estimate = p1 - p2;
  return {
    estimate,
    low: estimate - Math.hypot(p1 - first.low, second.high - p2),
    high: estimate + Math.hypot(first.high - p1, p2 - second.low),
    method: "newcombe_hybrid_score",
    level: first.level,
    basis: first.basis,
  };
}
