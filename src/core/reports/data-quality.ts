import { createCountList } from "../sdc/count-table";
import { suppress, type ProtectedCell } from "../sdc/suppress";
import type { IndicatorResult } from "../schemas/indicators";
import {
  numberCell,
  text,
  type NumberCell,
  type ReportCell,
  type ReportRow,
  type ReportTable,
} from "./report-model";

/** An event recorded more than this many days after it took effect is "recorded late". */
export const LATE_RECORD_DAYS = 90;

/** The counts of the data-quality section, for the report's scope (docs/reports.md). */
export interface DataQualityCounts {
  /** Persons in post on the as-of date… */
  readonly inPost: number;
  /** …of whom without a birth year. */
  readonly noBirthYear: number;
  /** Career events that took effect in the period (retracted ones left out)… */
  readonly eventsInPeriod: number;
  /** …of which recorded more than `LATE_RECORD_DAYS` days after their effective date. */
  readonly lateEvents: number;
}

const hidden = (cell: ProtectedCell): NumberCell =>
  cell.suppression === null
    ? numberCell("count", cell.value, { suppression: null })
    : numberCell("count", null, { suppression: cell.suppression }, { isCount: true });

/**
 * One line "flagged of total": for an external report the pair is a table [flagged, rest | total]
 * protected by `suppress` (the rest is never shown, but counted as published, which is the safe
 * side), and the share is withheld when either count is hidden (INDICATORS.md §8.3).
 */
function qualityLine(
  label: ReportCell,
  flagged: number,
  total: number,
  k: number | null,
): ReportRow {
  const share = (f: number | null, t: number | null) =>
    f === null || t === null
      ? numberCell("share", null, { suppression: "derived" })
      : numberCell("share", t === 0 ? null : f / t, {
          suppression: null,
          reason: "empty_denominator",
        });
  if (k === null) {
    const counts = [flagged, total].map((v) => numberCell("count", v, { suppression: null }));
    return { cells: [label, ...counts, share(flagged, total)], isTotal: false };
  }
  const table = suppress(
    createCountList({ columns: ["flagged", "rest"], counts: [flagged, total - flagged] }),
    { k },
  );
  const flaggedCell = table.totalRow.cells[0] ?? table.totalRow.total;
  const totalCell = table.totalRow.total;
  return {
    cells: [
      label,
      hidden(flaggedCell),
      hidden(totalCell),
      share(flaggedCell.value, totalCell.value),
    ],
    isTotal: false,
  };
}

/**
 * The data-quality table: unknown sex (read from the headcount result, already protected, so the
 * same counts are never published twice with different patterns), persons without a birth year,
 * and events recorded late.
 */
export function buildDataQualityTable(
  headcount: IndicatorResult,
  counts: DataQualityCounts,
  k: number | null,
): ReportTable {
  const { U, N } = headcount.total.counts;
  const unknown: ReportRow = {
    cells: [
      { kind: "text", text: text("reports.dataQuality.unknown_sex") },
      numberCell("count", U, headcount.total, { isCount: true }),
      numberCell("count", N, headcount.total, { isCount: true }),
      U === null || N === null
        ? numberCell("share", null, { suppression: "derived" })
        : numberCell("share", N === 0 ? null : U / N, {
            suppression: null,
            reason: "empty_denominator",
          }),
    ],
    isTotal: false,
  };
  return {
    id: "data_quality",
    header: ["check", "count", "out_of", "share"].map((c) => text(`reports.columns.${c}`)),
    rows: [
      unknown,
      qualityLine(
        { kind: "text", text: text("reports.dataQuality.no_birth_year") },
        counts.noBirthYear,
        counts.inPost,
        k,
      ),
      qualityLine(
        { kind: "text", text: text("reports.dataQuality.late_events", { days: LATE_RECORD_DAYS }) },
        counts.lateEvents,
        counts.eventsInPeriod,
        k,
      ),
    ],
    disclosure: null,
  };
}
