/**
 * What an uploaded file really is, from its first bytes. People rename files, and HR systems
 * export tab-separated text named ".xls" or an HTML table named ".xls": the content decides.
 */
import { AppError } from "../errors";
import { createDecoder, detectEncoding } from "./decode";

export type TableFormat = "csv" | "xlsx";

/**
 * Kinds of file an import cannot read, as named in the messages `errors.import.file_type_*`:
 * `other` is binary content of no known kind.
 */
export type UnreadableKind =
  | "xls"
  | "xlsb"
  | "opendocument"
  | "word"
  | "powerpoint"
  | "zip"
  | "pdf"
  | "image"
  | "archive"
  | "html"
  | "xml"
  | "other";

/** Extensions of the formats an import reads: content contradicting them is a mismatch. */
const readableExtensions = new Set(["csv", "tsv", "txt", "tab", "xlsx", "xlsm"]);

/** Magic numbers of files uploaded by mistake (none that a CSV could start with, such as BMP's "BM"). */
const signatures: ReadonlyArray<readonly [UnreadableKind, readonly number[]]> = [
  ["xls", [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ["pdf", [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ["image", [0x89, 0x50, 0x4e, 0x47]],
  ["image", [0xff, 0xd8, 0xff]],
  ["image", [0x47, 0x49, 0x46, 0x38]],
  ["archive", [0x1f, 0x8b]],
  ["archive", [0x52, 0x61, 0x72, 0x21]],
  ["archive", [0x37, 0x7a, 0xbc, 0xaf]],
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((byte, i) => bytes[i] === byte);
}

function readUint16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function readUint32(bytes: Uint8Array, at: number): number {
  return (readUint16(bytes, at) | (readUint16(bytes, at + 2) << 16)) >>> 0;
}

const latin1 = new TextDecoder("windows-1252");

/**
 * A zip archive by the names of its entries, as far as the local headers in `bytes` reach:
 * `xl/` makes an Office Open XML workbook (`.bin` parts: the binary `.xlsb`), `word/` and `ppt/`
 * other Office files, `mimetype` an OpenDocument file; a zip whose entries all fit in the sample
 * without any of these is a plain archive. When unsure, "xlsx": the XLSX reader checks the
 * archive's directory and refuses what is not a workbook.
 */
function zipKind(bytes: Uint8Array): TableFormat | UnreadableKind {
  let at = 0;
  while (at + 30 <= bytes.length && readUint32(bytes, at) === 0x04034b50) {
    const compressedSize = readUint32(bytes, at + 18);
    const nameLength = readUint16(bytes, at + 26);
    const extraLength = readUint16(bytes, at + 28);
    const name = latin1.decode(bytes.subarray(at + 30, at + 30 + nameLength));
    if (name.startsWith("xl/")) return name.endsWith(".bin") ? "xlsb" : "xlsx";
    if (name.startsWith("word/")) return "word";
    if (name.startsWith("ppt/")) return "powerpoint";
    if (name === "mimetype") return "opendocument";
    const hasDataDescriptor = (readUint16(bytes, at + 6) & 0x08) !== 0;
    if (hasDataDescriptor) return "xlsx";
    at += 30 + nameLength + extraLength + compressedSize;
  }
  const isDirectory = [0x02014b50, 0x06054b50].includes(readUint32(bytes, at));
  return at + 4 <= bytes.length && isDirectory ? "zip" : "xlsx";
}

/** Control codes that do not occur in text files (NUL, and C0 codes other than tab, line ends, form feed, EOF). */
function isBinary(bytes: Uint8Array): boolean {
  let controls = 0;
  for (const byte of bytes) {
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1a)) controls++;
  }
  return controls > bytes.length / 100;
}

/** HTML tables and XML (e.g. Excel 2003 "XML Spreadsheet") that HR systems save as ".xls". */
function markupKind(bytes: Uint8Array, encoding: string): UnreadableKind | null {
  const head = createDecoder(encoding).decode(bytes.subarray(0, 1024)).trimStart();
  if (/^<(!doctype\s+html|html|table|head|body|meta)\b/i.test(head)) return "html";
  if (/^<\?xml\b/i.test(head)) return /<html\b/i.test(head) ? "html" : "xml";
  return null;
}

function contentKind(bytes: Uint8Array): TableFormat | UnreadableKind {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return zipKind(bytes);
  }
  const signature = signatures.find(([, prefix]) => startsWith(bytes, prefix));
  if (signature) return signature[0];
  const { encoding } = detectEncoding(bytes);
  if (!encoding.startsWith("utf-16") && isBinary(bytes)) return "other";
  return markupKind(bytes, encoding) ?? "csv";
}

/** "staff.CSV" → "csv"; "" when the name has no extension. */
export function fileExtension(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

/**
 * The format to read a file as, from its first bytes (pass at least the first 4 KiB; 64 KiB for
 * a reliable text/binary call) — the content decides, the name only shapes the error:
 * - text (any encoding) is read as CSV whatever the name says ("staff.xlsx" holding CSV text,
 *   or the tab-separated ".xls" many HR systems export);
 * - a zip holding an Office Open XML workbook is read as XLSX whatever the name ("staff.csv"
 *   that is really a workbook);
 * - anything else is refused, saying what the file actually is: `import.file_type_mismatch`
 *   when its name claims a format we read (a PDF renamed "staff.csv"), otherwise
 *   `import.file_type_unsupported` (an Excel 97–2003 ".xls", a Word file, a photo, binary data).
 * An empty file is CSV (the import then reports it empty).
 */
export function sniffFormat(firstBytes: Uint8Array, fileName: string): TableFormat {
  const kind = contentKind(firstBytes);
  if (kind === "csv" || kind === "xlsx") return kind;
  const extension = fileExtension(fileName);
  if (readableExtensions.has(extension)) {
    throw new AppError("import.file_type_mismatch", { fileName, extension, actual: kind });
  }
  throw new AppError("import.file_type_unsupported", { fileName, actual: kind });
}
