import type { IndicatorId } from "../indicators/registry";
import type { IndicatorAudience, IndicatorCell, IndicatorResult } from "../schemas/indicators";

/**
 * The language-neutral model of a report: tables, charts and notes made of numbers, codes and
 * message keys. Renderers (PDF, XLSX) translate and format it; CSV and SDMX read `datasets`.
 */

/** Text a renderer translates (`key` with ICU `values`) or prints as is (data: a unit's name). */
export type ReportText =
  | { readonly key: string; readonly values?: Readonly<Record<string, string | number>> }
  | { readonly literal: string };

export type ValueFormat = "count" | "share" | "rate" | "ratio" | "index" | "years" | "points";

export type SuppressionMark = "primary" | "complementary" | "derived";

export interface NumberCell {
  readonly kind: "number";
  readonly format: ValueFormat;
  readonly value: number | null;
  /** Set when disclosure control hid the value: printed as "x", never blank. */
  readonly suppression: SuppressionMark | null;
  /** Why an unsuppressed value is null (`web.indicatorReasons.<code>`): printed as "–". */
  readonly reason: string | null;
}

export type ReportCell = { readonly kind: "text"; readonly text: ReportText } | NumberCell;

export interface ReportRow {
  readonly cells: readonly ReportCell[];
  readonly isTotal: boolean;
}

export interface ReportTable {
  /** Title `reports.tables.<id>`; also the XLSX sheet. */
  readonly id: string;
  readonly header: readonly ReportText[];
  readonly rows: readonly ReportRow[];
  /** The disclosure-control summary of the results the table shows (external reports). */
  readonly disclosure: IndicatorResult["disclosure"];
}

/** What a chart draws instead of a value: hidden by disclosure control, or undefined. */
export type ChartMark = "suppressed" | "undefined";

export interface ReportChart {
  /** Title `reports.charts.<id>`. */
  readonly id: string;
  readonly kind: "bar" | "line";
  readonly format: ValueFormat;
  readonly categories: readonly ReportText[];
  readonly series: ReadonlyArray<{
    readonly label: ReportText;
    readonly values: readonly (number | ChartMark)[];
  }>;
}

/** A number cell as a chart value: the number, or the mark of why there is none. */
export function chartValue(cell: NumberCell): number | ChartMark {
  if (cell.value !== null) return cell.value;
  return cell.suppression !== null ? "suppressed" : "undefined";
}

export const reportSectionIds = [
  "summary",
  "representation",
  "trend",
  "leadership",
  "flows",
  "leavers",
  "promotion_time",
  "targets",
  "data_quality",
] as const;
export type ReportSectionId = (typeof reportSectionIds)[number];

export interface ReportSection {
  /** Title `reports.sections.<id>.title`, introduction `reports.sections.<id>.intro`. */
  readonly id: ReportSectionId;
  readonly charts: readonly ReportChart[];
  readonly tables: readonly ReportTable[];
}

/** A result as published, with the name the tidy CSV and SDMX files give its table. */
export interface ReportDataset {
  readonly table: string;
  readonly result: IndicatorResult;
}

export interface AnnualReport {
  readonly year: number;
  readonly at: string;
  readonly from: string;
  readonly to: string;
  readonly audience: IndicatorAudience;
  readonly scope: IndicatorResult["scope"];
  readonly sections: readonly ReportSection[];
  /** Indicators whose definitions the report lists. */
  readonly indicators: readonly IndicatorId[];
  readonly datasets: readonly ReportDataset[];
  /** k of disclosure control for an external report; null for an internal one. */
  readonly disclosureK: number | null;
}

export const text = (key: string, values?: Record<string, string | number>): ReportText =>
  values === undefined ? { key } : { key, values };

export const literal = (value: string): ReportText => ({ literal: value });

/**
 * A number of a result. A null count is always a hidden one (`primary` or `complementary`, as the
 * row says); a null value is withheld (`derived`) when its row carries a disclosure mark or an
 * `sdc.*` reason, and otherwise undefined, with the indicator's reason code.
 */
export function numberCell(
  format: ValueFormat,
  value: number | null | undefined,
  source: { readonly suppression: SuppressionMark | null; readonly reason?: string | undefined },
  options: { readonly isCount?: boolean } = {},
): NumberCell {
  const cell = { kind: "number", format } as const;
  if (value !== null && value !== undefined) {
    return { ...cell, value, suppression: null, reason: null };
  }
  if (options.isCount) {
    const mark = source.suppression === "complementary" ? "complementary" : "primary";
    return { ...cell, value: null, suppression: mark, reason: null };
  }
  const isWithheld = source.suppression !== null || (source.reason?.startsWith("sdc.") ?? false);
  return isWithheld
    ? { ...cell, value: null, suppression: "derived", reason: null }
    : { ...cell, value: null, suppression: null, reason: source.reason ?? "empty_denominator" };
}

export const SEX_COLUMNS = ["F", "M", "X", "U", "N"] as const;

/** The F, M, X, U and N counts of a row, hidden ones marked. */
export function countCells(row: IndicatorCell): NumberCell[] {
  return SEX_COLUMNS.map((sex) => numberCell("count", row.counts[sex], row, { isCount: true }));
}

/** The label of a result row: its categories' names joined, or the total's label. */
export function rowLabel(row: IndicatorCell, isTotal: boolean): ReportText {
  if (isTotal) return text("reports.total");
  const dimensions = Object.keys(row.key);
  if (dimensions.length === 1 && dimensions[0] === "reason") {
    return text(`web.personnelImport.valueMaps.reasons.${row.key.reason ?? "other"}`);
  }
  return literal(dimensions.map((d) => row.labels[d] ?? row.key[d] ?? "").join(" · "));
}

/** The rows of a result followed by its total row. */
export function rowsWithTotal(
  result: IndicatorResult,
): Array<{ row: IndicatorCell; isTotal: boolean }> {
  return [
    ...result.rows.map((row) => ({ row, isTotal: false })),
    { row: result.total, isTotal: true },
  ];
}

/** The header of a table with a label column followed by sex columns. */
export function sexHeader(first: string): ReportText[] {
  return [text(first), ...SEX_COLUMNS.map((sex) => text(`reports.columns.sex_${sex}`))];
}

/** The label cell of a result row. */
export const labelCell = (row: IndicatorCell, isTotal: boolean): ReportCell => ({
  kind: "text",
  text: rowLabel(row, isTotal),
});

/** The value of a result row as a number cell. */
export const valueCell = (format: ValueFormat, row: IndicatorCell): NumberCell =>
  numberCell(format, row.value, row);

/** An indicator's name, as the first cell of a line. */
export const indicatorNameCell = (id: string): ReportCell => ({
  kind: "text",
  text: text(`web.indicators.${id}.name`),
});

/** The first disclosure summary among `results` (they share k). */
export function disclosureOf(...results: IndicatorResult[]): IndicatorResult["disclosure"] {
  return results.find((r) => r.disclosure !== null)?.disclosure ?? null;
}
