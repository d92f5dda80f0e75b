import { createHash } from "node:crypto";
import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import { detectDateFormat } from "../../../core/import/dates";
import { detectHeaderRow } from "../../../core/import/header-row";
import { matchHeader } from "../../../core/import/personnel-headers";
import { cellText, type SourceRow } from "../../../core/import/table";
import type { PersonnelField, PersonnelMapping } from "../../../core/schemas/personnel-import";
import type { OpenedTable } from "../../import/open-table";

/** Reading a personnel file's start: its digest, header row, column names and date order. */

const HEADER_SCAN_ROWS = 30;
const DATE_SAMPLE_ROWS = 2000;
/** The mapped fields that hold dates, whose order (d/m or m/d) is detected together. */
export const DATE_FIELDS: readonly PersonnelField[] = ["birth_date", "hire_date", "effective_date"];

export async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest("hex");
}

async function firstRows(table: OpenedTable, count: number): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const row of table.rows()) {
    rows.push(row);
    if (rows.length >= count) break;
  }
  return rows;
}

/** The header row (chosen or detected) and the column names it holds. */
export async function readHeader(
  table: OpenedTable,
  chosen: number | null,
): Promise<{ headerRow: number; headers: string[]; sample: SourceRow[] }> {
  const sample = await firstRows(table, HEADER_SCAN_ROWS + DATE_SAMPLE_ROWS);
  const scan = sample.slice(0, HEADER_SCAN_ROWS);
  const headerRow = chosen ?? detectHeaderRow(scan, (text) => matchHeader(text) !== undefined);
  const header = sample.find((r) => r.row === headerRow);
  const headers = (header?.cells ?? []).map((c) => cellText(c).trim());
  while (headers.length && headers.at(-1) === "") headers.pop();
  return { headerRow, headers, sample: sample.filter((r) => r.row > headerRow) };
}

/** The date order of the mapped date columns, from a sample of the rows under the header. */
export function detectDates(
  mapping: PersonnelMapping,
  headers: readonly string[],
  rows: readonly SourceRow[],
) {
  const samples: string[] = [];
  for (const field of DATE_FIELDS) {
    const column = mapping.columns[field];
    const index = column === undefined ? -1 : headers.indexOf(column);
    if (index < 0) continue;
    for (const row of rows) {
      const cell = row.cells[index];
      if (typeof cell === "string" && cell.trim()) samples.push(cell.trim());
    }
  }
  return detectDateFormat(samples);
}

export function openOptions(mapping: Pick<PersonnelMapping, "encoding" | "delimiter" | "sheet">) {
  return { encoding: mapping.encoding, delimiter: mapping.delimiter, sheet: mapping.sheet };
}
