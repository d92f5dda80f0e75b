import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimalToRational, isTargetMet } from "./target";

function stock(F: number, M: number, X = 0, U = 0) {
  return { F: [F], M: [M], X: [X], U: [U] };
}

describe("targets of a projection", () => {
  it("reads a decimal share as the fraction it denotes", () => {
    expect(decimalToRational(0.3)).toEqual({ numerator: 3, denominator: 10 });
    expect(decimalToRational(0.07)).toEqual({ numerator: 7, denominator: 100 });
    expect(decimalToRational(0.125)).toEqual({ numerator: 125, denominator: 1000 });
    expect(decimalToRational(0)).toEqual({ numerator: 0, denominator: 1 });
    expect(decimalToRational(1)).toEqual({ numerator: 1, denominator: 1 });
  });

  it("decides 'met' on whole counts exactly: 48 of 160 is exactly 30%", () => {
    const thirty = { share: decimalToRational(0.3) };
    expect(isTargetMet(stock(48, 112), thirty)).toBe(true);
    expect(isTargetMet(stock(47, 113), thirty)).toBe(false);
    // X counts in the denominator, U does not; nobody of known sex never meets a target.
    expect(isTargetMet(stock(3, 6, 1, 50), thirty)).toBe(true);
    expect(isTargetMet(stock(0, 0, 0, 4), { share: decimalToRational(0) })).toBe(false);
  });

  it("property: on whole counts, met ⇔ F·q ≥ p·(F + M + X)", () => {
    fc.assert(
      fc.property(
        fc.nat(10_000),
        fc.nat(10_000),
        fc.nat(100),
        fc.integer({ min: 0, max: 1000 }),
        (F, M, X, permille) => {
          const share = decimalToRational(permille / 1000);
          const known = F + M + X;
          expect(isTargetMet(stock(F, M, X), { share })).toBe(
            known > 0 && F * share.denominator >= share.numerator * known,
          );
        },
      ),
    );
  });
});
