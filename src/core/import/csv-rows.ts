/**
 * Streaming CSV reader of the import engine: bytes in any supported encoding and with any of the
 * usual delimiters → physical rows of string cells. Memory stays bounded whatever the file size.
 */
import { AppError } from "../errors";
import type { CsvDelimiter, FileEncoding } from "../schemas/personnel-import";
import { CsvTokenizer, type CsvRecord } from "./csv-tokenizer";
import { bomEncoding, createDecoder, detectEncoding, type ChunkDecoder } from "./decode";
import type { SourceRow } from "./table";

export const csvDelimiters = [",", ";", "\t", "|"] as const;
export type Delimiter = (typeof csvDelimiters)[number];

export const DEFAULT_MAX_CELL_BYTES = 1024 * 1024;
export const DEFAULT_MAX_ROW_BYTES = 4 * 1024 * 1024;
export const DEFAULT_MAX_ROWS = 2_000_000;
/** Excel's column limit: a "row" with more values is not a table row. */
export const MAX_FIELDS = 16_384;
/** Bytes read before the encoding and delimiter are decided. */
export const SAMPLE_BYTES = 64 * 1024;

/**
 * Field counts of the first records of `text` for one delimiter. A quote opens a quoted field
 * only at the start of a field (as the reader treats it), and a quoted line break does not end
 * a record; blank lines are left out.
 */
function fieldCounts(text: string, delimiter: Delimiter, maxRecords = 50): number[] {
  const counts: number[] = [];
  let [fields, isQuoted, isFieldStart, isBlank] = [1, false, true, true];
  for (let i = 0; i < text.length && counts.length < maxRecords; i++) {
    const char = text[i];
    if (isQuoted) {
      if (char === '"') isQuoted = text[i + 1] === '"' ? (i++, true) : false;
      continue;
    }
    if (char === delimiter) {
      [fields, isFieldStart, isBlank] = [fields + 1, true, false];
    } else if (char === "\n" || char === "\r") {
      if (!isBlank) counts.push(fields);
      if (char === "\r" && text[i + 1] === "\n") i++;
      [fields, isFieldStart, isBlank] = [1, true, true];
    } else {
      if (char === '"' && isFieldStart) isQuoted = true;
      if (char !== " ") isBlank = false;
      isFieldStart = false;
    }
  }
  if (!isBlank && counts.length < maxRecords) counts.push(fields);
  return counts;
}

/**
 * The delimiter among `, ; TAB |` whose field counts are the most consistent over the first
 * records of `sampleText` (quotes respected): the most common count must exceed 1, and the share
 * of records having it decides (title rows above the header and decimal commas lower it); ties go
 * to the larger count, then to the order above. A file with one column reads as ",".
 */
export function detectDelimiter(sampleText: string): Delimiter {
  let best = { delimiter: "," as Delimiter, share: 0, fields: 1 };
  for (const delimiter of csvDelimiters) {
    const counts = fieldCounts(sampleText, delimiter);
    const frequency = new Map<number, number>();
    for (const count of counts) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    let [fields, times] = [1, 0];
    for (const [count, seen] of frequency) {
      if (seen > times || (seen === times && count > fields)) [fields, times] = [count, seen];
    }
    if (fields < 2) continue;
    const share = times / counts.length;
    if (share > best.share || (share === best.share && fields > best.fields)) {
      best = { delimiter, share, fields };
    }
  }
  return best.delimiter;
}

export interface CsvReadOptions {
  /** "auto": a byte-order mark, else detected from the first 64 KiB. A byte-order mark always wins. */
  readonly encoding: FileEncoding;
  readonly delimiter: CsvDelimiter;
  /** Largest cell accepted, in UTF-8 bytes (default 1 MiB). */
  readonly maxCellBytes?: number;
  /** Largest row accepted, in UTF-8 bytes (default 4 MiB); a row also has at most 16,384 cells. */
  readonly maxRowBytes?: number;
  /** Most non-blank rows accepted (default 2,000,000). */
  readonly maxRows?: number;
  /** Called with the number of bytes of each chunk as it is read (for progress). */
  readonly onBytes?: (bytes: number) => void;
}

export interface CsvInfo {
  readonly encoding: string;
  readonly delimiter: Delimiter;
}

export interface CsvRows {
  /** The encoding and delimiter read (detected or chosen); reading it starts reading the file. */
  readonly info: Promise<CsvInfo>;
  /** The file's non-blank rows; iterate once. */
  readonly rows: AsyncIterable<SourceRow>;
}

interface Head {
  readonly info: CsvInfo;
  readonly decoder: ChunkDecoder;
  readonly text: string;
  readonly isDone: boolean;
}

async function readHead(source: AsyncIterator<Uint8Array>, options: CsvReadOptions): Promise<Head> {
  const chunks: Uint8Array[] = [];
  let [size, isDone] = [0, false];
  while (size < SAMPLE_BYTES) {
    const next = await source.next();
    if (next.done) {
      isDone = true;
      break;
    }
    options.onBytes?.(next.value.length);
    chunks.push(next.value);
    size += next.value.length;
  }
  const sample = concat(chunks, size);
  const encoding =
    bomEncoding(sample) ??
    (options.encoding === "auto" ? detectEncoding(sample).encoding : options.encoding);
  const decoder = createDecoder(encoding);
  const text = decoder.decode(sample) + (isDone ? decoder.end() : "");
  const delimiter = options.delimiter === "auto" ? detectDelimiter(text) : options.delimiter;
  return { info: { encoding, delimiter }, decoder, text, isDone };
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

async function* decodedText(
  head: Head,
  source: AsyncIterator<Uint8Array>,
  onBytes: ((bytes: number) => void) | undefined,
): AsyncGenerator<string> {
  try {
    if (head.text) yield head.text;
    if (head.isDone) return;
    for (let next = await source.next(); !next.done; next = await source.next()) {
      onBytes?.(next.value.length);
      const text = head.decoder.decode(next.value);
      if (text) yield text;
    }
    const rest = head.decoder.end();
    if (rest) yield rest;
  } finally {
    await source.return?.();
  }
}

/** Refuses a record holding U+FFFD: bytes that are not valid in the encoding read. */
function checkEncoding(record: readonly string[], row: number, encoding: string): void {
  const index = record.findIndex((cell) => cell.includes("\uFFFD"));
  if (index >= 0) {
    throw new AppError("import.encoding_invalid", { row, column: index + 1, encoding });
  }
}

async function* csvRows(
  head: () => Promise<Head>,
  source: AsyncIterator<Uint8Array>,
  options: CsvReadOptions,
): AsyncGenerator<SourceRow> {
  const maxCellBytes = options.maxCellBytes ?? DEFAULT_MAX_CELL_BYTES;
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const read = await head();
  const tokenizer = new CsvTokenizer(read.info.delimiter, {
    maxCellBytes,
    maxRowBytes: options.maxRowBytes ?? Math.max(DEFAULT_MAX_ROW_BYTES, maxCellBytes),
    maxFields: MAX_FIELDS,
  });
  const records: CsvRecord[] = [];
  let rows = 0;
  const texts = decodedText(read, source, options.onBytes);
  try {
    for (let next = await texts.next(); ; next = await texts.next()) {
      let failure: AppError | null = null;
      try {
        if (next.done) tokenizer.end(records);
        else tokenizer.push(next.value, records);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        failure = error;
      }
      for (const { line, fields } of records) {
        if (fields.every((cell) => cell.trim() === "")) continue;
        checkEncoding(fields, line, read.info.encoding);
        if (++rows > maxRows) throw new AppError("import.too_many_rows", { limit: maxRows });
        yield { row: line, cells: fields };
      }
      records.length = 0;
      if (failure) throw failure;
      if (next.done) return;
    }
  } finally {
    await texts.return(undefined);
  }
}

/**
 * Reads CSV from a stream of byte chunks (a file read with fs streams, an upload). The first
 * 64 KiB decide the encoding and delimiter when they are "auto"; then records stream through
 * `CsvTokenizer` (quotes per RFC 4180, stray quotes inside unquoted fields kept as text, CRLF,
 * LF or CR line ends, a byte-order mark dropped).
 *
 * Each non-blank record is a `SourceRow` whose `row` is the physical line its first line is on
 * (1-based), so blank lines and line breaks inside quoted values count, and whose cells are the
 * fields as written (not trimmed; their number is the field count, which shows mixed delimiters).
 * A record whose cells are all empty or spaces is blank: skipped, but counted in the numbering.
 *
 * Refused with an AppError, naming the row: a cell longer than `maxCellBytes`
 * (`import.cell_too_large`), a row longer than `maxRowBytes` or wider than 16,384 cells
 * (`import.row_too_large`), more than `maxRows` non-blank rows (`import.too_many_rows`), a quote
 * still open at the end of the file (`import.truncated`, at the row where the quoted value
 * starts), bytes that are not valid in the encoding (`import.encoding_invalid`). The rows before
 * the problem are delivered first.
 */
export function readCsvRows(chunks: AsyncIterable<Uint8Array>, options: CsvReadOptions): CsvRows {
  const source = chunks[Symbol.asyncIterator]();
  let started: Promise<Head> | undefined;
  const head = () => (started ??= readHead(source, options));
  return {
    get info() {
      return head().then(({ info }) => info);
    },
    rows: { [Symbol.asyncIterator]: () => csvRows(head, source, options) },
  };
}
