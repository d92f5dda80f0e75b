/**
 * Opening an XLSX file safely: the zip's central directory is checked (entry count, declared
 * uncompressed sizes, compression ratios) before a single byte is inflated, and the workbook's
 * sheets are located through its relationships, whatever the producer named the parts.
 */
import path from "node:path";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { AppError } from "../../core/errors";
import type { UnreadableKind } from "../../core/import/sniff";
import {
  parseRelationships,
  parseSheets,
  relationshipsPart,
  type Relationship,
} from "./xlsx-parts";

export interface XlsxLimits {
  /** Sum of the declared uncompressed sizes of all entries (default 256 MiB). */
  readonly maxUncompressedBytes: number;
  readonly maxEntries: number;
  /** Uncompressed ÷ compressed size of any entry over 1 MiB (real sheets stay below ~20). */
  readonly maxCompressionRatio: number;
}

export const defaultXlsxLimits: XlsxLimits = {
  maxUncompressedBytes: 256 * 1024 * 1024,
  maxEntries: 10_000,
  maxCompressionRatio: 200,
};

/** Relationship, workbook and other small parts are read whole, up to this size. */
const MAX_SMALL_PART_BYTES = 16 * 1024 * 1024;
const RATIO_CHECKED_ABOVE = 1024 * 1024;

export interface XlsxSheet {
  readonly name: string;
  /** The worksheet part, e.g. `xl/worksheets/sheet1.xml`. */
  readonly part: string;
  readonly isHidden: boolean;
}

export interface XlsxArchive {
  readonly zip: ZipFile;
  readonly fileName: string;
  readonly sheets: readonly XlsxSheet[];
  readonly workbookPart: string;
  /** The workbook's relationships (styles, shared strings, worksheets …). */
  readonly relationships: readonly Relationship[];
  /** An entry by part name (case-insensitive, as Open Packaging names are). */
  entry(part: string): Entry | null;
  close(): void;
}

export function tooLarge(limits: XlsxLimits, reason: "size" | "ratio" | "entries"): AppError {
  return new AppError("import.archive_too_large", {
    reason,
    limitMegabytes: Math.round(limits.maxUncompressedBytes / (1024 * 1024)),
  });
}

/** Reads a whole entry (small parts only) as UTF-8 text. */
export async function readPart(zip: ZipFile, entry: Entry): Promise<string> {
  if (entry.uncompressedSize > MAX_SMALL_PART_BYTES) throw new Error(`${entry.fileName} too large`);
  const chunks: Buffer[] = [];
  for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/^\uFEFF/, "");
}

async function listEntries(zip: ZipFile, limits: XlsxLimits): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  let total = 0;
  for await (const entry of zip.eachEntry()) {
    if (entries.size >= limits.maxEntries) throw tooLarge(limits, "entries");
    total += entry.uncompressedSize;
    if (total > limits.maxUncompressedBytes) throw tooLarge(limits, "size");
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize > RATIO_CHECKED_ABOVE && ratio > limits.maxCompressionRatio) {
      throw tooLarge(limits, "ratio");
    }
    entries.set(entry.fileName.toLowerCase(), entry);
  }
  return entries;
}

/** What a zip that holds no workbook is, by its entries. */
function otherKind(names: readonly string[], workbookPart: string): UnreadableKind {
  if (workbookPart.endsWith(".bin")) return "xlsb";
  if (names.some((name) => name.startsWith("word/"))) return "word";
  if (names.some((name) => name.startsWith("ppt/"))) return "powerpoint";
  if (names.includes("mimetype")) return "opendocument";
  return "zip";
}

/**
 * Opens `filePath` as an XLSX package: refuses it with `import.archive_too_large` when its
 * directory declares more than the limits (a zip bomb is refused here, unread), with
 * `import.file_type_unsupported` when the zip holds no workbook (a Word file, an `.xlsb`, a
 * plain archive) and `import.file_corrupt` when it is not a readable zip. The caller closes it.
 */
export async function openXlsxArchive(
  filePath: string,
  fileName: string = path.basename(filePath),
  limits: XlsxLimits = defaultXlsxLimits,
): Promise<XlsxArchive> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(filePath, {
      lazyEntries: true,
      autoClose: false,
      validateEntrySizes: true,
      strictFileNames: false,
    });
  } catch {
    throw new AppError("import.file_corrupt", { fileName, format: "xlsx" });
  }
  try {
    const entries = await listEntries(zip, limits);
    const entry = (part: string) => entries.get(part.toLowerCase()) ?? null;
    const readRelationships = async (part: string) => {
      const rels = entry(relationshipsPart(part));
      return rels ? parseRelationships(await readPart(zip, rels), part) : [];
    };
    const root = await readRelationships("");
    const workbookPart =
      root.find((relationship) => relationship.type === "officeDocument")?.part ??
      "xl/workbook.xml";
    const workbook = entry(workbookPart);
    if (!workbook || workbookPart.endsWith(".bin")) {
      const actual = otherKind([...entries.keys()], workbookPart);
      throw new AppError("import.file_type_unsupported", { fileName, actual });
    }
    const relationships = await readRelationships(workbookPart);
    const sheets = parseSheets(await readPart(zip, workbook)).flatMap((sheet) => {
      const target = relationships.find((relationship) => relationship.id === sheet.relationshipId);
      return target?.type === "worksheet" && entry(target.part)
        ? [{ name: sheet.name, part: target.part, isHidden: sheet.isHidden }]
        : [];
    });
    return {
      zip,
      fileName,
      sheets,
      workbookPart,
      relationships,
      entry,
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    if (error instanceof AppError) throw error;
    throw new AppError("import.file_corrupt", { fileName, format: "xlsx" });
  }
}
