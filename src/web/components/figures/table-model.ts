import { spreadsheetCsvLine } from "../../../core/csv/spreadsheet-safe";
import { toTenthsOfPercent } from "../../lib/format";
import type { Figure } from "./figure";

/**
 * The table beside a chart, as plain data: the on-screen table and its CSV download are both made
 * from it, so they always show the same numbers.
 */

/**
 * How a column's numbers are written: shares and rates as percentages, ratios with 2 decimals,
 * `points` as percentage points with one decimal; `text` holds words.
 */
export type ColumnKind = "count" | "percent" | "points" | "ratio" | "years" | "text";

export interface TableColumn {
  readonly id: string;
  readonly label: string;
  readonly kind: ColumnKind;
  /** `web.indicators.<id>`: the definition shown on hover or focus of each figure. */
  readonly definitionKey?: string;
}

export interface TableCell {
  readonly figure: Figure;
  /** The counts the value is made of, when it is a ratio of counts (exact rounding, "n = …"). */
  readonly numerator?: number | null;
  readonly denominator?: number | null;
}

export interface TableRow {
  /** Stable key (a code). */
  readonly id: string;
  readonly header: string;
  readonly cells: readonly TableCell[];
  /** A unit the row can be drilled into. */
  readonly unitId?: number;
}

export interface TableModel {
  /** The header of the row-header column ("Rank", "Year", …). */
  readonly rowHeader: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
  /** A total line under the rows. */
  readonly total?: TableRow;
}

const isCount = (value: number | null | undefined): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 0;

/**
 * Tenths of a percent of a percentage cell: exact from its counts when the value is their ratio
 * (so 12.35% rounds up, as `formatShare` does), else the value rounded.
 */
export function tenthsOfPercent(cell: TableCell, value: number): number {
  const { numerator, denominator } = cell;
  if (isCount(numerator) && isCount(denominator) && denominator > 0) {
    if (Math.abs(numerator / denominator - value) < 1e-12) {
      return toTenthsOfPercent(numerator, denominator);
    }
  }
  return Math.round(value * 1000);
}

type CsvValue = string | number | null;

/** One cell as the CSV writes it: the number as shown (percent, 2 decimals), "x", or the reason. */
export function csvValueOf(
  cell: TableCell,
  kind: ColumnKind,
  describe: (messageKey: string) => string,
): CsvValue {
  const { figure } = cell;
  if (figure.kind === "suppressed") return "x";
  if (figure.kind === "missing") return describe(figure.messageKey);
  if (figure.kind === "text") return figure.text;
  switch (kind) {
    case "count":
    case "text":
      return figure.value;
    case "percent":
      return tenthsOfPercent(cell, figure.value) / 10;
    case "ratio":
      return Math.round(figure.value * 100) / 100;
    case "points":
    case "years":
      return Math.round(figure.value * 10) / 10;
  }
}

/** The column header as written in the CSV: percentages say so. */
const csvHeaderOf = (column: TableColumn, percentSuffix: string) =>
  column.kind === "percent" ? `${column.label} ${percentSuffix}` : column.label;

/**
 * The table as CSV text (RFC 4180, formula-neutralised text cells), beginning with a byte-order
 * mark so that spreadsheets read Khmer, Thai and Cyrillic names as UTF-8.
 */
export function tableToCsv(
  model: TableModel,
  describe: (messageKey: string) => string,
  percentSuffix = "(%)",
): string {
  const lines = [
    spreadsheetCsvLine([
      model.rowHeader,
      ...model.columns.map((c) => csvHeaderOf(c, percentSuffix)),
    ]),
  ];
  const rows = model.total ? [...model.rows, model.total] : model.rows;
  for (const row of rows) {
    lines.push(
      spreadsheetCsvLine([
        row.header,
        ...model.columns.map((column, i) => {
          const cell = row.cells[i];
          return cell ? csvValueOf(cell, column.kind, describe) : null;
        }),
      ]),
    );
  }
  return `\uFEFF${lines.join("")}`;
}
