import type { IndicatorCell, IndicatorResult } from "../schemas/indicators";
import {
  chartValue,
  countCells,
  disclosureOf,
  indicatorNameCell,
  labelCell,
  numberCell,
  rowsWithTotal,
  sexHeader,
  text,
  valueCell,
  type ReportChart,
  type ReportRow,
  type ReportTable,
} from "./report-model";

/** The flow sections of the annual report: hires, promotions, exits, leavers, time to promotion. */

const FLOW_SEXES = ["F", "M", "X", "U"] as const;

/** Hire, promotion and separation rates: events, average headcount and rate per sex and in all. */
export function flowTable(results: readonly IndicatorResult[]): ReportTable {
  const rows: ReportRow[] = [];
  for (const result of results) {
    const total = result.total;
    for (const sex of [...FLOW_SEXES, "all"] as const) {
      const part = sex === "all" ? total : total.bySex?.[sex];
      const source = part ?? { suppression: null, reason: "empty_denominator" };
      rows.push({
        cells: [
          indicatorNameCell(result.indicator),
          { kind: "text", text: text(`reports.columns.sex_${sex === "all" ? "N" : sex}`) },
          numberCell("count", part?.numerator, source, { isCount: part !== undefined }),
          numberCell("count", part?.denominator, source, { isCount: part !== undefined }),
          numberCell("rate", part?.value, source),
        ],
        isTotal: sex === "all",
      });
    }
  }
  return {
    id: "flows",
    header: ["indicator", "sex", "events", "average_headcount", "rate"].map((c) =>
      text(`reports.columns.${c}`),
    ),
    rows,
    disclosure: disclosureOf(...results),
  };
}

export function flowChart(results: readonly IndicatorResult[]): ReportChart {
  const bySex = (sex: "F" | "M") =>
    results.map((r) => {
      const part = r.total.bySex?.[sex];
      return chartValue(numberCell("rate", part?.value, part ?? { suppression: null }));
    });
  return {
    id: "flows",
    kind: "bar",
    format: "rate",
    categories: results.map((r) => text(`web.indicators.${r.indicator}.name`)),
    series: [
      { label: text("reports.columns.sex_F"), values: bySex("F") },
      { label: text("reports.columns.sex_M"), values: bySex("M") },
    ],
  };
}

/**
 * Leavers by reason and sex, with each reason's separation rate (the row's `separationRate`
 * detail) and, on the total line, the overall separation rate of the same period.
 */
export function leaversTable(leavers: IndicatorResult, separation: IndicatorResult): ReportTable {
  const rateOf = (row: IndicatorCell, isTotal: boolean) => {
    if (isTotal) return valueCell("rate", separation.total);
    const rate = row.details?.separationRate;
    return numberCell("rate", typeof rate === "number" ? rate : null, {
      suppression: row.value === null ? "derived" : null,
      reason: "empty_denominator",
    });
  };
  return {
    id: "leavers",
    header: [...sexHeader("reports.columns.reason"), text("reports.columns.rate")],
    rows: rowsWithTotal(leavers).map(({ row, isTotal }) => ({
      cells: [labelCell(row, isTotal), ...countCells(row), rateOf(row, isTotal)],
      isTotal,
    })),
    disclosure: disclosureOf(leavers, separation),
  };
}

/** Kaplan–Meier median years in rank before promotion, by rank group and sex, with the stints. */
export function promotionTimeTable(time: IndicatorResult): ReportTable {
  const median = (row: IndicatorCell, sex: "F" | "M") => {
    const part = row.bySex?.[sex];
    return numberCell(
      "years",
      part?.value,
      part ?? { suppression: null, reason: "empty_denominator" },
    );
  };
  return {
    id: "promotion_time",
    header: ["rank_group", "median_F", "median_M", "stints_F", "stints_M"].map((c) =>
      text(`reports.columns.${c}`),
    ),
    rows: rowsWithTotal(time).map(({ row, isTotal }) => ({
      cells: [
        labelCell(row, isTotal),
        median(row, "F"),
        median(row, "M"),
        numberCell("count", row.counts.F, row, { isCount: true }),
        numberCell("count", row.counts.M, row, { isCount: true }),
      ],
      isTotal,
    })),
    disclosure: time.disclosure,
  };
}
