import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import ExcelJS from "exceljs";
import { csvLine } from "../../../core/csv/write";
import { generateDemoPersons } from "../../../core/demo/careers";
import { buildDemoUnits, type DemoScale } from "../../../core/demo/country";
import {
  buildDemoHrFiles,
  type CsvFileSpec,
  type SheetCell,
  type XlsxFileSpec,
} from "../../../core/demo/hr-files";
import type { Config } from "../../config";

export interface DemoFilesOptions {
  readonly seed: number;
  readonly scale: DemoScale;
  /** The `endYear` the demo country was loaded with. */
  readonly endYear: number;
}

export interface WrittenDemoFiles {
  readonly dir: string;
  readonly asOf: string;
  /** File names, in the order they were written. */
  readonly files: readonly string[];
}

/** Where the sample files go by default: beside the embedded database; null on a PostgreSQL server. */
export function defaultDemoFilesDir(config: Config): string | null {
  return config.database.kind === "pglite"
    ? path.join(config.database.dataDir, "demo-files")
    : null;
}

async function writeCsv(file: string, spec: CsvFileSpec): Promise<void> {
  function* lines() {
    if (spec.hasBom) yield "\uFEFF";
    for (const row of spec.rows) yield csvLine(row, spec.delimiter, spec.newline);
  }
  await pipeline(Readable.from(lines()), fs.createWriteStream(file, { encoding: "utf8" }));
}

const DATE_FORMAT = "dd/mm/yyyy";

/** A date cell is written as UTC midnight, which a spreadsheet shows as that calendar day. */
function cellValue(cell: SheetCell): ExcelJS.CellValue {
  return cell !== null && typeof cell === "object" ? new Date(Date.parse(cell.date)) : cell;
}

async function writeXlsx(file: string, spec: XlsxFileSpec, asOf: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: true,
  });
  workbook.creator = "Tandem demo";
  workbook.created = workbook.modified = new Date(Date.parse(asOf));
  for (const sheetSpec of spec.sheets) {
    const sheet = workbook.addWorksheet(sheetSpec.name);
    sheet.columns = sheetSpec.columnWidths.map((width) => ({ width }));
    for (const cells of sheetSpec.rows) {
      const row = sheet.addRow(cells.map(cellValue));
      cells.forEach((cell, i) => {
        if (cell !== null && typeof cell === "object") row.getCell(i + 1).numFmt = DATE_FORMAT;
      });
      if (row.number <= spec.headerRow) row.font = { bold: true };
      row.commit();
    }
    sheet.commit();
  }
  await workbook.commit();
}

/**
 * Writes the sample HR files of a demo country into `dir` (created if missing; files of the same
 * names are replaced). Regenerates the demo's people from the seed rather than reading the
 * database, so it needs no connection and takes about a second at the default scale.
 */
export async function writeDemoFiles(
  dir: string,
  options: DemoFilesOptions,
): Promise<WrittenDemoFiles> {
  const units = buildDemoUnits(options.scale, options.seed);
  const built = buildDemoHrFiles(generateDemoPersons(units, options), units, options);
  await fs.promises.mkdir(dir, { recursive: true });
  for (const spec of built.files) {
    const file = path.join(dir, spec.name);
    if (spec.format === "csv") await writeCsv(file, spec);
    else await writeXlsx(file, spec, built.asOf);
  }
  return { dir, asOf: built.asOf, files: built.files.map((f) => f.name) };
}
