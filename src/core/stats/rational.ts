/**
 * Exact arithmetic on ratios of counts (INDICATORS.md §0 "Exact comparisons"): threshold decisions
 * (parity band, target met) are taken on integers, never on rounded doubles.
 */

/** p / q with integer p ≥ 0 and integer q > 0 (counts, twice an average headcount, a target such as 30/100). */
export interface Rational {
  readonly numerator: number;
  readonly denominator: number;
}

/** A rational held in BigInt so that products of large counts stay exact. */
export interface ExactRational {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

export function toExact(value: Rational): ExactRational {
  return { numerator: BigInt(value.numerator), denominator: BigInt(value.denominator) };
}

/** a / b for b ≠ 0. */
export function divideExact(a: ExactRational, b: ExactRational): ExactRational {
  return { numerator: a.numerator * b.denominator, denominator: a.denominator * b.numerator };
}

/** −1, 0 or 1 as a <, = or > b (denominators positive). */
export function compareExact(a: ExactRational, b: ExactRational): -1 | 0 | 1 {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The rational as a double (within two ulps: each integer and the quotient are rounded once). */
export function toNumber(value: ExactRational): number {
  return Number(value.numerator) / Number(value.denominator);
}

/** The smallest integer ≥ p / q for integers p ≥ 0, q > 0. */
export function ceilDivide(p: bigint, q: bigint): bigint {
  return (p + q - 1n) / q;
}
