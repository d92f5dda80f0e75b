import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeKaplanMeier, type SurvivalObservation } from "./kaplan-meier";

const event = (time: number): SurvivalObservation => ({ time, isEvent: true });
const censored = (time: number): SurvivalObservation => ({ time, isEvent: false });

describe("computeKaplanMeier (INDICATORS.md §2, time_to_promotion)", () => {
  // Ten subjects, with tied events and an event tied with a censoring at t = 2 and t = 6:
  // t=1: 10 at risk, 1 event        S = 9/10           = 0.9
  // t=2:  9 at risk, 2 events, 1 c  S = 0.9 · 7/9      = 0.7
  // t=3:  6 at risk, 1 c            S = 0.7
  // t=4:  5 at risk, 1 event        S = 0.7 · 4/5      = 0.56
  // t=5:  4 at risk, 1 c            S = 0.56
  // t=6:  3 at risk, 1 event, 1 c   S = 0.56 · 2/3     = 0.37333…
  // t=8:  1 at risk, 1 c            S = 0.37333…
  const sample = [
    event(6),
    event(1),
    censored(2),
    event(2),
    event(2),
    censored(3),
    event(4),
    censored(5),
    censored(6),
    censored(8),
  ];

  it("matches the hand-computed curve, censored subjects at risk at their own time", () => {
    const result = computeKaplanMeier(sample);
    expect(
      result.steps.map(({ time, atRisk, events, censored: c }) => [time, atRisk, events, c]),
    ).toEqual([
      [1, 10, 1, 0],
      [2, 9, 2, 1],
      [3, 6, 0, 1],
      [4, 5, 1, 0],
      [5, 4, 0, 1],
      [6, 3, 1, 1],
      [8, 1, 0, 1],
    ]);
    const survival = result.steps.map((step) => step.survival);
    [0.9, 0.7, 0.7, 0.56, 0.56, 0.56 * (2 / 3), 0.56 * (2 / 3)].forEach((expected, i) =>
      expect(survival[i]).toBeCloseTo(expected, 14),
    );
    expect(result).toMatchObject({ observations: 10, events: 5, censored: 5 });
  });

  it("reads the quantiles off the curve; null with a reason when S never falls that far", () => {
    const result = computeKaplanMeier(sample);
    expect(result.lowerQuartile).toEqual({ value: 2 });
    expect(result.median).toEqual({ value: 6 });
    expect(result.upperQuartile).toEqual({ value: null, reason: "quartile_not_reached" });
  });

  it("median not reached when too few are promoted; empty input is an empty denominator", () => {
    const mostlyCensored = computeKaplanMeier([event(3), censored(4), censored(5), censored(9)]);
    expect(mostlyCensored.lowerQuartile).toEqual({ value: 3 });
    expect(mostlyCensored.median).toEqual({ value: null, reason: "median_not_reached" });
    const empty = computeKaplanMeier([]);
    expect(empty.median).toEqual({ value: null, reason: "empty_denominator" });
    expect(empty.steps).toEqual([]);
  });

  it("takes S(t) = 0.5 exactly where the doubles would say 0.5000000000000001", () => {
    // 24 subjects, one event a day: after 12 days S = 12/24 exactly; the product of the
    // twelve factors (1 − 1/n) in doubles is just above 0.5, so a float test would say day 13.
    const daily = Array.from({ length: 24 }, (_, i) => event(i + 1));
    let floatProduct = 1;
    for (let n = 24; n > 12; n--) floatProduct *= 1 - 1 / n;
    expect(floatProduct).toBeGreaterThan(0.5);
    const result = computeKaplanMeier(daily);
    expect(result.median).toEqual({ value: 12 });
    expect(result.lowerQuartile).toEqual({ value: 6 });
    expect(result.upperQuartile).toEqual({ value: 18 });
  });

  const observations = fc.array(
    fc.record({ time: fc.integer({ min: 0, max: 60 }), isEvent: fc.boolean() }),
    { maxLength: 80 },
  );

  it("property: without censoring the quantiles are the empirical order statistics", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 80 }),
        (times) => {
          const result = computeKaplanMeier(times.map(event));
          const sorted = [...times].sort((a, b) => a - b);
          const at = (fraction: number) => sorted[Math.ceil(fraction * sorted.length) - 1];
          expect(result.lowerQuartile.value).toBe(at(1 / 4));
          expect(result.median.value).toBe(at(1 / 2));
          expect(result.upperQuartile.value).toBe(at(3 / 4));
        },
      ),
    );
  });

  it("property: S is non-increasing in [0, 1] and the counts add up", () => {
    fc.assert(
      fc.property(observations, (sampleOf) => {
        const result = computeKaplanMeier(sampleOf);
        let previous = 1;
        for (const step of result.steps) {
          expect(step.survival).toBeLessThanOrEqual(previous);
          expect(step.survival).toBeGreaterThanOrEqual(0);
          previous = step.survival;
        }
        const total = result.steps.reduce((sum, step) => sum + step.events + step.censored, 0);
        expect(total).toBe(sampleOf.length);
        expect(result.events + result.censored).toBe(sampleOf.length);
      }),
    );
  });

  it("property: lower quartile ≤ median ≤ upper quartile when reached", () => {
    fc.assert(
      fc.property(observations, (sampleOf) => {
        const { lowerQuartile, median, upperQuartile } = computeKaplanMeier(sampleOf);
        if (median.value !== null) expect(lowerQuartile.value!).toBeLessThanOrEqual(median.value);
        if (upperQuartile.value !== null)
          expect(median.value!).toBeLessThanOrEqual(upperQuartile.value);
      }),
    );
  });

  it("property: more subjects still waiting can only delay the median", () => {
    fc.assert(
      fc.property(observations, fc.integer({ min: 1, max: 20 }), (sampleOf, extra) => {
        const last = Math.max(0, ...sampleOf.map((o) => o.time));
        const more = [...sampleOf, ...Array.from({ length: extra }, () => censored(last + 1))];
        const before = computeKaplanMeier(sampleOf).median;
        const after = computeKaplanMeier(more).median;
        if (after.value !== null) expect(after.value).toBeGreaterThanOrEqual(before.value!);
      }),
    );
  });
});
