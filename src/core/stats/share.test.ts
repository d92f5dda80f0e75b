import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeShareOfWomen, countBySex, toSexCounts } from "./share";

describe("computeShareOfWomen (INDICATORS.md §0, §1.2)", () => {
  it("uses the known-sex denominator and shows unknowns beside it", () => {
    const result = computeShareOfWomen(toSexCounts({ F: 12, M: 85, X: 1, U: 2 }));
    expect(result.value).toBeCloseTo(12 / 98, 12);
    expect(result.numerator).toBe(12);
    expect(result.denominator).toBe(98);
    expect(result.counts.N).toBe(100);
    expect(result.unknownShare).toBe(0.02);
    expect(result.bounds).toEqual({ low: 0.12, high: 0.14 });
    expect(result.isUnknownSexHigh).toBe(false);
  });

  it("flags a high unknown share strictly above 5%", () => {
    expect(computeShareOfWomen(toSexCounts({ F: 5, M: 90, U: 5 })).isUnknownSexHigh).toBe(false);
    expect(computeShareOfWomen(toSexCounts({ F: 5, M: 89, U: 6 })).isUnknownSexHigh).toBe(true);
  });

  it("returns null with a reason, never 0 or NaN, when nobody of known sex is counted", () => {
    const onlyUnknown = computeShareOfWomen(toSexCounts({ U: 3 }));
    expect(onlyUnknown.value).toBeNull();
    expect(onlyUnknown.reason).toBe("empty_denominator");
    expect(onlyUnknown.bounds).toEqual({ low: 0, high: 1 });
    const empty = computeShareOfWomen(toSexCounts({}));
    expect(empty.value).toBeNull();
    expect(empty.unknownShare).toBeNull();
    expect(empty.bounds).toBeNull();
  });

  it("a zero numerator over a positive denominator is a real zero", () => {
    expect(computeShareOfWomen(toSexCounts({ M: 4 })).value).toBe(0);
  });

  it("gives a Wilson interval of F out of F + M + X only when asked, labelled as the caller says", () => {
    const counts = toSexCounts({ F: 81, M: 180, X: 2, U: 5 });
    expect(computeShareOfWomen(counts).ci).toBeUndefined();
    const result = computeShareOfWomen(counts, { confidence: { basis: "model_based" } });
    expect(result.ci?.low).toBeCloseTo(0.2553, 4);
    expect(result.ci?.high).toBeCloseTo(0.3662, 4);
    expect(result.ci).toMatchObject({ method: "wilson", level: 0.95, basis: "model_based" });
    expect(computeShareOfWomen(toSexCounts({ U: 2 }), { confidence: {} }).ci).toBeNull();
  });

  it("property: the share lies between its bounds and inside [0, 1]", () => {
    const count = fc.integer({ min: 0, max: 10_000 });
    fc.assert(
      fc.property(count, count, count, count, (F, M, X, U) => {
        const result = computeShareOfWomen(toSexCounts({ F, M, X, U }));
        if (result.value === null) return;
        expect(result.value).toBeGreaterThanOrEqual(result.bounds!.low);
        expect(result.value).toBeLessThanOrEqual(result.bounds!.high);
        expect(result.value).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe("countBySex", () => {
  it("adds rows per sex and counts a missing sex as 0", () => {
    const counts = countBySex([
      { sex: "F", count: 2 },
      { sex: "M", count: 5 },
      { sex: "F", count: 1 },
      { sex: "U", count: 4 },
    ]);
    expect(counts).toEqual({ F: 3, M: 5, X: 0, U: 4, N: 12 });
  });
});
