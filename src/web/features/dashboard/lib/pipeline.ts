import type { IndicatorCell, IndicatorResult } from "../../../../core/schemas/indicators";
import { chartValueOf, countFigureOf, figureOf } from "../../../components/figures/figure";
import { tableCellOf } from "./table-cell";
import type { TableModel, TableRow } from "../../../components/figures/table-model";

const sexColumns = ["F", "M", "X", "U", "N"] as const;

/**
 * The rows of a result broken down by one key, in the order of `order` (codes, e.g. ranks by
 * seniority, most junior first); rows not listed follow in the order they came.
 */
export function orderedRows(
  result: IndicatorResult,
  dimension: string,
  order: readonly string[],
): IndicatorCell[] {
  const rankOf = (row: IndicatorCell) => {
    const index = order.indexOf(row.key[dimension] ?? "");
    return index === -1 ? order.length : index;
  };
  return result.rows
    .map((row, arrival) => ({ row, arrival }))
    .sort((a, b) => rankOf(a.row) - rankOf(b.row) || a.arrival - b.arrival)
    .map(({ row }) => row);
}

export interface PipelineBar {
  readonly code: string;
  readonly label: string;
  /** The share of women, null when withheld or undefined (the table says why). */
  readonly share: number | null;
  /** Its denominator (women + men + another sex), for the tooltip. */
  readonly "n:share": number | null;
}

/** The leaky pipeline: the share of women at each rank, most junior first. */
export function buildPipelineBars(
  result: IndicatorResult,
  dimension: string,
  order: readonly string[],
): PipelineBar[] {
  return orderedRows(result, dimension, order).map((row) => {
    const code = row.key[dimension] ?? "";
    const share = chartValueOf(figureOf(row));
    return {
      code,
      label: row.labels[dimension] ?? code,
      share,
      "n:share": share === null ? null : row.denominator,
    };
  });
}

interface CountsTableLabels {
  readonly rowHeader: string;
  /** Column headers of F, M, X, U and N. */
  readonly counts: Readonly<Record<(typeof sexColumns)[number], string>>;
  readonly value: string;
  readonly total: string;
  readonly definitionKey: string;
  readonly countDefinitionKey: string;
}

const rowOf = (row: IndicatorCell, id: string, header: string): TableRow => ({
  id,
  header,
  cells: [
    ...sexColumns.map((sex) => ({ figure: countFigureOf(row.counts[sex], row.suppression) })),
    tableCellOf(row),
  ],
});

/** Counts by sex (unknown and the total included) and the share of each row, with the total line. */
export function countsTable(
  result: IndicatorResult,
  dimension: string,
  order: readonly string[],
  labels: CountsTableLabels,
): TableModel {
  return {
    rowHeader: labels.rowHeader,
    columns: [
      ...sexColumns.map((sex) => ({
        id: sex,
        label: labels.counts[sex],
        kind: "count" as const,
        definitionKey: labels.countDefinitionKey,
      })),
      { id: "value", label: labels.value, kind: "percent", definitionKey: labels.definitionKey },
    ],
    rows: orderedRows(result, dimension, order).map((row) => {
      const code = row.key[dimension] ?? "";
      return rowOf(row, code, row.labels[dimension] ?? code);
    }),
    total: rowOf(result.total, "total", labels.total),
  };
}
