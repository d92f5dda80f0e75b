import type { IndicatorCell, TrendResult } from "../../../../core/schemas/indicators";
import { denominatorKeyOf } from "./chart-keys";
import { chartValueOf, figureOf } from "../../../components/figures/figure";
import { emptyCell, tableCellOf } from "./table-cell";
import type { TableModel } from "../../../components/figures/table-model";

/** The key of the line for the whole unit (rank groups use their codes). */
export const ALL_SERIES = "__all";

export interface TrendSeries {
  readonly key: string;
  readonly label: string;
}

export interface TrendChart {
  readonly series: readonly TrendSeries[];
  /**
   * One point per year, oldest first: `{ period, [series key]: share or null, [n:series key]:
   * its denominator }`.
   */
  readonly data: readonly Record<string, string | number | null>[];
}

interface TrendLine {
  readonly key: string;
  readonly label: string;
  /** The series' cell at each point (null where the point has no such row). */
  readonly cells: readonly (IndicatorCell | null)[];
}

/** The period a point stands for: the year of its date (stocks) or of its period's end (flows). */
export function periodOf(point: TrendResult["points"][number]): string {
  return (point.at ?? point.to ?? point.from ?? "").slice(0, 4);
}

/**
 * The lines of a trend broken down by one key (e.g. `rank_group`): the total first, then one line
 * per category in `order` (codes; categories not listed follow as they come).
 */
function trendLines(
  trend: TrendResult,
  dimension: string,
  allLabel: string,
  order: readonly string[],
): TrendLine[] {
  const points = [...trend.points].sort((a, b) => periodOf(a).localeCompare(periodOf(b)));
  const names = new Map<string, string>();
  for (const point of points) {
    for (const row of point.rows) {
      const code = row.key[dimension];
      if (code !== undefined && !names.has(code)) names.set(code, row.labels[dimension] ?? code);
    }
  }
  const rankOf = (code: string) => {
    const index = order.indexOf(code);
    return index === -1 ? order.length : index;
  };
  const codes = [...names.keys()]
    .map((code, arrival) => ({ code, arrival }))
    .sort((a, b) => rankOf(a.code) - rankOf(b.code) || a.arrival - b.arrival)
    .map(({ code }) => code);
  return [
    { key: ALL_SERIES, label: allLabel, cells: points.map((point) => point.total) },
    ...codes.map((code) => ({
      key: code,
      label: names.get(code) ?? code,
      cells: points.map((point) => point.rows.find((row) => row.key[dimension] === code) ?? null),
    })),
  ];
}

interface TrendOptions {
  readonly dimension: string;
  /** The name of the whole unit's line ("All ranks"). */
  readonly allLabel: string;
  readonly order?: readonly string[];
}

const sortedPeriods = (trend: TrendResult) => trend.points.map(periodOf).sort();

/** Chart data for a trend: a line per category and one for the total; gaps where there is no value. */
export function buildTrendChart(trend: TrendResult, options: TrendOptions): TrendChart {
  const lines = trendLines(trend, options.dimension, options.allLabel, options.order ?? []);
  const periods = sortedPeriods(trend);
  return {
    series: lines.map(({ key, label }) => ({ key, label })),
    data: periods.map((period, i) => ({
      period,
      ...Object.fromEntries(
        lines.flatMap((line) => {
          const cell = line.cells[i];
          const value = cell ? chartValueOf(figureOf(cell)) : null;
          return [
            [line.key, value],
            [denominatorKeyOf(line.key), value === null ? null : (cell?.denominator ?? null)],
          ];
        }),
      ),
    })),
  };
}

/** The trend as a table: one row per year, a column per line. */
export function trendTable(
  trend: TrendResult,
  options: TrendOptions & { readonly rowHeader: string; readonly definitionKey: string },
): TableModel {
  const lines = trendLines(trend, options.dimension, options.allLabel, options.order ?? []);
  return {
    rowHeader: options.rowHeader,
    columns: lines.map((line) => ({
      id: line.key,
      label: line.label,
      kind: "percent",
      definitionKey: options.definitionKey,
    })),
    rows: sortedPeriods(trend).map((period, i) => ({
      id: period,
      header: period,
      cells: lines.map((line) => {
        const cell = line.cells[i];
        return cell ? tableCellOf(cell) : emptyCell;
      }),
    })),
  };
}
