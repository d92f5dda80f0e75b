import type { IndicatorId } from "../indicators/registry";
import type { IndicatorCell, IndicatorResult, TrendResult } from "../schemas/indicators";
import {
  chartValue,
  countCells,
  disclosureOf,
  indicatorNameCell,
  labelCell,
  literal,
  numberCell,
  rowLabel,
  rowsWithTotal,
  sexHeader,
  text,
  valueCell,
  type ReportCell,
  type ReportChart,
  type ReportTable,
  type ValueFormat,
} from "./report-model";

/** The tables and charts of each section, from the results of `planAnnualReport`. */

const keyOf = (row: IndicatorCell) => JSON.stringify(Object.entries(row.key).sort());

/**
 * Headline figures: one line per indicator, with its numerator and denominator (a headcount has
 * none: its cells are left empty, which is not a hidden number).
 */
export function keyFiguresTable(results: readonly IndicatorResult[]): ReportTable {
  const formats: Partial<Record<IndicatorId, [ValueFormat, ValueFormat]>> = {
    share_women: ["share", "count"],
    leadership_share: ["share", "count"],
    specialist_share: ["share", "count"],
    glass_ceiling_index: ["index", "share"],
    promotion_rate_ratio: ["ratio", "rate"],
  };
  const none: ReportCell = { kind: "text", text: literal("") };
  return {
    id: "key_figures",
    header: ["indicator", "value", "numerator", "denominator"].map((c) =>
      text(`reports.columns.${c}`),
    ),
    rows: results.map((result) => {
      const id = result.indicator as IndicatorId;
      const total = result.total;
      const parts = formats[id];
      if (parts === undefined) {
        return {
          cells: [
            indicatorNameCell(id),
            numberCell("count", total.value, total, { isCount: true }),
            none,
            none,
          ],
          isTotal: false,
        };
      }
      const [valueFormat, partFormat] = parts;
      const isCount = partFormat === "count";
      return {
        cells: [
          indicatorNameCell(id),
          numberCell(valueFormat, total.value, total),
          numberCell(partFormat, total.numerator, total, { isCount }),
          numberCell(partFormat, total.denominator, total, { isCount }),
        ],
        isTotal: false,
      };
    }),
    disclosure: disclosureOf(...results),
  };
}

/** Headcount by a breakdown × sex, with the share of women of each row beside it. */
export function headcountTable(
  id: string,
  first: string,
  headcount: IndicatorResult,
  share: IndicatorResult,
): ReportTable {
  const shares = new Map(
    rowsWithTotal(share).map(({ row, isTotal }) => [isTotal ? "" : keyOf(row), row]),
  );
  return {
    id,
    header: [...sexHeader(first), text("reports.columns.share_women")],
    rows: rowsWithTotal(headcount).map(({ row, isTotal }) => {
      const shareRow = shares.get(isTotal ? "" : keyOf(row));
      return {
        cells: [
          labelCell(row, isTotal),
          ...countCells(row),
          shareRow
            ? valueCell("share", shareRow)
            : numberCell("share", null, { suppression: null }),
        ],
        isTotal,
      };
    }),
    disclosure: disclosureOf(headcount, share),
  };
}

/** Share of women by rank (the leaky pipeline): women, known sex, share, unknown sex. */
export function pipelineTable(share: IndicatorResult): ReportTable {
  return {
    id: "pipeline",
    header: ["rank", "women", "known_sex", "share_women", "sex_U"].map((c) =>
      text(`reports.columns.${c}`),
    ),
    rows: rowsWithTotal(share).map(({ row, isTotal }) => ({
      cells: [
        labelCell(row, isTotal),
        numberCell("count", row.counts.F, row, { isCount: true }),
        numberCell("count", row.denominator, row, { isCount: true }),
        valueCell("share", row),
        numberCell("count", row.counts.U, row, { isCount: true }),
      ],
      isTotal,
    })),
    disclosure: share.disclosure,
  };
}

export function pipelineChart(share: IndicatorResult): ReportChart {
  return {
    id: "pipeline",
    kind: "bar",
    format: "share",
    categories: share.rows.map((row) => rowLabel(row, false)),
    series: [
      {
        label: text("reports.series.share_women"),
        values: share.rows.map((row) => chartValue(valueCell("share", row))),
      },
    ],
  };
}

const yearOf = (result: IndicatorResult) => (result.at ?? result.to ?? "").slice(0, 4);

/** Share of women over the years: the whole scope and each row of the breakdown (rank groups). */
export function trendChart(share: TrendResult): ReportChart {
  const rowKeys = new Map<string, IndicatorCell>();
  for (const point of share.points) for (const row of point.rows) rowKeys.set(keyOf(row), row);
  const valueAt = (point: IndicatorResult, key: string) => {
    const row = point.rows.find((r) => keyOf(r) === key);
    return chartValue(
      row ? valueCell("share", row) : numberCell("share", null, { suppression: null }),
    );
  };
  return {
    id: "trend",
    kind: "line",
    format: "share",
    categories: share.points.map((p) => ({ literal: yearOf(p) })),
    series: [
      {
        label: text("reports.series.all_ranks"),
        values: share.points.map((p) => chartValue(valueCell("share", p.total))),
      },
      ...[...rowKeys].map(([key, row]) => ({
        label: rowLabel(row, false),
        values: share.points.map((p) => valueAt(p, key)),
      })),
    ],
  };
}

/** Headcount by sex and the share of women, year by year. */
export function trendTable(headcount: TrendResult, share: TrendResult): ReportTable {
  return {
    id: "trend",
    header: [...sexHeader("reports.columns.year"), text("reports.columns.share_women")],
    rows: headcount.points.map((point, i) => {
      const sharePoint = share.points[i];
      return {
        cells: [
          { kind: "text", text: { literal: yearOf(point) } },
          ...countCells(point.total),
          sharePoint
            ? valueCell("share", sharePoint.total)
            : numberCell("share", null, { suppression: null }),
        ],
        isTotal: false,
      };
    }),
    disclosure: disclosureOf(...headcount.points, ...share.points),
  };
}

/** Women in leadership posts and in specialised units: counts by sex and the share of women. */
export function populationsTable(results: readonly IndicatorResult[]): ReportTable {
  return {
    id: "leadership",
    header: [...sexHeader("reports.columns.indicator"), text("reports.columns.share_women")],
    rows: results.map((result) => ({
      cells: [
        indicatorNameCell(result.indicator),
        ...countCells(result.total),
        valueCell("share", result.total),
      ],
      isTotal: false,
    })),
    disclosure: disclosureOf(...results),
  };
}
