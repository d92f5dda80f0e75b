import { AppError } from "../errors";
import { sexes as allSexes, type Sex } from "../schemas/sex";
import { stockOf, type EstimationInputs } from "./inputs";
import { mapSexes, sum, type BySex, type Grade, type TransitionRow } from "./model";

/** A transition row supplied by the user for one grade (what-if): to[j] for every grade j; exit = 1 − Σ to. */
export interface RowOverride {
  readonly grade: string;
  readonly to: readonly number[];
}

/** f: the female share of hires over the estimation years, F / (F + M + X) as in INDICATORS.md §0. */
export interface HiringShareEstimate {
  readonly value: number | null;
  /** Women hired. */
  readonly numerator: number;
  /** Hires of known sex. */
  readonly denominator: number;
  readonly reason?: "empty_denominator";
}

export interface MarkovEstimate {
  readonly grades: readonly Grade[];
  readonly sexes: readonly Sex[];
  /** rows[s][i]; null when no one of any sex was in grade i in any estimation year and no row was supplied. */
  readonly rows: BySex<readonly (TransitionRow | null)[]>;
  /** H: hires per year, the mean over the estimation years. */
  readonly totalHires: number;
  readonly entry: readonly number[];
  readonly hireMix: BySex<number>;
  readonly hiringShare: HiringShareEstimate;
}

export interface EstimateOptions {
  readonly rowOverrides?: readonly RowOverride[];
  /**
   * A bootstrap replicate borrows from the full estimate what its sample of years cannot give: the
   * projected sexes, the row of a grade no one was in, the entry distribution and the hire mix
   * when the sample has no hires.
   */
  readonly fallback?: MarkovEstimate;
}

const ROW_SUM_TOLERANCE = 1e-9;

/** The pooled estimate of INDICATORS.md §5.1: p_s[i][j] = Σ_y moves / Σ_y stock, w_s[i] likewise, H, e and f. */
export function estimateMarkovModel(
  inputs: EstimationInputs,
  options: EstimateOptions = {},
): MarkovEstimate {
  const { grades, years } = inputs;
  const size = grades.length;
  const zeros = () => new Array<number>(size).fill(0);
  const stock = mapSexes(zeros);
  const moves = mapSexes(() => grades.map(zeros));
  const exits = mapSexes(zeros);
  const hires = mapSexes(zeros);
  for (const year of years) {
    for (const s of allSexes) {
      for (let i = 0; i < size; i++) {
        stock[s][i] += stockOf(year, s, i);
        exits[s][i] += year.exits[s][i] ?? 0;
        hires[s][i] += year.hires[s][i] ?? 0;
        for (let j = 0; j < size; j++) moves[s][i][j] += year.moves[s][i]?.[j] ?? 0;
      }
    }
  }
  const overrides = validateOverrides(grades, options.rowOverrides ?? []);
  const rowOf = (s: Sex, i: number): TransitionRow | null => {
    const override = overrides.get(i);
    if (override) return override;
    if (stock[s][i] > 0) return ratioRow(moves[s][i], exits[s][i], stock[s][i], "observed");
    const total = sum(allSexes.map((r) => stock[r][i]));
    if (total > 0) {
      const pooledMoves = grades.map((_, j) => sum(allSexes.map((r) => moves[r][i][j])));
      const pooledExits = sum(allSexes.map((r) => exits[r][i]));
      return ratioRow(pooledMoves, pooledExits, total, "pooled_sexes");
    }
    return options.fallback?.rows[s][i] ?? null;
  };
  const hiresBySex = mapSexes((s) => sum(hires[s]));
  const hireTotal = sum(allSexes.map((s) => hiresBySex[s]));
  const known = hiresBySex.F + hiresBySex.M + hiresBySex.X;
  const isPresent = (s: Sex) =>
    hiresBySex[s] > 0 || stock[s].some((n) => n > 0) || inputs.baseline.stock[s].some((n) => n > 0);
  return {
    grades,
    sexes:
      options.fallback?.sexes ?? allSexes.filter((s) => s === "F" || s === "M" || isPresent(s)),
    rows: mapSexes((s) => grades.map((_, i) => rowOf(s, i))),
    totalHires: years.length === 0 ? 0 : hireTotal / years.length,
    entry:
      hireTotal > 0
        ? grades.map((_, j) => sum(allSexes.map((s) => hires[s][j])) / hireTotal)
        : (options.fallback?.entry ?? grades.map((_, j) => (j === 0 ? 1 : 0))),
    hireMix:
      hireTotal > 0
        ? mapSexes((s) => hiresBySex[s] / hireTotal)
        : (options.fallback?.hireMix ?? mapSexes(() => 0)),
    hiringShare:
      known > 0
        ? { value: hiresBySex.F / known, numerator: hiresBySex.F, denominator: known }
        : { value: null, numerator: 0, denominator: 0, reason: "empty_denominator" },
  };
}

function ratioRow(
  moved: readonly number[],
  exited: number,
  stock: number,
  source: TransitionRow["source"],
): TransitionRow {
  return { to: moved.map((n) => n / stock), exit: exited / stock, source };
}

function validateOverrides(
  grades: readonly Grade[],
  overrides: readonly RowOverride[],
): Map<number, TransitionRow> {
  const rows = new Map<number, TransitionRow>();
  for (const override of overrides) {
    const i = grades.findIndex((g) => g.code === override.grade);
    if (i < 0) throw new AppError("projection.rank_group_unknown", { code: override.grade });
    const total = sum(override.to);
    const isValid =
      override.to.length === grades.length &&
      override.to.every((p) => Number.isFinite(p) && p >= 0 && p <= 1) &&
      total <= 1 + ROW_SUM_TOLERANCE;
    if (!isValid) {
      throw new AppError("request.invalid", { field: "gradeRow", value: override.grade });
    }
    rows.set(i, { to: override.to, exit: Math.max(0, 1 - total), source: "what_if" });
  }
  return rows;
}
