import { describe, expect, it } from "vitest";
import { daysBetween } from "./days";
import {
  computeTimeToPromotion,
  toPromotionObservation,
  type RankStint,
} from "./time-to-promotion";

const stint = (
  sex: RankStint["sex"],
  enteredOn: string,
  leftOn: string | null,
  isPromotion = true,
): RankStint => ({ sex, enteredOn, leftOn, isPromotion });

describe("toPromotionObservation (INDICATORS.md §2: exits and the as-of date censor)", () => {
  const asOf = "2024-12-31";

  it("a promotion on or before the as-of date is the event", () => {
    expect(toPromotionObservation(stint("F", "2020-01-01", "2022-01-01"), asOf)).toEqual({
      time: 731,
      isEvent: true,
    });
    expect(toPromotionObservation(stint("F", "2024-12-01", asOf), asOf)).toEqual({
      time: 30,
      isEvent: true,
    });
  });

  it("an exit censors on its day; an open stint or one left later censors at the as-of date", () => {
    expect(toPromotionObservation(stint("M", "2020-01-01", "2021-01-01", false), asOf)).toEqual({
      time: 366,
      isEvent: false,
    });
    expect(toPromotionObservation(stint("M", "2024-01-01", null), asOf)).toEqual({
      time: 365,
      isEvent: false,
    });
    expect(toPromotionObservation(stint("M", "2024-01-01", "2025-06-01"), asOf)).toEqual({
      time: 365,
      isEvent: false,
    });
  });

  it("a stint entered after the as-of date is not observed", () => {
    expect(toPromotionObservation(stint("F", "2025-01-01", null), asOf)).toBeNull();
  });
});

describe("computeTimeToPromotion (INDICATORS.md §2)", () => {
  it("gives Kaplan–Meier quantiles by sex in years, unknown sex kept as its own group", () => {
    const asOf = "2030-01-01";
    const entry = "2020-01-01";
    const after = (days: number) =>
      new Date(Date.UTC(2020, 0, 1 + days)).toISOString().slice(0, 10);
    // Women: promoted after 730, 730 and 1461 days; one left (exit) at 1000; one still waiting.
    // At 730: 5 at risk, 2 promoted → S = 3/5 (≤ 0.75: lower quartile). At 1000 one censored.
    // At 1461: 2 at risk, 1 promoted → S = 3/10 (≤ 0.5: median); S never ≤ 0.25.
    const stints = [
      stint("F", entry, after(730)),
      stint("F", entry, after(730)),
      stint("F", entry, after(1000), false),
      stint("F", entry, after(1461)),
      stint("F", entry, null),
      stint("M", entry, after(365)),
      stint("M", entry, after(1095)),
      stint("U", entry, null),
      stint("M", "2031-01-01", null),
    ];
    const result = computeTimeToPromotion(stints, asOf);
    const women = result.bySex.F;
    expect(women.lowerQuartile.value).toBeCloseTo(730 / 365.25, 14);
    expect(women.median.value).toBeCloseTo(1461 / 365.25, 14);
    expect(women.upperQuartile).toEqual({ value: null, reason: "quartile_not_reached" });
    expect(women.steps.map((step) => step.survival)).toEqual([0.6, 0.6, 0.3, 0.3]);
    expect(result.bySex.M.median.value).toBeCloseTo(365 / 365.25, 14);
    expect(result.bySex.U.median).toEqual({ value: null, reason: "median_not_reached" });
    expect(result.bySex.X.median).toEqual({ value: null, reason: "empty_denominator" });
    expect(result.counts).toEqual({ F: 5, M: 2, X: 0, U: 1, N: 8 });
    expect(daysBetween(entry, asOf)).toBe(3653);
  });
});
