import type { Sex } from "../schemas/sex";

/** The Markov manpower model by sex of INDICATORS.md §5.1; docs/indicators.md §5 records the choices. */

/** The longest projection: 30 years (INDICATORS.md §5.1). */
export const MAX_HORIZON = 30;

export type BySex<T> = Readonly<Record<Sex, T>>;

/** A grade of the model: a rank group, in rank-scheme order (ordinal ascending). */
export interface Grade {
  readonly code: string;
  readonly ordinal: number;
}

/**
 * Where a transition row comes from: `observed` (this sex's own history in the grade),
 * `pooled_sexes` (this sex had no one in the grade in any estimation year: the grade's row over
 * all sexes), `what_if` (supplied by the user), `unreachable` (no history, and no one is in the
 * grade or can enter it: the row is never used and is all exit).
 */
export const rowSources = ["observed", "pooled_sexes", "what_if", "unreachable"] as const;
export type RowSource = (typeof rowSources)[number];

/** One row of P_s with its exit probability: Σ to + exit = 1. */
export interface TransitionRow {
  /** to[j]: probability of being in grade j at the start of the next year (stayers: j = i). */
  readonly to: readonly number[];
  readonly exit: number;
  readonly source: RowSource;
}

/** A model ready to project: the rows of every sex, the hiring flow and the size rule. */
export interface MarkovModel {
  readonly grades: readonly Grade[];
  /** The sexes projected: F and M always, X and U when the data has any. */
  readonly sexes: readonly Sex[];
  /** rows[s][i] for every sex (a sex not projected has no one and no hires). */
  readonly rows: BySex<readonly TransitionRow[]>;
  /** H: hires per year (all sexes); unused in constant-size mode. */
  readonly totalHires: number;
  /** e: the distribution of hires over entry grades (sums to 1). */
  readonly entry: readonly number[];
  /** The share of hires of each sex (sums to 1, or all 0 when there are no hires). */
  readonly hireMix: BySex<number>;
  /** Constant-size mode: each year's hires replace that year's leavers, H(t) = Σ_s n_s(t)·w_s. */
  readonly isConstantSize: boolean;
}

/** Headcount by grade for each sex (expected values, not rounded). */
export type Stock = BySex<readonly number[]>;

export function zeroStock(gradeCount: number): Stock {
  const zeros = () => new Array<number>(gradeCount).fill(0);
  return { F: zeros(), M: zeros(), X: zeros(), U: zeros() };
}

/** A value for each of the four sexes. */
export function mapSexes<T>(make: (sex: Sex) => T): Record<Sex, T> {
  return { F: make("F"), M: make("M"), X: make("X"), U: make("U") };
}

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
