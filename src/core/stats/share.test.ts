import { describe, expect, it } from "vitest";
import { computeShareOfWomen, toSexCounts } from "./share";

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
});
