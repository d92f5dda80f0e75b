import type { Sex } from "../schemas/sex";
import { mapSexes, sum, type BySex, type Grade, type Stock } from "./model";

/**
 * What the model is estimated from (INDICATORS.md §5.1), for one estimation year y: who was in
 * which grade on 1 January of y, and where each of them was on 1 January of y + 1.
 */
export interface EstimationYear {
  readonly year: number;
  /** moves[s][i][j]: in grade i on 1 January of y and in grade j a year later (stayers: i = j). */
  readonly moves: BySex<readonly (readonly number[])[]>;
  /** exits[s][i]: in grade i on 1 January of y, gone a year later. */
  readonly exits: BySex<readonly number[]>;
  /** hires[s][j]: not in post on 1 January of y, in grade j a year later (entry grade j). */
  readonly hires: BySex<readonly number[]>;
}

export interface EstimationInputs {
  /** Rank groups in ordinal order. */
  readonly grades: readonly Grade[];
  /** The estimation years, oldest first (a bootstrap sample may repeat a year). */
  readonly years: readonly EstimationYear[];
  /** The projection's start: the stock on 1 January of the baseline year. */
  readonly baseline: { readonly year: number; readonly stock: Stock };
}

/**
 * One aggregated row of the data layer: `count` persons of `sex` who were in grade `from` on
 * 1 January of `year` and in grade `to` on 1 January of `year + 1`. `from` null is a hire, `to`
 * null an exit. Grades are named by rank-group code.
 */
export interface FlowRow {
  readonly year: number;
  readonly sex: Sex;
  readonly from: string | null;
  readonly to: string | null;
  readonly count: number;
}

/** Persons in post on 1 January of the baseline year, by grade and sex. */
export interface StockRow {
  readonly sex: Sex;
  readonly grade: string;
  readonly count: number;
}

/** The stock of grade i on 1 January of the year: everyone who moved, stayed or left from it. */
export function stockOf(year: EstimationYear, sex: Sex, grade: number): number {
  const moved = year.moves[sex][grade] ?? [];
  return sum(moved) + (year.exits[sex][grade] ?? 0);
}

/**
 * Turns the data layer's rows into the model's inputs for `years` (each year gets its tables, also
 * when no row names it). A row naming an unknown grade is a programming error.
 */
export function tabulateInputs(
  grades: readonly Grade[],
  years: readonly number[],
  baselineYear: number,
  flows: readonly FlowRow[],
  baseline: readonly StockRow[],
): EstimationInputs {
  const index = new Map(grades.map((g, i) => [g.code, i]));
  const indexOf = (code: string): number => {
    const i = index.get(code);
    if (i === undefined) throw new Error(`unknown grade ${code}`);
    return i;
  };
  const zeros = () => new Array<number>(grades.length).fill(0);
  const tables = new Map(
    years.map((year) => [
      year,
      {
        year,
        moves: mapSexes(() => grades.map(zeros)),
        exits: mapSexes(zeros),
        hires: mapSexes(zeros),
      },
    ]),
  );
  for (const row of flows) {
    const table = tables.get(row.year);
    if (!table) throw new Error(`flow of year ${row.year} outside the estimation years`);
    if (row.from === null && row.to === null) throw new Error("a flow needs a grade");
    if (row.from === null) table.hires[row.sex][indexOf(row.to ?? "")] += row.count;
    else if (row.to === null) table.exits[row.sex][indexOf(row.from)] += row.count;
    else table.moves[row.sex][indexOf(row.from)][indexOf(row.to)] += row.count;
  }
  const stock = mapSexes(zeros);
  for (const row of baseline) stock[row.sex][indexOf(row.grade)] += row.count;
  return { grades, years: [...tables.values()], baseline: { year: baselineYear, stock } };
}

/**
 * `count` persons of `sex` who were, in one and the same spell, in grade `grade` on 1 January of
 * every year from `lo` to `hi` (the data layer's way of counting stayers without pairing years).
 */
export interface SpanRow {
  readonly sex: Sex;
  readonly grade: string;
  readonly lo: number;
  readonly hi: number;
  readonly count: number;
}

/**
 * The stayers and the baseline stock that spans stand for: a span stays in its grade from y to
 * y + 1 for lo ≤ y < hi, and is in the baseline stock when hi is the baseline year. Moves, exits
 * and hires between spans are counted by the data layer as flow rows.
 */
export function expandSpans(
  spans: readonly SpanRow[],
  baselineYear: number,
): { flows: FlowRow[]; baseline: StockRow[] } {
  const flows: FlowRow[] = [];
  const baseline: StockRow[] = [];
  for (const span of spans) {
    for (let year = span.lo; year < span.hi; year++) {
      flows.push({ year, sex: span.sex, from: span.grade, to: span.grade, count: span.count });
    }
    if (span.hi === baselineYear) {
      baseline.push({ sex: span.sex, grade: span.grade, count: span.count });
    }
  }
  return { flows, baseline };
}

/** Per estimation year and grade: the stock on 1 January, the hires and the exits, by sex. */
export interface InputSummaryYear {
  readonly year: number;
  readonly byGrade: Array<{
    readonly grade: string;
    readonly stock: BySex<number>;
    readonly hires: BySex<number>;
    readonly exits: BySex<number>;
  }>;
}

export function summariseInputs(inputs: EstimationInputs): InputSummaryYear[] {
  return inputs.years.map((year) => ({
    year: year.year,
    byGrade: inputs.grades.map((grade, i) => ({
      grade: grade.code,
      stock: mapSexes((s) => stockOf(year, s, i)),
      hires: mapSexes((s) => year.hires[s][i] ?? 0),
      exits: mapSexes((s) => year.exits[s][i] ?? 0),
    })),
  }));
}
