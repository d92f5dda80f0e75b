/**
 * The zip stream exceljs's streaming reader is given: the parts it needs, inflated by yauzl and
 * re-emitted uncompressed ("stored") under the names exceljs expects, in the order that lets it
 * parse the sheet as it streams (and with namespace prefixes it cannot read removed).
 *
 * Why not hand exceljs the file: its streaming unzip trusts each entry's local header and
 * inflates every entry it meets, so a crafted archive (local entries that differ from the
 * directory we checked, or that inflate beyond their declared size) could make it inflate
 * gigabytes; and it finds sheets only under `xl/worksheets/sheetN.xml` and spools them to temp
 * files when the shared strings come later in the zip. Here yauzl inflates only the parts we
 * choose, and checks each entry's actual size against the declared one that the archive check
 * summed (`validateEntrySizes`): nothing inflates past the limit.
 */
import { Readable } from "node:stream";
import zlib from "node:zlib";
import type { Entry, ZipFile } from "yauzl";
import { unprefixSpreadsheetXml } from "./xlsx-namespace";

export interface RepackPart {
  /** The name exceljs will see. */
  readonly name: string;
  /** The entry to inflate, or fixed content (an empty shared-strings part). */
  readonly source: Entry | string;
  /** Called with each inflated chunk's size (progress of the sheet). */
  readonly onBytes?: (bytes: number) => void;
}

/** A zip local file header for a stored entry of known size and CRC. */
function localHeader(name: string, size: number, crc32: number): Buffer {
  const nameBytes = Buffer.from(name, "utf8");
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0x0800, 6);
  header.writeUInt16LE(0, 8);
  header.writeUInt32LE(crc32 >>> 0, 14);
  header.writeUInt32LE(size, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([header, nameBytes]);
}

/** The end-of-central-directory record, which tells the reader the archive is over. */
function endOfDirectory(entries: number): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  record.writeUInt16LE(entries, 8);
  record.writeUInt16LE(entries, 10);
  return record;
}

async function* storedParts(zip: ZipFile, parts: readonly RepackPart[]): AsyncGenerator<Buffer> {
  for (const part of parts) {
    if (typeof part.source === "string") {
      const content = Buffer.from(part.source, "utf8");
      yield localHeader(part.name, content.length, zlib.crc32(content));
      yield content;
      continue;
    }
    const entry = part.source;
    yield localHeader(part.name, entry.uncompressedSize, entry.crc32);
    const inflated = await zip.openReadStreamPromise(entry);
    try {
      for await (const chunk of unprefixSpreadsheetXml(inflated as AsyncIterable<Buffer>)) {
        part.onBytes?.(chunk.length);
        yield chunk;
      }
    } finally {
      inflated.destroy();
    }
  }
  yield endOfDirectory(parts.length);
}

/**
 * `parts` as one uncompressed zip stream: local headers and data, then an empty directory
 * (exceljs's streaming unzip reads entries as they come and needs only the end record). The
 * zip must be opened with `validateEntrySizes`, so that no entry yields more than it declares.
 */
export function repackStored(zip: ZipFile, parts: readonly RepackPart[]): Readable {
  return Readable.from(storedParts(zip, parts), { objectMode: false });
}
