/**
 * The one entry point of the import engine's readers: a file on disk (an upload spooled by the
 * HTTP layer, or the path the CLI was given) → what it is and a way to read its rows, as often
 * as needed (once for the preview, once for the full pass).
 */
import fs from "node:fs";
import {
  DEFAULT_MAX_CELL_BYTES,
  SAMPLE_BYTES,
  detectDelimiter,
  readCsvRows,
} from "../../core/import/csv-rows";
import {
  bomEncoding,
  createDecoder,
  detectEncoding,
  type SupportedEncoding,
} from "../../core/import/decode";
import { sniffFormat, type TableFormat } from "../../core/import/sniff";
import type { SourceRow } from "../../core/import/table";
import type { CsvDelimiter, FileEncoding } from "../../core/schemas/personnel-import";
import { chooseSheet, inspectXlsx, readXlsxRows } from "./xlsx-rows";

export interface OpenTableOptions {
  /** CSV: "auto" = a byte-order mark, else detected (from the first non-ASCII bytes). */
  readonly encoding: FileEncoding;
  /** CSV: "auto" = detected from the first lines. */
  readonly delimiter: CsvDelimiter;
  /** XLSX: the sheet to read; null = the first. */
  readonly sheet: string | null;
  readonly maxRows?: number;
  readonly maxCellBytes?: number;
  /** XLSX: most bytes the archive may inflate to (default 256 MiB). */
  readonly maxUncompressedBytes?: number;
  /** Progress: bytes of the file read so far come in here, summing to `sizeBytes` per full pass. */
  readonly onBytes?: (bytes: number) => void;
}

export interface RowsOptions {
  /** Replaces `OpenTableOptions.onBytes` for this pass (e.g. none while previewing). */
  readonly onBytes?: ((bytes: number) => void) | undefined;
}

export interface OpenedTable {
  readonly format: TableFormat;
  /** CSV: the encoding read (detected or chosen); null for XLSX. */
  readonly encoding: string | null;
  /** CSV: the delimiter read (detected or chosen); null for XLSX. */
  readonly delimiter: string | null;
  /** XLSX: the worksheets in workbook order; empty for CSV. */
  readonly sheets: readonly string[];
  /** XLSX: the sheet read; null for CSV. */
  readonly sheet: string | null;
  readonly sizeBytes: number;
  /** A new pass over the non-blank rows; each call reads the file again from the start. */
  rows(options?: RowsOptions): AsyncIterable<SourceRow>;
}

/** The file's bytes in chunks, opened only when iterated (and closed when iteration stops). */
async function* fileChunks(path: string): AsyncGenerator<Uint8Array> {
  yield* fs.createReadStream(path, { highWaterMark: SAMPLE_BYTES }) as AsyncIterable<Buffer>;
}

async function readAt(path: string, position: number, length: number): Promise<Uint8Array> {
  const file = await fs.promises.open(path, "r");
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await file.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/** Where the first byte ≥ 0x80 at or after `from` is, or null when the rest is ASCII. */
async function firstNonAscii(path: string, from: number): Promise<number | null> {
  let position = from;
  for await (const chunk of fs.createReadStream(path, { start: from, highWaterMark: 1 << 20 })) {
    const buffer = chunk as Buffer;
    const index = buffer.toString("latin1").search(/[\u0080-\u00ff]/);
    if (index >= 0) return position + index;
    position += buffer.length;
  }
  return null;
}

/**
 * The encoding of a CSV file: a byte-order mark; else detection on the first 64 KiB, and when
 * those are plain ASCII, on 64 KiB from the first non-ASCII byte further on (a long English or
 * numeric head must not hide a windows-1251 tail).
 */
async function csvEncoding(
  path: string,
  head: Uint8Array,
  chosen: FileEncoding,
): Promise<SupportedEncoding> {
  const bom = bomEncoding(head);
  if (bom) return bom;
  if (chosen !== "auto") return chosen;
  const detected = detectEncoding(head);
  if (detected.confidence !== "ascii" || head.length < SAMPLE_BYTES) return detected.encoding;
  const at = await firstNonAscii(path, head.length);
  return at === null ? "utf-8" : detectEncoding(await readAt(path, at, SAMPLE_BYTES)).encoding;
}

/**
 * Opens an import file: sniffs what it really is (`sniffFormat`: refused when it is neither CSV
 * text nor an XLSX workbook), then for CSV settles the encoding and delimiter ("auto" → detected),
 * for XLSX checks the archive (zip-bomb limits) and the sheet (`import.sheet_not_found`).
 */
export async function openTable(
  path: string,
  fileName: string,
  options: OpenTableOptions,
): Promise<OpenedTable> {
  const { size: sizeBytes } = await fs.promises.stat(path);
  const head = await readAt(path, 0, SAMPLE_BYTES);
  const format = sniffFormat(head, fileName);
  const limits = {
    maxRows: options.maxRows,
    maxCellBytes: options.maxCellBytes ?? DEFAULT_MAX_CELL_BYTES,
  };
  if (format === "xlsx") {
    const sheets = await inspectXlsx(path, {
      fileName,
      maxUncompressedBytes: options.maxUncompressedBytes,
    });
    const { name: sheet } = chooseSheet(
      sheets.map((name) => ({ name })),
      options.sheet,
    );
    return {
      format,
      encoding: null,
      delimiter: null,
      sheets,
      sheet,
      sizeBytes,
      rows: (pass = {}) =>
        readXlsxRows(path, {
          ...limits,
          sheet,
          fileName,
          maxUncompressedBytes: options.maxUncompressedBytes,
          onBytes: "onBytes" in pass ? pass.onBytes : options.onBytes,
        }),
    };
  }
  const encoding = await csvEncoding(path, head, options.encoding);
  const delimiter =
    options.delimiter === "auto"
      ? detectDelimiter(createDecoder(encoding).decode(head))
      : options.delimiter;
  return {
    format,
    encoding,
    delimiter,
    sheets: [],
    sheet: null,
    sizeBytes,
    rows: (pass = {}) =>
      readCsvRows(fileChunks(path), {
        ...limits,
        encoding,
        delimiter,
        onBytes: "onBytes" in pass ? pass.onBytes : options.onBytes,
      }).rows,
  };
}
