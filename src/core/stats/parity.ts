import {
  compareExact,
  divideExact,
  toExact,
  toNumber,
  type ExactRational,
  type Rational,
} from "./rational";
import type { SexCounts } from "./share";

export type ParityReason = "no_men" | "no_variation";

export interface ParityResult {
  readonly value: number | null;
  /** The women's value v_F. */
  readonly numerator: number;
  /** The men's value v_M. */
  readonly denominator: number;
  /** 0.97 ≤ index ≤ 1.03 (UNESCO UIS parity band), decided exactly; null with the value. */
  readonly isWithinParityBand: boolean | null;
  readonly reason?: ParityReason;
}

export type HeadcountParityResult = ParityResult & { readonly counts: SexCounts };

const BAND_LOW: ExactRational = { numerator: 97n, denominator: 100n };
const BAND_HIGH: ExactRational = { numerator: 103n, denominator: 100n };

function isInBand(index: ExactRational): boolean {
  return compareExact(index, BAND_LOW) >= 0 && compareExact(index, BAND_HIGH) <= 0;
}

function valuesOf(women: Rational, men: Rational) {
  return {
    numerator: women.numerator / women.denominator,
    denominator: men.numerator / men.denominator,
  };
}

/**
 * Gender parity index GPI = v_F / v_M (INDICATORS.md §1.5) for any indicator's values for women and
 * men, given as exact ratios of counts (a count n is n/1, a share F/K, a rate 2·events/(start + end)).
 */
export function computeGenderParityIndex(women: Rational, men: Rational): ParityResult {
  const base = valuesOf(women, men);
  if (men.numerator === 0) {
    return { ...base, value: null, isWithinParityBand: null, reason: "no_men" };
  }
  const index = divideExact(toExact(women), toExact(men));
  return { ...base, value: toNumber(index), isWithinParityBand: isInBand(index) };
}

/**
 * UNESCO adjusted GPI (INDICATORS.md §1.5), symmetric around 1 on [0, 2]: v_F / v_M when
 * v_F ≤ v_M, otherwise 2 − v_M / v_F. Defined (2) when there are no men but some women; null
 * `no_variation` when both values are 0.
 */
export function computeAdjustedGenderParityIndex(women: Rational, men: Rational): ParityResult {
  const base = valuesOf(women, men);
  const exactWomen = toExact(women);
  const exactMen = toExact(men);
  if (compareExact(exactWomen, exactMen) <= 0) {
    if (men.numerator === 0) {
      return { ...base, value: null, isWithinParityBand: null, reason: "no_variation" };
    }
    const index = divideExact(exactWomen, exactMen);
    return { ...base, value: toNumber(index), isWithinParityBand: isInBand(index) };
  }
  const inverse = divideExact(exactMen, exactWomen);
  const index: ExactRational = {
    numerator: 2n * inverse.denominator - inverse.numerator,
    denominator: inverse.denominator,
  };
  return { ...base, value: 2 - toNumber(inverse), isWithinParityBand: isInBand(index) };
}

const count = (n: number): Rational => ({ numerator: n, denominator: 1 });

/** GPI of representation: F / M headcounts (X and U shown in `counts`, never folded in). */
export function computeHeadcountParityIndex(counts: SexCounts): HeadcountParityResult {
  return { ...computeGenderParityIndex(count(counts.F), count(counts.M)), counts };
}

/** Adjusted GPI of representation from F and M headcounts. */
export function computeHeadcountAdjustedParityIndex(counts: SexCounts): HeadcountParityResult {
  return { ...computeAdjustedGenderParityIndex(count(counts.F), count(counts.M)), counts };
}
