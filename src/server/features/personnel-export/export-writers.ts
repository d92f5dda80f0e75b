import { once } from "node:events";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { neutraliseFormula, spreadsheetCsvLine } from "../../../core/csv/spreadsheet-safe";
import type { ExportCell, ExportColumn } from "../../../core/workforce/register-export";

/** The UTF-8 byte order mark: without it Excel reads a CSV as the local code page and garbles Khmer. */
export const UTF8_BOM = "\uFEFF";

const ROWS_BETWEEN_DRAIN_CHECKS = 500;

/** The CSV file, piece by piece: BOM and header first, then one spreadsheet-safe line per row. */
export async function* csvChunks(
  columns: readonly ExportColumn[],
  rows: AsyncIterable<readonly ExportCell[]>,
): AsyncGenerator<string> {
  yield UTF8_BOM + spreadsheetCsvLine(columns.map((c) => c.name));
  let chunk = "";
  let count = 0;
  for await (const row of rows) {
    chunk += spreadsheetCsvLine(row);
    if (++count % ROWS_BETWEEN_DRAIN_CHECKS === 0) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk !== "") yield chunk;
}

/** An XLSX cell: text is formula-neutralised as in CSV, dates become real dates (UTC midnight). */
function xlsxCell(column: ExportColumn | undefined, value: ExportCell): ExcelJS.CellValue {
  if (value === null) return null;
  if (column?.kind === "date" && typeof value === "string") return new Date(`${value}T00:00:00Z`);
  return typeof value === "string" ? neutraliseFormula(value) : value;
}

/** Resolves once the stream wants more data, or has been closed (a client that went away). */
async function waitForDrain(stream: Writable): Promise<void> {
  if (!stream.writableNeedDrain || stream.destroyed) return;
  const ac = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: ac.signal }),
    once(stream, "close", { signal: ac.signal }),
  ]).finally(() => ac.abort());
}

/**
 * Writes one worksheet as a streamed XLSX (no shared-strings table, rows committed as they come),
 * pausing while `output` is backed up, so memory stays flat however many rows there are.
 * Throws when `output` is closed before the end.
 */
export async function writeXlsx(
  output: Writable,
  sheetName: string,
  columns: readonly ExportColumn[],
  rows: AsyncIterable<readonly ExportCell[]>,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.name,
    key: c.name,
    width: Math.max(12, c.name.length + 2),
    ...(c.kind === "date" ? { style: { numFmt: "yyyy-mm-dd" } } : {}),
  }));
  let count = 0;
  for await (const row of rows) {
    if (output.destroyed) throw new Error("export output closed");
    sheet.addRow(row.map((value, i) => xlsxCell(columns[i], value))).commit();
    if (++count % ROWS_BETWEEN_DRAIN_CHECKS === 0) await waitForDrain(output);
  }
  sheet.commit();
  await workbook.commit();
}
