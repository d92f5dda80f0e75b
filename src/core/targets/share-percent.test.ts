import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { basisPointsToRational, formatBasisPoints, parseSharePercent } from "./share-percent";

describe("parseSharePercent", () => {
  it("reads plain decimals with up to two decimals, exactly, as basis points", () => {
    expect(parseSharePercent("15.5")).toBe(1550);
    expect(parseSharePercent(" 15 ")).toBe(1500);
    expect(parseSharePercent("0.29")).toBe(29);
    expect(parseSharePercent("28.99")).toBe(2899);
    expect(parseSharePercent("100")).toBe(10_000);
    expect(parseSharePercent("0")).toBe(0);
    expect(parseSharePercent(15.5)).toBe(1550);
    // 0.29 × 100 is 28.999999999999996 in doubles; the digits are read as text.
    expect(parseSharePercent(0.29)).toBe(29);
  });

  it("refuses anything else with null", () => {
    for (const bad of ["15,5%", "15,5", "15%", "101", "100.01", "abc", "", "-5", "+5", "1e1"]) {
      expect(parseSharePercent(bad), bad).toBeNull();
    }
    for (const bad of ["15.555", ".5", "15.", "1 5", "١٥"])
      expect(parseSharePercent(bad), bad).toBeNull();
    for (const bad of [0.1 + 0.2, -1, Number.NaN, Infinity, 1e-7, 100.5]) {
      expect(parseSharePercent(bad), String(bad)).toBeNull();
    }
  });

  it("property: formatting then parsing gives back every basis point 0…10000", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (bp) => {
        expect(parseSharePercent(formatBasisPoints(bp))).toBe(bp);
      }),
    );
    expect(formatBasisPoints(1550)).toBe("15.5");
    expect(formatBasisPoints(1505)).toBe("15.05");
    expect(formatBasisPoints(5)).toBe("0.05");
    expect(formatBasisPoints(10_000)).toBe("100");
    expect(basisPointsToRational(1550)).toEqual({ numerator: 1550, denominator: 10_000 });
  });
});
