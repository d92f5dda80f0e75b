/**
 * A minimal zip writer for crafting test archives byte by byte: XLSX files of other producers'
 * shapes, and zip bombs (entries whose declared sizes are honest or lie).
 */
import zlib from "node:zlib";

export interface ZipEntry {
  readonly name: string;
  /** The entry's content, deflated unless `stored`. */
  readonly data?: Uint8Array | string;
  /** Already-deflated bytes with the size they inflate to (for bombs built without the data). */
  readonly deflated?: { readonly bytes: Uint8Array; readonly size: number };
  /** The uncompressed size to write in the headers instead of the real one. */
  readonly declaredSize?: number;
  readonly stored?: boolean;
}

function header(signature: number, fields: ReadonlyArray<readonly [2 | 4, number]>): Buffer {
  const size = 4 + fields.reduce((sum, [width]) => sum + width, 0);
  const buffer = Buffer.alloc(size);
  buffer.writeUInt32LE(signature, 0);
  let at = 4;
  for (const [width, value] of fields) {
    if (width === 2) buffer.writeUInt16LE(value, at);
    else buffer.writeUInt32LE(value >>> 0, at);
    at += width;
  }
  return buffer;
}

/** A zip archive (local headers, data, central directory) of `entries` in the order given. */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const raw = entry.data === undefined ? null : Buffer.from(entry.data);
    const content = entry.deflated
      ? Buffer.from(entry.deflated.bytes)
      : entry.stored
        ? (raw ?? Buffer.alloc(0))
        : zlib.deflateRawSync(raw ?? Buffer.alloc(0));
    const size = entry.declaredSize ?? entry.deflated?.size ?? raw?.length ?? 0;
    const crc = raw ? zlib.crc32(raw) : 0;
    const method = entry.stored ? 0 : 8;
    const common: Array<readonly [2 | 4, number]> = [
      [2, 20],
      [2, 0x0800],
      [2, method],
      [2, 0],
      [2, 0x21],
      [4, crc],
      [4, content.length],
      [4, size],
      [2, name.length],
    ];
    const local = header(0x04034b50, [...common, [2, 0]]);
    parts.push(local, name, content);
    directory.push(
      header(0x02014b50, [[2, 20], ...common, [2, 0], [2, 0], [2, 0], [2, 0], [4, 0], [4, offset]]),
      name,
    );
    offset += local.length + name.length + content.length;
  }
  const directorySize = directory.reduce((sum, part) => sum + part.length, 0);
  const end = header(0x06054b50, [
    [2, 0],
    [2, 0],
    [2, entries.length],
    [2, entries.length],
    [4, directorySize],
    [4, offset],
    [2, 0],
  ]);
  return Buffer.concat([...parts, ...directory, end]);
}

/**
 * `size` bytes of `fill` deflated, built without deflating them all: a fully flushed deflate
 * segment of 1 MiB is self-contained, so copies of it followed by an empty final block form one
 * valid deflate stream (a zip bomb's payload, in milliseconds).
 */
export function deflatedFill(size: number, fill = 0): { bytes: Uint8Array; size: number } {
  const block = 1024 * 1024;
  const segment = (length: number) =>
    zlib.deflateRawSync(Buffer.alloc(length, fill), { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const full = segment(block);
  const parts = Array.from({ length: Math.floor(size / block) }, () => full);
  if (size % block) parts.push(segment(size % block));
  return { bytes: Buffer.concat([...parts, Buffer.from([0x03, 0x00])]), size };
}
