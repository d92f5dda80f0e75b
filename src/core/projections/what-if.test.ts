import { describe, expect, it } from "vitest";
import type { TransitionRow } from "./model";
import { withFemaleShare, withPromotionParity } from "./what-if";

function row(to: number[], exit: number): TransitionRow {
  return { to, exit, source: "observed" };
}

describe("what-if controls", () => {
  it("a hiring share f keeps the unknown-sex hires and splits the rest between men and X as observed", () => {
    const mix = withFemaleShare({ F: 0.2, M: 0.6, X: 0.1, U: 0.1 }, 0.5);
    // Known sex: 0.9 of hires; women 0.45; men and X share 0.45 as 6 : 1.
    expect(mix.F).toBeCloseTo(0.45, 15);
    expect(mix.M).toBeCloseTo((0.45 * 6) / 7, 15);
    expect(mix.X).toBeCloseTo((0.45 * 1) / 7, 15);
    expect(mix.U).toBe(0.1);
    expect(withFemaleShare({ F: 1, M: 0, X: 0, U: 0 }, 0.3)).toEqual({
      F: 0.3,
      M: 0.7,
      X: 0,
      U: 0,
    });
  });

  it("promotion parity: men's upward probabilities, women's exits and demotions, stay adjusted", () => {
    const rows = {
      F: [row([0.8, 0.05, 0], 0.15), row([0.1, 0.6, 0.05], 0.25), row([0, 0, 0.9], 0.1)],
      M: [row([0.7, 0.2, 0.02], 0.08), row([0, 0.7, 0.2], 0.1), row([0, 0.2, 0.6], 0.2)],
      X: [],
      U: [],
    };
    const parity = withPromotionParity(rows);
    // Grade 1: up 0.2 + 0.02, exit 0.15 → stay 0.63. Grade 2: demotion 0.1 kept, up 0.2 → stay 0.45.
    expect(parity[0]?.to[0]).toBeCloseTo(0.63, 15);
    expect(parity[0]?.to.slice(1)).toEqual([0.2, 0.02]);
    expect(parity[1]?.to).toEqual([0.1, expect.closeTo(0.45, 15), 0.2]);
    // The top grade has nowhere to go up: unchanged (men's demotions are not copied).
    expect(parity[2]?.to).toEqual([0, 0, 0.9]);
    expect(parity.map((r) => r.exit)).toEqual([0.15, 0.25, 0.1]);
  });

  it("promotion parity never makes a row sum above 1: women who leave a lot stay 0, promotions scaled", () => {
    const rows = {
      F: [row([0.05, 0.05], 0.9), row([0, 0.5], 0.5)],
      M: [row([0.6, 0.3], 0.1), row([0, 0.9], 0.1)],
      X: [],
      U: [],
    };
    const [first] = withPromotionParity(rows);
    // Exit 0.9 leaves 0.1 for the rest; men's 0.3 up does not fit: up 0.1, stay 0.
    expect(first?.to[0]).toBe(0);
    expect(first?.to[1]).toBeCloseTo(0.1, 15);
    expect((first?.to[0] ?? 0) + (first?.to[1] ?? 0) + (first?.exit ?? 0)).toBeCloseTo(1, 15);
  });
});
