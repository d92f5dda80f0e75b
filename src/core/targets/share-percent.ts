import type { Rational } from "../stats/rational";

/** A target share is stored in basis points: 10,000 is 100%. */
export const BASIS_POINTS_PER_WHOLE = 10_000;

/** A plain decimal percentage: up to three digits, optionally a point and one or two decimals. */
const PERCENT = /^(\d{1,3})(?:\.(\d{1,2}))?$/;

/**
 * A percentage as typed ("15.5", "15", "0.25", or the JSON number 15.5) to basis points (1550),
 * exactly: the decimal digits are read as text, never multiplied as a double (0.29 × 100 is
 * 28.999999999999996). Refuses anything else — a sign, a percent sign, a decimal comma, an exponent,
 * a third decimal, more than 100 — with null, so the caller can name the value it could not read.
 * A number is read through its shortest round-trip text (String(15.5) is "15.5").
 */
export function parseSharePercent(input: string | number): number | null {
  const text = typeof input === "number" ? String(input) : input.trim();
  const match = PERCENT.exec(text);
  if (!match) return null;
  const whole = Number(match[1]);
  const hundredths = Number((match[2] ?? "").padEnd(2, "0"));
  const basisPoints = whole * 100 + hundredths;
  return basisPoints <= BASIS_POINTS_PER_WHOLE ? basisPoints : null;
}

/** Basis points as the percentage a person would type: 1550 → "15.5", 1500 → "15", 5 → "0.05". */
export function formatBasisPoints(basisPoints: number): string {
  const whole = Math.floor(basisPoints / 100);
  const hundredths = basisPoints % 100;
  if (hundredths === 0) return String(whole);
  return `${whole}.${String(hundredths).padStart(2, "0").replace(/0$/, "")}`;
}

/** The exact target share p/q for the indicator maths (INDICATORS.md §1.6): 1550 bp is 1550/10000. */
export function basisPointsToRational(basisPoints: number): Rational {
  return { numerator: basisPoints, denominator: BASIS_POINTS_PER_WHOLE };
}
