import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computeAdjustedGenderParityIndex,
  computeGenderParityIndex,
  computeHeadcountAdjustedParityIndex,
  computeHeadcountParityIndex,
} from "./parity";
import { toSexCounts } from "./share";

const count = (n: number) => ({ numerator: n, denominator: 1 });

describe("computeGenderParityIndex (INDICATORS.md §1.5)", () => {
  it("GPI of representation is F / M; X and U stay in the counts", () => {
    const result = computeHeadcountParityIndex(toSexCounts({ F: 250, M: 750, X: 3, U: 9 }));
    expect(result.value).toBeCloseTo(1 / 3, 15);
    expect(result.numerator).toBe(250);
    expect(result.denominator).toBe(750);
    expect(result.counts.U).toBe(9);
    expect(result.isWithinParityBand).toBe(false);
  });

  it("compares any indicator's values, e.g. shares 1/15 and 20/291, and decides the band exactly", () => {
    // (1/15) / (20/291) = 97/100 exactly, though the doubles give 0.9699999999999999.
    expect(1 / 15 / (20 / 291)).toBeLessThan(0.97);
    const result = computeGenderParityIndex(
      { numerator: 1, denominator: 15 },
      { numerator: 20, denominator: 291 },
    );
    expect(result.isWithinParityBand).toBe(true);
    expect(result.value).toBeCloseTo(0.97, 15);
  });

  it.each([
    [96, 100, false],
    [97, 100, true],
    [103, 100, true],
    [104, 100, false],
  ])("band 0.97–1.03: %i women to %i men → %s", (F, M, inBand) => {
    expect(computeGenderParityIndex(count(F), count(M)).isWithinParityBand).toBe(inBand);
  });

  it("no men → null `no_men`; no women over some men is a real 0", () => {
    expect(computeGenderParityIndex(count(4), count(0))).toMatchObject({
      value: null,
      reason: "no_men",
      isWithinParityBand: null,
    });
    expect(computeGenderParityIndex(count(0), count(0)).reason).toBe("no_men");
    expect(computeGenderParityIndex(count(0), count(5)).value).toBe(0);
  });
});

describe("computeAdjustedGenderParityIndex (INDICATORS.md §1.5, UNESCO GPIA)", () => {
  it("equals the GPI when women ≤ men and 2 − M/F otherwise", () => {
    expect(computeHeadcountAdjustedParityIndex(toSexCounts({ F: 250, M: 750 })).value).toBeCloseTo(
      1 / 3,
      15,
    );
    expect(computeHeadcountAdjustedParityIndex(toSexCounts({ F: 750, M: 250 })).value).toBeCloseTo(
      5 / 3,
      15,
    );
  });

  it("is 2 with women and no men, null `no_variation` when both are 0", () => {
    expect(computeAdjustedGenderParityIndex(count(3), count(0)).value).toBe(2);
    expect(computeAdjustedGenderParityIndex(count(0), count(0))).toMatchObject({
      value: null,
      reason: "no_variation",
    });
  });

  it("decides its band exactly on both sides of 1", () => {
    // 100 women to 97 men: 2 − 97/100 = 1.03, inside; 100 to 96: 1.04, outside.
    expect(computeAdjustedGenderParityIndex(count(100), count(97)).isWithinParityBand).toBe(true);
    expect(computeAdjustedGenderParityIndex(count(100), count(96)).isWithinParityBand).toBe(false);
    expect(computeAdjustedGenderParityIndex(count(97), count(100)).isWithinParityBand).toBe(true);
  });

  it("property: symmetric around 1 (GPIA(F, M) + GPIA(M, F) = 2) and within [0, 2]", () => {
    const positive = fc.integer({ min: 1, max: 100_000 });
    fc.assert(
      fc.property(positive, positive, (F, M) => {
        const forward = computeAdjustedGenderParityIndex(count(F), count(M)).value!;
        const backward = computeAdjustedGenderParityIndex(count(M), count(F)).value!;
        expect(forward + backward).toBeCloseTo(2, 12);
        expect(forward).toBeGreaterThan(0);
        expect(forward).toBeLessThan(2);
      }),
    );
  });

  it("property: monotone — more women (men fixed) never lowers the index", () => {
    const n = fc.integer({ min: 0, max: 10_000 });
    fc.assert(
      fc.property(n, n, fc.integer({ min: 1, max: 10_000 }), (F, extra, M) => {
        const lower = computeAdjustedGenderParityIndex(count(F), count(M)).value!;
        const higher = computeAdjustedGenderParityIndex(count(F + extra), count(M)).value!;
        expect(higher).toBeGreaterThanOrEqual(lower);
      }),
    );
  });
});
