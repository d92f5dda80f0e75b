import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computeFlowRates,
  computeHireRates,
  computeLeaversByReason,
  computePromotionRateRatio,
  computePromotionRates,
  computeSeparationRates,
  type FlowCounts,
} from "./flows";
import { toSexCounts } from "./share";

const stockStart = toSexCounts({ F: 40, M: 190, U: 2 });
const stockEnd = toSexCounts({ F: 60, M: 210, U: 2 });
const promotions: FlowCounts = {
  events: toSexCounts({ F: 5, M: 30, U: 0 }),
  stockStart,
  stockEnd,
};

describe("computeFlowRates (INDICATORS.md §2)", () => {
  it("divides events by the average of the start and end stocks, per sex", () => {
    const result = computePromotionRates(promotions);
    expect(result.bySex.F).toEqual({
      value: 0.1,
      numerator: 5,
      denominator: 50,
      stockStart: 40,
      stockEnd: 60,
    });
    expect(result.bySex.M.value).toBe(0.15);
    expect(result.bySex.U.value).toBe(0);
    expect(result.bySex.X).toMatchObject({ value: null, reason: "empty_denominator" });
    expect(result.all).toMatchObject({ numerator: 35, denominator: 252 });
    expect(result.all.value).toBeCloseTo(35 / 252, 15);
    expect(result.counts).toEqual(promotions.events);
    expect(result.annualisedOverDays).toBeNull();
  });

  it("gives the women/men rate ratio from F and M only", () => {
    // 0.10 / 0.15 = 2/3.
    const ratio = computePromotionRateRatio(promotions);
    expect(ratio.value).toBeCloseTo(2 / 3, 15);
    expect(ratio.numerator).toBe(0.1);
    expect(ratio.denominator).toBe(0.15);
    expect(computePromotionRates(promotions).womenToMenRatio).toEqual(ratio);
  });

  it("annualises on request (× 365.25 / days) without changing the ratio", () => {
    const half = computePromotionRates(promotions, { annualiseOverDays: 182 });
    expect(half.bySex.F.value).toBeCloseTo((0.1 * 365.25) / 182, 15);
    expect(half.bySex.F.numerator).toBe(5);
    expect(half.annualisedOverDays).toBe(182);
    expect(half.womenToMenRatio.value).toBeCloseTo(2 / 3, 15);
  });

  it("names why the ratio is missing: no men's rate, or an empty average", () => {
    const noMenEvents = { ...promotions, events: toSexCounts({ F: 5 }) };
    expect(computePromotionRateRatio(noMenEvents)).toMatchObject({
      value: null,
      reason: "no_men_promoted_rate",
      denominator: 0,
    });
    expect(computeHireRates(noMenEvents).womenToMenRatio.reason).toBe("no_men_hired_rate");
    expect(computeSeparationRates(noMenEvents).womenToMenRatio.reason).toBe(
      "no_men_separated_rate",
    );
    const noWomen = {
      events: toSexCounts({ M: 3 }),
      stockStart: toSexCounts({ M: 10 }),
      stockEnd: toSexCounts({ M: 10 }),
    };
    expect(computeHireRates(noWomen).womenToMenRatio).toMatchObject({
      value: null,
      reason: "empty_denominator",
      numerator: null,
    });
  });

  it("counts hires of a population that was empty at the start (avg > 0)", () => {
    const newUnit = {
      events: toSexCounts({ F: 4, M: 6 }),
      stockStart: toSexCounts({}),
      stockEnd: toSexCounts({ F: 4, M: 6 }),
    };
    const result = computeHireRates(newUnit);
    expect(result.bySex.F.value).toBe(2);
    expect(result.bySex.M.value).toBe(2);
    expect(result.womenToMenRatio.value).toBe(1);
  });

  it("property: more events never lower a rate; the ratio ignores annualisation", () => {
    const n = fc.integer({ min: 0, max: 1000 });
    fc.assert(
      fc.property(n, n, n, n, n, fc.integer({ min: 1, max: 3660 }), (eF, eM, s, e, extra, days) => {
        const flow = {
          events: toSexCounts({ F: eF, M: eM }),
          stockStart: toSexCounts({ F: s, M: s + 1 }),
          stockEnd: toSexCounts({ F: e, M: e + 1 }),
        };
        const more = { ...flow, events: toSexCounts({ F: eF + extra, M: eM }) };
        const base = computeFlowRates(flow, "separation");
        const rate = base.bySex.F.value;
        if (rate !== null)
          expect(computeFlowRates(more, "separation").bySex.F.value!).toBeGreaterThanOrEqual(rate);
        const yearly = computeFlowRates(flow, "separation", { annualiseOverDays: days });
        expect(yearly.womenToMenRatio.value).toBe(base.womenToMenRatio.value);
        expect(yearly.womenToMenRatio.reason).toBe(base.womenToMenRatio.reason);
      }),
    );
  });
});

describe("computeLeaversByReason (INDICATORS.md §2)", () => {
  const rows = [
    { reason: "retirement", sex: "F", count: 2 },
    { reason: "retirement", sex: "M", count: 10 },
    { reason: "resignation", sex: "F", count: 3 },
    { reason: "resignation", sex: "M", count: 4 },
    { reason: "resignation", sex: "U", count: 1 },
  ] as const;

  it("gives every reason in order, with counts and separation rates by sex", () => {
    const result = computeLeaversByReason(rows, { stockStart, stockEnd });
    expect(result.byReason.map((line) => line.reason)).toEqual([
      "retirement",
      "resignation",
      "dismissal",
      "death",
      "other",
    ]);
    const resignation = result.byReason[1];
    expect(resignation.counts).toEqual({ F: 3, M: 4, X: 0, U: 1, N: 8 });
    expect(resignation.bySex.F.value).toBe(0.06);
    expect(resignation.bySex.M.value).toBe(0.02);
    expect(resignation.bySex.U.value).toBe(0.5);
    expect(resignation.womenToMenRatio.value).toBeCloseTo(3, 14);
    expect(result.all.counts.N).toBe(20);
    expect(result.all.bySex.F.value).toBe(0.1);
    expect(result.all.bySex.M.value).toBe(0.07);
    const sumOfWomen = result.byReason.reduce((sum, line) => sum + line.bySex.F.value!, 0);
    expect(sumOfWomen).toBeCloseTo(result.all.bySex.F.value!, 15);
  });

  it("a reason nobody left for shows zeros and says why its ratio is missing", () => {
    const dismissal = computeLeaversByReason(rows, { stockStart, stockEnd }).byReason[2];
    expect(dismissal.counts.N).toBe(0);
    expect(dismissal.bySex.F.value).toBe(0);
    expect(dismissal.womenToMenRatio.reason).toBe("no_men_separated_rate");
  });
});
