import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toSexCounts } from "./share";
import { computeTargetGap } from "./target";

const thirtyPercent = { numerator: 30, denominator: 100 };

describe("computeTargetGap (INDICATORS.md §1.6)", () => {
  it("gives the gap in share, the on-track flag and the women short at today's size", () => {
    // 12 women of 98 known sex = 12.24%; target 30%: gap 17.76 points; ceil(29.4) − 12 = 18 short.
    const result = computeTargetGap(toSexCounts({ F: 12, M: 85, X: 1, U: 2 }), thirtyPercent);
    expect(result.value).toBeCloseTo(0.3 - 12 / 98, 15);
    expect(result.numerator).toBe(12);
    expect(result.denominator).toBe(98);
    expect(result.target).toBe(0.3);
    expect(result.isOnTrack).toBe(false);
    expect(result.womenShort).toBe(18);
    expect(result.share.counts.U).toBe(2);
  });

  it("meeting the target exactly is on track (decided on integers)", () => {
    const result = computeTargetGap(toSexCounts({ F: 1, M: 2 }), { numerator: 1, denominator: 3 });
    expect(result.isOnTrack).toBe(true);
    expect(result.womenShort).toBe(0);
    expect(result.value).toBe(0);
  });

  it("above target: a negative gap, nobody short", () => {
    const result = computeTargetGap(toSexCounts({ F: 40, M: 60 }), thirtyPercent);
    expect(result.value).toBeCloseTo(-0.1, 15);
    expect(result.isOnTrack).toBe(true);
    expect(result.womenShort).toBe(0);
  });

  it("no one of known sex → null `empty_denominator`", () => {
    expect(computeTargetGap(toSexCounts({ U: 3 }), thirtyPercent)).toMatchObject({
      value: null,
      isOnTrack: null,
      womenShort: null,
      reason: "empty_denominator",
    });
  });

  it("property: on track exactly when no woman is short, and the women short would meet it", () => {
    const n = fc.integer({ min: 0, max: 5000 });
    const target = fc
      .integer({ min: 1, max: 1000 })
      .chain((q) =>
        fc.record({ numerator: fc.integer({ min: 0, max: q }), denominator: fc.constant(q) }),
      );
    fc.assert(
      fc.property(n, n, target, (F, M, t) => {
        if (F + M === 0) return;
        const result = computeTargetGap(toSexCounts({ F, M }), t);
        expect(result.isOnTrack).toBe(result.womenShort === 0);
        const short = result.womenShort!;
        if (short > 0) {
          expect((F + short) * t.denominator).toBeGreaterThanOrEqual(t.numerator * (F + M));
          expect((F + short - 1) * t.denominator).toBeLessThan(t.numerator * (F + M));
        }
      }),
    );
  });
});
