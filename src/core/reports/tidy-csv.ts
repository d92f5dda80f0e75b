import { spreadsheetCsvLine } from "../csv/spreadsheet-safe";
import type { Observation } from "./observations";

/** Breakdown columns in a fixed order; any other breakdown found follows, alphabetically. */
const BREAKDOWN_ORDER = ["unit", "rank_group", "rank", "role", "age_band", "reason"];

export function breakdownColumns(observations: readonly Observation[]): string[] {
  const found = new Set(observations.flatMap((o) => Object.keys(o.breakdown)));
  const known = BREAKDOWN_ORDER.filter((d) => found.has(d));
  const other = [...found].filter((d) => !BREAKDOWN_ORDER.includes(d)).sort();
  return [...known, ...other];
}

/**
 * The tidy CSV: one line per number (table, indicator, dates, breakdown codes, sex, value,
 * numerator, denominator, suppression, null_reason); the value of a hidden number is empty and
 * its `suppression` says why; an undefined value is empty and `null_reason` says why. Text is formula-neutralised; the caller adds the UTF-8 BOM.
 */
export function tidyCsvLines(observations: readonly Observation[]): string[] {
  const dimensions = breakdownColumns(observations);
  const header = [
    "table",
    "indicator",
    "unit_of_measure",
    "scope",
    "at",
    "from",
    "to",
    ...dimensions,
    "sex",
    "value",
    "numerator",
    "denominator",
    "suppression",
    "null_reason",
  ];
  return [
    spreadsheetCsvLine(header),
    ...observations.map((o) =>
      spreadsheetCsvLine([
        o.table,
        o.indicator,
        o.unitOfMeasure,
        o.scopeCode,
        o.at,
        o.from,
        o.to,
        ...dimensions.map((d) => o.breakdown[d] ?? null),
        o.sex,
        o.value,
        o.numerator,
        o.denominator,
        o.suppression,
        o.reason,
      ]),
    ),
  ];
}
