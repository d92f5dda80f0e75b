import { sexes as allSexes } from "../schemas/sex";
import { mapSexes, sum, type MarkovModel, type Stock } from "./model";

export interface ProjectedYear {
  /** Years after the baseline: 0 is the observed start. */
  readonly t: number;
  /** n_s(t): headcount by grade on 1 January, expected values. */
  readonly stock: Stock;
  /** H(t): the hires made during year t (they are in the stock of t + 1). */
  readonly hires: number;
}

/** H(t): fixed, or in constant-size mode the expected leavers of year t. */
export function hiresInYear(model: MarkovModel, stock: Stock): number {
  if (!model.isConstantSize) return model.totalHires;
  return sum(
    allSexes.map((s) => sum(model.rows[s].map((row, i) => (stock[s][i] ?? 0) * row.exit))),
  );
}

/** One step of INDICATORS.md §5.1: n_s(t+1) = n_s(t)·P_s + h_s(t), h_s(t) = H(t)·mix_s·e. */
export function stepStock(model: MarkovModel, stock: Stock, hires: number): Stock {
  return mapSexes((s) => {
    const next = model.entry.map((e) => hires * model.hireMix[s] * e);
    model.rows[s].forEach((row, i) => {
      const n = stock[s][i] ?? 0;
      if (n === 0) return;
      row.to.forEach((p, j) => {
        next[j] += n * p;
      });
    });
    return next;
  });
}

/** The projection for t = 0 (the start) to `years`. */
export function projectStock(model: MarkovModel, start: Stock, years: number): ProjectedYear[] {
  const series: ProjectedYear[] = [];
  let stock = start;
  for (let t = 0; t <= years; t++) {
    const hires = hiresInYear(model, stock);
    series.push({ t, stock, hires });
    if (t < years) stock = stepStock(model, stock, hires);
  }
  return series;
}

/**
 * Women over everyone of known sex (F / (F + M + X), INDICATORS.md §0), in all grades or in the
 * grades flagged by `grades`; null when no one of known sex is counted.
 */
export function shareOfWomen(stock: Stock, grades?: readonly number[]): number | null {
  const count = (values: readonly number[]) =>
    grades === undefined ? sum(values) : sum(grades.map((i) => values[i] ?? 0));
  const women = count(stock.F);
  const known = women + count(stock.M) + count(stock.X);
  return known > 0 ? women / known : null;
}
