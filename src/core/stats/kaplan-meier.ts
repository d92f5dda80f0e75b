/** One subject: followed for `time`, ending in the event (`isEvent`) or censored. */
export interface SurvivalObservation {
  readonly time: number;
  readonly isEvent: boolean;
}

/** The curve at one distinct time: at risk just before t, events and censorings at t, S(t). */
export interface SurvivalStep {
  readonly time: number;
  readonly atRisk: number;
  readonly events: number;
  readonly censored: number;
  readonly survival: number;
}

export type SurvivalQuantileReason =
  "empty_denominator" | "median_not_reached" | "quartile_not_reached";

export interface SurvivalQuantile {
  readonly value: number | null;
  readonly reason?: SurvivalQuantileReason;
}

export interface KaplanMeierResult {
  readonly observations: number;
  readonly events: number;
  readonly censored: number;
  readonly steps: readonly SurvivalStep[];
  /** Smallest t with S(t) ≤ 0.5. */
  readonly median: SurvivalQuantile;
  /** Smallest t with S(t) ≤ 0.75 (a quarter have had the event). */
  readonly lowerQuartile: SurvivalQuantile;
  /** Smallest t with S(t) ≤ 0.25. */
  readonly upperQuartile: SurvivalQuantile;
}

const QUANTILES = [
  { key: "lowerQuartile", p: 3n, q: 4n },
  { key: "median", p: 1n, q: 2n },
  { key: "upperQuartile", p: 1n, q: 4n },
] as const;

type QuantileKey = (typeof QUANTILES)[number]["key"];

/**
 * Kaplan–Meier product-limit estimate with right censoring (Kaplan & Meier 1958). At a tied time,
 * events come before censorings (a subject censored at t was at risk at t). Quantiles follow
 * INDICATORS.md §2 — the smallest t with S(t) ≤ p — decided on the exact rational S(t), so a curve
 * that lands on 0.5 exactly is not missed by rounding; null with a reason when S never falls to p.
 */
export function computeKaplanMeier(
  observations: readonly SurvivalObservation[],
): KaplanMeierResult {
  const sorted = [...observations].sort((a, b) => a.time - b.time);
  const steps: SurvivalStep[] = [];
  const found = new Map<QuantileKey, number>();
  let atRisk = sorted.length;
  let survival = 1;
  let exactNumerator = 1n;
  let exactDenominator = 1n;
  let totalEvents = 0;
  for (let i = 0; i < sorted.length;) {
    const time = sorted[i].time;
    let events = 0;
    let censored = 0;
    for (; i < sorted.length && sorted[i].time === time; i++) {
      if (sorted[i].isEvent) events++;
      else censored++;
    }
    if (events > 0) {
      survival *= 1 - events / atRisk;
      if (found.size < QUANTILES.length) {
        exactNumerator *= BigInt(atRisk - events);
        exactDenominator *= BigInt(atRisk);
        for (const { key, p, q } of QUANTILES) {
          if (!found.has(key) && exactNumerator * q <= p * exactDenominator) found.set(key, time);
        }
      }
    }
    steps.push({ time, atRisk, events, censored, survival });
    totalEvents += events;
    atRisk -= events + censored;
  }
  const quantile = (key: QuantileKey): SurvivalQuantile => {
    const value = found.get(key);
    if (value !== undefined) return { value };
    if (sorted.length === 0) return { value: null, reason: "empty_denominator" };
    return {
      value: null,
      reason: key === "median" ? "median_not_reached" : "quartile_not_reached",
    };
  };
  return {
    observations: sorted.length,
    events: totalEvents,
    censored: sorted.length - totalEvents,
    steps,
    median: quantile("median"),
    lowerQuartile: quantile("lowerQuartile"),
    upperQuartile: quantile("upperQuartile"),
  };
}
