import { compareExact, type Rational } from "../stats/rational";
import { sum, type Stock } from "./model";

/** A target share of women, for all grades or for some (a rank group). */
export interface ProjectionTarget {
  /** The share as an exact fraction (30% = 3/10), so that "met" is decided on integers where it can be. */
  readonly share: Rational;
  /** Grade indexes the target applies to; all grades when absent. */
  readonly grades?: readonly number[];
}

const MAX_DECIMALS = 15;

/** The fraction a decimal share denotes: 0.3 → 3/10, 0.125 → 125/1000 (the shortest decimal that reads back as the same double). */
export function decimalToRational(value: number): Rational {
  for (let k = 0; k <= MAX_DECIMALS; k++) {
    const denominator = 10 ** k;
    const numerator = Math.round(value * denominator);
    if (numerator / denominator === value) return { numerator, denominator };
  }
  const denominator = 10 ** MAX_DECIMALS;
  return { numerator: Math.round(value * denominator), denominator };
}

/** Women and persons of known sex in the target's grades. */
export function countTargetGrades(stock: Stock, target: ProjectionTarget) {
  const count = (values: readonly number[]) =>
    target.grades === undefined ? sum(values) : sum(target.grades.map((i) => values[i] ?? 0));
  const women = count(stock.F);
  return { women, known: women + count(stock.M) + count(stock.X) };
}

/**
 * share_F ≥ target, i.e. F·q ≥ p·K (nobody of known sex: not met). Whole counts (the observed
 * start) are compared exactly in integers (INDICATORS.md §0); projected expected values, which are
 * not counts, are compared unrounded in floating point.
 */
export function isTargetMet(stock: Stock, target: ProjectionTarget): boolean {
  const { women, known } = countTargetGrades(stock, target);
  if (known <= 0) return false;
  const { numerator: p, denominator: q } = target.share;
  if (Number.isSafeInteger(women) && Number.isSafeInteger(known)) {
    return (
      compareExact(
        { numerator: BigInt(women), denominator: BigInt(known) },
        { numerator: BigInt(p), denominator: BigInt(q) },
      ) >= 0
    );
  }
  return women * q >= p * known;
}
