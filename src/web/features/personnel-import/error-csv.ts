import type { RowError } from "../../../core/import/row-error";
import { spreadsheetCsvLine } from "../../../core/csv/spreadsheet-safe";

/**
 * The row errors of a refused import as a CSV file for a spreadsheet: row, column, value, code and
 * the message in the user's language. Text cells are neutralised against formula injection (the
 * values come from the uploaded file), and a byte order mark makes spreadsheets read it as UTF-8.
 */
export function errorReportCsv(
  errors: readonly RowError[],
  message: (error: RowError) => string,
): string {
  const header = spreadsheetCsvLine(["row", "column", "value", "code", "message"]);
  const lines = errors.map((error) =>
    spreadsheetCsvLine([error.row, error.column, error.value, error.code, message(error)]),
  );
  return `\uFEFF${header}${lines.join("")}`;
}
