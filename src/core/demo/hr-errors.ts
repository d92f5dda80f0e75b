/**
 * The deliberately broken copy of the English snapshot used by the README's tutorial: one error of
 * each common kind, each on a known row, and nothing else changed.
 */
export type BrokenCellProblem =
  | "duplicate_service_number"
  | "unknown_rank"
  | "future_date"
  | "impossible_date"
  | "blank_service_number"
  | "scientific_service_number";

export interface BrokenCell {
  /** The row a spreadsheet shows (title lines and header counted). */
  readonly row: number;
  readonly column: string;
  /** The value written ("" for a blank cell). */
  readonly value: string;
  readonly problem: BrokenCellProblem;
}

/** A CSV cell: text, a number, or blank (null). */
type CsvCell = string | number | null;

const COLUMN = { serviceNumber: 0, rank: 3, hireDate: 6 } as const;
/** An unknown rank: not in the demo's rank scheme. */
export const UNKNOWN_RANK = "Major";
/** What a spreadsheet shows for a long numeric identifier it has turned into a number. */
export const SCIENTIFIC_SERVICE_NUMBER = "1.23E+11";

interface Breakage {
  /** 0-based index among the data rows. */
  readonly dataRow: number;
  readonly column: number;
  readonly problem: BrokenCellProblem;
  readonly value: (rows: readonly (readonly CsvCell[])[], asOfYear: number, own: CsvCell) => string;
}

/** With the header on row 3, data row 0 is row 4: row 8 repeats the service number of row 5. */
const breakages: readonly Breakage[] = [
  {
    dataRow: 4,
    column: COLUMN.serviceNumber,
    problem: "duplicate_service_number",
    value: (rows) => String(rows[1]?.[COLUMN.serviceNumber] ?? ""),
  },
  { dataRow: 11, column: COLUMN.rank, problem: "unknown_rank", value: () => UNKNOWN_RANK },
  {
    dataRow: 17,
    column: COLUMN.hireDate,
    problem: "future_date",
    value: (_, asOfYear) => `14/07/${asOfYear + 5}`,
  },
  {
    dataRow: 23,
    column: COLUMN.hireDate,
    problem: "impossible_date",
    value: (_, __, own) => `31/02/${String(own).slice(-4)}`,
  },
  { dataRow: 30, column: COLUMN.serviceNumber, problem: "blank_service_number", value: () => "" },
  {
    dataRow: 38,
    column: COLUMN.serviceNumber,
    problem: "scientific_service_number",
    value: () => SCIENTIFIC_SERVICE_NUMBER,
  },
];

/** The broken copy of a snapshot (title lines and header kept) and the list of what was broken. */
export function breakSnapshot(
  rows: readonly (readonly CsvCell[])[],
  headerRow: number,
  asOf: string,
): { rows: CsvCell[][]; errors: BrokenCell[] } {
  const header = rows[headerRow - 1] ?? [];
  const data = rows.slice(headerRow);
  const lastNeeded = Math.max(...breakages.map((b) => b.dataRow));
  if (data.length <= lastNeeded)
    throw new Error(`a snapshot of ${data.length} rows is too short to break`);
  const copy = rows.map((row) => [...row]);
  const errors = breakages.map((b) => {
    const value = b.value(data, Number(asOf.slice(0, 4)), data[b.dataRow]?.[b.column] ?? null);
    const row = copy[headerRow + b.dataRow];
    if (row) row[b.column] = value === "" ? null : value;
    return {
      row: headerRow + 1 + b.dataRow,
      column: String(header[b.column] ?? ""),
      value,
      problem: b.problem,
    };
  });
  return { rows: copy, errors };
}
