import { hiresInYear, shareOfWomen, stepStock } from "./project";
import { mapSexes, type MarkovModel, type Stock, type TransitionRow } from "./model";

export type LongRunReason = "no_steady_state" | "empty_denominator";

export interface LongRunShare {
  /** The limit of the projected share of women as t → ∞ (INDICATORS.md §5.2). */
  readonly value: number | null;
  readonly reason?: LongRunReason;
}

const SINGULAR_PIVOT = 1e-12;
const MAX_ITERATIONS = 100_000;
const CONVERGED = 1e-12;

/**
 * The model's long-run share. Fixed hires: n_s(∞) = h_s·(I − P_s)⁻¹ for every sex, which exists
 * when everyone eventually leaves; a grade no one ever leaves (I − P_s singular) has no steady
 * state. Constant size: the stock is iterated from the start until it stops changing (the chain
 * of a constant-size model keeps its total; a periodic chain never settles and has no steady state).
 */
export function computeLongRunShare(
  model: MarkovModel,
  start: Stock,
  grades?: readonly number[],
): LongRunShare {
  const limit = model.isConstantSize ? iterateToLimit(model, start) : solveLimit(model);
  if (limit === null) return { value: null, reason: "no_steady_state" };
  const value = shareOfWomen(limit, grades);
  return value === null ? { value: null, reason: "empty_denominator" } : { value };
}

function solveLimit(model: MarkovModel): Stock | null {
  const size = model.grades.length;
  const limits = mapSexes((s) => {
    if (!model.sexes.includes(s)) return new Array<number>(size).fill(0);
    const hires = model.entry.map((e) => model.totalHires * model.hireMix[s] * e);
    return solveLeft(identityMinus(model.rows[s]), hires);
  });
  const values = Object.values(limits);
  return values.every((v): v is number[] => v !== null) ? (limits as Stock) : null;
}

function iterateToLimit(model: MarkovModel, start: Stock): Stock | null {
  let stock = start;
  for (let k = 0; k < MAX_ITERATIONS; k++) {
    const next = stepStock(model, stock, hiresInYear(model, stock));
    let change = 0;
    let total = 0;
    for (const s of model.sexes) {
      next[s].forEach((n, i) => {
        change = Math.max(change, Math.abs(n - (stock[s][i] ?? 0)));
        total += n;
      });
    }
    stock = next;
    if (change <= CONVERGED * Math.max(1, total)) return stock;
  }
  return null;
}

function identityMinus(rows: readonly TransitionRow[]): number[][] {
  return rows.map((row, i) => row.to.map((p, j) => (i === j ? 1 : 0) - p));
}

/** x with x·A = b (Gaussian elimination with partial pivoting on Aᵀ); null when A is singular. */
export function solveLeft(
  a: readonly (readonly number[])[],
  b: readonly number[],
): number[] | null {
  const n = b.length;
  // Row r of the augmented system is column r of A: Σ_i x_i·A[i][r] = b_r.
  const m = Array.from({ length: n }, (_, r) => [
    ...Array.from({ length: n }, (_, i) => a[i]?.[r] ?? 0),
    b[r] ?? 0,
  ]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      if (Math.abs(m[r]?.[col] ?? 0) > Math.abs(m[pivot]?.[col] ?? 0)) pivot = r;
    }
    const pivotRow = m[pivot] ?? [];
    if (Math.abs(pivotRow[col] ?? 0) < SINGULAR_PIVOT) return null;
    [m[col], m[pivot]] = [pivotRow, m[col] ?? []];
    for (let r = 0; r < n; r++) {
      const row = m[r] ?? [];
      if (r === col || row[col] === 0) continue;
      const factor = (row[col] ?? 0) / (pivotRow[col] ?? 1);
      for (let c = col; c <= n; c++) row[c] = (row[c] ?? 0) - factor * (pivotRow[c] ?? 0);
    }
  }
  return m.map((row, r) => (row[n] ?? 0) / (row[r] ?? 1));
}
