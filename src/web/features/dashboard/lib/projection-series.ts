import type { Projection } from "../../../../core/schemas/projections";
import { denominatorKeyOf } from "./chart-keys";
import type { Figure } from "../../../components/figures/figure";
import type { TableModel } from "../../../components/figures/table-model";

/** Chart keys: the share of the population the target is about, its band, and the whole unit. */
export const FOCUS = "focus";
export const BAND = "band";
export const OVERALL = "overall";

type Cell = Projection["series"][number]["total"];

/** The projected cell of the target's rank group (`grade` code), or of the whole unit. */
function focusCell(year: Projection["series"][number], grade: string | null): Cell | null {
  if (grade === null) return year.total;
  return year.byGrade.find((cell) => cell.grade === grade) ?? null;
}

/** Known-sex projected headcount of a cell (the share's denominator), rounded to a person. */
const knownOf = (cell: Cell) => Math.round(cell.counts.F + cell.counts.M + cell.counts.X);

/**
 * One point per projected year: the focus population's share and its bootstrap band (`[low, high]`
 * for a range area), and the whole unit's share when the focus is a rank group.
 */
export function buildProjectionChart(
  projection: Projection,
  grade: string | null,
): Record<string, string | number | null | readonly [number, number]>[] {
  return projection.series.map((year) => {
    const cell = focusCell(year, grade);
    return {
      year: String(year.year),
      [FOCUS]: cell?.share ?? null,
      [denominatorKeyOf(FOCUS)]: cell && cell.share !== null ? knownOf(cell) : null,
      [BAND]: cell?.band ? ([cell.band.low, cell.band.high] as const) : null,
      ...(grade === null ? {} : { [OVERALL]: year.total.share }),
    };
  });
}

interface ProjectionTableLabels {
  readonly rowHeader: string;
  readonly share: string;
  readonly low: string;
  readonly high: string;
  readonly headcount: string;
  readonly women: string;
}

const shareFigure = (share: number | null): Figure =>
  share === null
    ? { kind: "missing", messageKey: "web.indicatorReasons.empty_denominator" }
    : { kind: "value", value: share };

const bandFigure = (value: number | undefined): Figure =>
  value === undefined
    ? { kind: "missing", messageKey: "web.dashboard.projection.noBand" }
    : { kind: "value", value };

/** The projected years as a table: share, its band, headcount and women (expected, rounded). */
export function projectionTable(
  projection: Projection,
  grade: string | null,
  labels: ProjectionTableLabels,
): TableModel {
  return {
    rowHeader: labels.rowHeader,
    columns: [
      { id: "share", label: labels.share, kind: "percent" },
      { id: "low", label: labels.low, kind: "percent" },
      { id: "high", label: labels.high, kind: "percent" },
      { id: "headcount", label: labels.headcount, kind: "count" },
      { id: "women", label: labels.women, kind: "count" },
    ],
    rows: projection.series.map((year) => {
      const cell = focusCell(year, grade);
      return {
        id: String(year.year),
        header: String(year.year),
        cells: [
          { figure: shareFigure(cell?.share ?? null), denominator: cell ? knownOf(cell) : null },
          { figure: bandFigure(cell?.band?.low) },
          { figure: bandFigure(cell?.band?.high) },
          { figure: { kind: "value", value: Math.round(cell?.counts.N ?? 0) } },
          { figure: { kind: "value", value: Math.round(cell?.counts.F ?? 0) } },
        ],
      };
    }),
  };
}

/**
 * The top of the projection chart's axis: room for the highest share, band and the target line, in
 * steps of 5 percentage points (at least 10%, at most 100%).
 */
export function projectionAxisTop(
  data: readonly Record<string, unknown>[],
  target: number | null,
): number {
  let top = target ?? 0;
  for (const point of data) {
    for (const value of [point[FOCUS], point[OVERALL]]) {
      if (typeof value === "number") top = Math.max(top, value);
    }
    const band = point[BAND];
    if (Array.isArray(band) && typeof band[1] === "number") top = Math.max(top, band[1]);
  }
  return Math.min(1, Math.max(0.1, Math.ceil(top * 1.05 * 20 - 1e-9) / 20));
}

/** Ticks of the projection axis up to `top`: every 5 points up to 20%, else every 10 (and the top). */
export function projectionAxisTicks(top: number): number[] {
  const step = top <= 0.2 ? 0.05 : 0.1;
  const ticks: number[] = [];
  for (let i = 0; i * step < top - 1e-9; i++) ticks.push(Math.round(i * step * 100) / 100);
  ticks.push(top);
  return ticks;
}
