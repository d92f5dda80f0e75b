import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeGlassCeilingIndex, computeRepresentationRatio } from "./representation";
import { toSexCounts } from "./share";

const service = toSexCounts({ F: 120, M: 870, X: 10, U: 20 });

describe("computeRepresentationRatio (INDICATORS.md §1.3)", () => {
  it("divides the level's share of women by the scope's (known-sex denominators)", () => {
    // Senior ranks: 3 / 30 = 10%; service: 120 / 1000 = 12%; RR = 0.1 / 0.12 = 5/6.
    const result = computeRepresentationRatio(toSexCounts({ F: 3, M: 27, U: 1 }), service);
    expect(result.value).toBeCloseTo(5 / 6, 14);
    expect(result.numerator).toBe(0.1);
    expect(result.denominator).toBe(0.12);
    expect(result.numeratorShare.counts.U).toBe(1);
    expect(result.denominatorShare.counts.U).toBe(20);
    expect(result.reason).toBeUndefined();
  });

  it("a level without women is a real 0", () => {
    expect(computeRepresentationRatio(toSexCounts({ M: 5 }), service).value).toBe(0);
  });

  it.each([
    ["level with no one of known sex", toSexCounts({ U: 4 }), service, "empty_denominator"],
    ["empty scope", toSexCounts({}), toSexCounts({}), "empty_denominator"],
    ["no women in scope", toSexCounts({ M: 3 }), toSexCounts({ M: 40, U: 2 }), "no_women_in_scope"],
  ] as const)("%s → null with a reason", (_, level, scope, reason) => {
    const result = computeRepresentationRatio(level, scope);
    expect(result.value).toBeNull();
    expect(result.reason).toBe(reason);
  });

  it("property: the scope against itself is 1 whenever it has women", () => {
    const count = fc.integer({ min: 0, max: 5000 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), count, count, count, (F, M, X, U) => {
        const counts = toSexCounts({ F, M, X, U });
        expect(computeRepresentationRatio(counts, counts).value).toBe(1);
      }),
    );
  });
});

describe("computeGlassCeilingIndex (INDICATORS.md §1.4)", () => {
  it("divides the share of women in all ranks by their share in the top group", () => {
    // All ranks 12%, top group 2 / 50 = 4%: GCI = 3 (women three times rarer at the top).
    const result = computeGlassCeilingIndex(service, toSexCounts({ F: 2, M: 48, U: 1 }));
    expect(result.value).toBeCloseTo(3, 14);
    expect(result.numerator).toBe(0.12);
    expect(result.denominator).toBe(0.04);
  });

  it("is 1 with no glass ceiling and below 1 when women are over-represented at the top", () => {
    expect(computeGlassCeilingIndex(service, toSexCounts({ F: 6, M: 44 })).value).toBeCloseTo(
      1,
      14,
    );
    expect(computeGlassCeilingIndex(service, toSexCounts({ F: 12, M: 38 })).value).toBeCloseTo(
      0.5,
      14,
    );
  });

  it.each([
    [
      "no women at the top (infinite index)",
      service,
      toSexCounts({ M: 50 }),
      "no_women_in_top_grade",
    ],
    ["empty top group", service, toSexCounts({ U: 2 }), "empty_denominator"],
    ["no women anywhere", toSexCounts({ M: 90 }), toSexCounts({ M: 9 }), "no_women_in_scope"],
    ["empty scope", toSexCounts({}), toSexCounts({}), "empty_denominator"],
  ] as const)("%s → null with a reason, counts kept", (_, all, top, reason) => {
    const result = computeGlassCeilingIndex(all, top);
    expect(result.value).toBeNull();
    expect(result.reason).toBe(reason);
    expect(result.denominatorShare.counts).toEqual(top);
  });
});
