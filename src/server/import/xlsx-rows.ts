/**
 * Streaming XLSX reader of the import engine: one sheet of a workbook → physical rows of typed
 * cells, with the archive checked first (zip bombs are refused before anything is inflated) and
 * every inflated byte counted.
 */
import ExcelJS, { type CellValue } from "exceljs";
import type { Entry } from "yauzl";
import { AppError } from "../../core/errors";
import { DEFAULT_MAX_CELL_BYTES, DEFAULT_MAX_ROWS } from "../../core/import/csv-rows";
import type { SourceCell, SourceRow } from "../../core/import/table";
import {
  defaultXlsxLimits,
  openXlsxArchive,
  tooLarge,
  type XlsxArchive,
  type XlsxLimits,
} from "./xlsx-archive";
import { relationshipsPart } from "./xlsx-parts";
import { repackStored, type RepackPart } from "./xlsx-repack";

export interface XlsxOpenOptions {
  /** The name the user gave the file (for messages); defaults to the path's last segment. */
  readonly fileName?: string;
  readonly maxUncompressedBytes?: number;
  readonly maxEntries?: number;
  readonly maxCompressionRatio?: number;
}

export interface XlsxReadOptions extends XlsxOpenOptions {
  /** The sheet's name; null = the first sheet. Unknown → `import.sheet_not_found`. */
  readonly sheet: string | null;
  /** Most non-blank rows accepted (default 2,000,000). */
  readonly maxRows?: number;
  /** Largest text cell accepted, in UTF-8 bytes (default 1 MiB). */
  readonly maxCellBytes?: number;
  /**
   * Progress, in bytes of the file: the sheet's inflated bytes scaled to the file's size, so the
   * calls add up to the file's size when the sheet has been read.
   */
  readonly onBytes?: (bytes: number) => void;
}

function limitsOf(options: XlsxOpenOptions): XlsxLimits {
  return {
    maxUncompressedBytes: options.maxUncompressedBytes ?? defaultXlsxLimits.maxUncompressedBytes,
    maxEntries: options.maxEntries ?? defaultXlsxLimits.maxEntries,
    maxCompressionRatio: options.maxCompressionRatio ?? defaultXlsxLimits.maxCompressionRatio,
  };
}

/** The names of the workbook's worksheets, in workbook order (checks the archive's limits). */
export async function inspectXlsx(path: string, options: XlsxOpenOptions = {}): Promise<string[]> {
  const archive = await openXlsxArchive(path, options.fileName, limitsOf(options));
  archive.close();
  return archive.sheets.map((sheet) => sheet.name);
}

/** The sheet called `name` (null: the first), or `import.sheet_not_found` naming the others. */
export function chooseSheet<T extends { readonly name: string }>(
  sheets: readonly T[],
  name: string | null,
): T {
  const sheet = name === null ? sheets[0] : sheets.find((candidate) => candidate.name === name);
  if (!sheet) {
    throw new AppError("import.sheet_not_found", {
      sheet: name ?? "",
      available: sheets.map((candidate) => candidate.name),
    });
  }
  return sheet;
}

/** Calendar date of a date-formatted cell: Excel dates have no time zone, exceljs gives UTC. */
function isoDate(date: Date): SourceCell {
  return Number.isNaN(date.getTime()) ? null : { date: date.toISOString().slice(0, 10) };
}

/**
 * exceljs's cell value → our cell: text, number, boolean; a date-formatted number → its date;
 * a formula (shared ones included) → `{formula}`; rich text → its text; an error → "#N/A" etc.
 */
export function toSourceCell(value: CellValue): SourceCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return value;
  }
  if (value instanceof Date) return isoDate(value);
  if ("formula" in value || "sharedFormula" in value) {
    return { formula: value.formula ?? ("sharedFormula" in value ? value.sharedFormula : "") };
  }
  if ("richText" in value) return value.richText.map((run) => run.text ?? "").join("");
  if ("error" in value) return value.error;
  if ("text" in value)
    return typeof value.text === "string" ? value.text : toSourceCell(value.text);
  return null;
}

function isEmpty(cell: SourceCell): boolean {
  return cell === null || (typeof cell === "string" && cell.trim() === "");
}

/** Cells of an exceljs row (`values` is 1-based and sparse), without trailing empty cells. */
function rowCells(values: ExcelJS.Row["values"]): SourceCell[] {
  const list = Array.isArray(values) ? values : [];
  const cells = Array.from({ length: Math.max(list.length - 1, 0) }, (_, i) =>
    toSourceCell(list[i + 1]),
  );
  while (cells.length && isEmpty(cells[cells.length - 1] ?? null)) cells.pop();
  return cells;
}

function requiredEntry(archive: XlsxArchive, part: string): Entry {
  const entry = archive.entry(part);
  if (!entry) {
    throw new AppError("import.file_corrupt", { fileName: archive.fileName, format: "xlsx" });
  }
  return entry;
}

/** The parts exceljs needs, under the names it expects, the sheet last. */
function partsFor(archive: XlsxArchive, sheet: Entry, onSheetBytes: (n: number) => void) {
  const related = (type: string) => {
    const part = archive.relationships.find((relationship) => relationship.type === type)?.part;
    return part ? archive.entry(part) : null;
  };
  const styles = related("styles");
  const parts: RepackPart[] = [
    {
      name: "xl/_rels/workbook.xml.rels",
      source: archive.entry(relationshipsPart(archive.workbookPart)) ?? "<Relationships/>",
    },
    { name: "xl/workbook.xml", source: requiredEntry(archive, archive.workbookPart) },
    ...(styles ? [{ name: "xl/styles.xml", source: styles }] : []),
    { name: "xl/sharedStrings.xml", source: related("sharedStrings") ?? "<sst/>" },
    { name: "xl/worksheets/sheet1.xml", source: sheet, onBytes: onSheetBytes },
  ];
  return parts;
}

/** Reports the sheet's inflated bytes as a share of the file's size. */
function scaledProgress(
  onBytes: ((bytes: number) => void) | undefined,
  fileSize: number,
  sheetBytes: number,
): (n: number) => void {
  if (!onBytes) return () => undefined;
  let [inflated, reported] = [0, 0];
  return (bytes) => {
    inflated += bytes;
    const total = Math.min(Math.floor((inflated * fileSize) / Math.max(sheetBytes, 1)), fileSize);
    if (total > reported) onBytes(total - reported);
    reported = total;
  };
}

/** Resolves each step of `iterator`, or rejects as soon as `failure` does. */
async function* until<T>(iterable: AsyncIterable<T>, failure: Promise<never>): AsyncGenerator<T> {
  const iterator = iterable[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), failure]);
      if (next.done) return;
      yield next.value;
    }
  } finally {
    void iterator.return?.();
  }
}

/** What a failure while reading means to the user: an entry inflating past its size is a bomb. */
function readError(error: unknown, archive: XlsxArchive, limits: XlsxLimits): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : "";
  if (/too many bytes in the stream/.test(message)) return tooLarge(limits, "size");
  return new AppError("import.file_corrupt", { fileName: archive.fileName, format: "xlsx" });
}

async function* xlsxRows(path: string, options: XlsxReadOptions): AsyncGenerator<SourceRow> {
  const limits = limitsOf(options);
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const maxCellBytes = options.maxCellBytes ?? DEFAULT_MAX_CELL_BYTES;
  const archive = await openXlsxArchive(path, options.fileName, limits);
  let stream: ReturnType<typeof repackStored> | undefined;
  try {
    const sheet = requiredEntry(archive, chooseSheet(archive.sheets, options.sheet).part);
    const progress = scaledProgress(options.onBytes, archive.zip.fileSize, sheet.uncompressedSize);
    stream = repackStored(archive.zip, partsFor(archive, sheet, progress));
    const failure = new Promise<never>((_, reject) => stream?.once("error", reject));
    failure.catch(() => undefined);
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
      sharedStrings: "cache",
      hyperlinks: "ignore",
      styles: "cache",
      worksheets: "emit",
      entries: "ignore",
    });
    let rows = 0;
    for await (const worksheet of until(reader, failure)) {
      for await (const row of until(worksheet, failure)) {
        const cells = rowCells(row.values);
        if (cells.every(isEmpty)) continue;
        const large = cells.findIndex(
          (cell) => typeof cell === "string" && Buffer.byteLength(cell) > maxCellBytes,
        );
        if (large >= 0) {
          throw new AppError("import.cell_too_large", {
            row: row.number,
            column: large + 1,
            limitMegabytes: maxCellBytes / (1024 * 1024),
          });
        }
        if (++rows > maxRows) throw new AppError("import.too_many_rows", { limit: maxRows });
        yield { row: row.number, cells };
      }
    }
  } catch (error) {
    throw readError(error, archive, limits);
  } finally {
    stream?.destroy();
    archive.close();
  }
}

/**
 * Reads one sheet of an XLSX file as rows (see `toSourceCell` for the cells). `row` is the row
 * number the spreadsheet shows; rows whose cells are all empty are skipped. Refused with an
 * AppError: an archive over the limits or that inflates past them (`import.archive_too_large`),
 * an unknown sheet (`import.sheet_not_found`), a text cell over `maxCellBytes`
 * (`import.cell_too_large`), more than `maxRows` non-blank rows (`import.too_many_rows`), a
 * damaged file (`import.file_corrupt`).
 */
export function readXlsxRows(path: string, options: XlsxReadOptions): AsyncIterable<SourceRow> {
  return { [Symbol.asyncIterator]: () => xlsxRows(path, options) };
}
