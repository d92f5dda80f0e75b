/**
 * Text encodings of imported files: detection from a sample of bytes, and chunked decoding.
 * Supported: UTF-8, UTF-16 (LE/BE) and the legacy single-byte code pages of `legacyEncodings`
 * (what Excel's "CSV" and old HR systems write in our countries' locales).
 */
import { AppError } from "../errors";
import { legacyEncodings } from "../schemas/personnel-import";
import {
  decodeSingleByte,
  isLegacyEncoding,
  plausibility,
  type LegacyEncoding,
} from "./code-pages";

export const supportedEncodings = ["utf-8", "utf-16le", "utf-16be", ...legacyEncodings] as const;
export type SupportedEncoding = (typeof supportedEncodings)[number];

/**
 * How the encoding was found: a byte-order mark; bytes that are valid UTF-8 (with non-ASCII
 * characters); only ASCII bytes (read as UTF-8, any of them would do); or the legacy code page
 * whose decoding looks most like real text (a guess: the user can choose another).
 */
export type EncodingConfidence = "bom" | "valid-utf8" | "detected" | "ascii";

export interface DetectedEncoding {
  readonly encoding: SupportedEncoding;
  readonly confidence: EncodingConfidence;
}

const boms: ReadonlyArray<readonly [SupportedEncoding, readonly number[]]> = [
  ["utf-8", [0xef, 0xbb, 0xbf]],
  ["utf-16le", [0xff, 0xfe]],
  ["utf-16be", [0xfe, 0xff]],
];

/** The encoding announced by a byte-order mark at the start of `bytes`, if any. */
export function bomEncoding(bytes: Uint8Array): SupportedEncoding | null {
  const found = boms.find(([, bom]) => bom.every((byte, i) => bytes[i] === byte));
  return found ? found[0] : null;
}

/** True when `bytes` decode without error (an incomplete character at the very end is allowed). */
function isValid(encoding: SupportedEncoding, bytes: Uint8Array): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * UTF-16 without a byte-order mark: text in any script has many characters below U+0100
 * (digits, delimiters, line ends), so one byte of each pair is NUL far more often than the other.
 */
function utf16WithoutBom(sample: Uint8Array): SupportedEncoding | null {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenNuls++;
    if (sample[i + 1] === 0) oddNuls++;
  }
  const [many, few] = [0.1 * pairs, 0.01 * pairs];
  const encoding: SupportedEncoding | null =
    oddNuls >= many && evenNuls <= few
      ? "utf-16le"
      : evenNuls >= many && oddNuls <= few
        ? "utf-16be"
        : null;
  return encoding && isValid(encoding, sample) ? encoding : null;
}

/**
 * The encoding of a file from its first bytes (64 KiB is plenty): a byte-order mark, then UTF-16
 * recognised by its NUL bytes, then pure ASCII, then valid UTF-8 (a sample cut in the middle of a
 * character is still UTF-8), else the legacy code page whose decoding is the most plausible text
 * (ties go to the first of `legacyEncodings`).
 */
export function detectEncoding(sample: Uint8Array): DetectedEncoding {
  const bom = bomEncoding(sample);
  if (bom) return { encoding: bom, confidence: "bom" };
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, confidence: "detected" };
  if (sample.every((byte) => byte < 0x80)) return { encoding: "utf-8", confidence: "ascii" };
  if (isValid("utf-8", sample)) return { encoding: "utf-8", confidence: "valid-utf8" };
  let best: { encoding: LegacyEncoding; score: number } | null = null;
  for (const encoding of legacyEncodings) {
    const score = plausibility(encoding, sample);
    if (!best || score > best.score) best = { encoding, score };
  }
  return { encoding: best?.encoding ?? "windows-1252", confidence: "detected" };
}

/** The supported encoding a label names ("cp1251", "latin1", "UTF8" …), or AppError. */
export function resolveEncoding(label: string): SupportedEncoding {
  let name: string | null = null;
  try {
    name = new TextDecoder(label.trim()).encoding;
  } catch {
    name = null;
  }
  const supported = supportedEncodings.find((encoding) => encoding === name);
  if (!supported) {
    throw new AppError("import.encoding_unsupported", {
      encoding: label,
      supported: [...supportedEncodings],
    });
  }
  return supported;
}

export interface ChunkDecoder {
  readonly encoding: SupportedEncoding;
  /** Text of the next chunk; a character split between chunks comes out whole with the later one. */
  decode(chunk: Uint8Array): string;
  /** The rest (an incomplete character at the end of the file becomes U+FFFD). */
  end(): string;
}

/**
 * A decoder for a byte stream read in chunks. A byte-order mark of the encoding is dropped.
 * Bytes that are not valid in the encoding become U+FFFD: readers refuse cells holding it
 * (`import.encoding_invalid`) so that they can name the row.
 */
export function createDecoder(label: string): ChunkDecoder {
  const encoding = resolveEncoding(label);
  if (isLegacyEncoding(encoding)) {
    return { encoding, decode: (chunk) => decodeSingleByte(encoding, chunk), end: () => "" };
  }
  const decoder = new TextDecoder(encoding);
  return {
    encoding,
    decode: (chunk) => decoder.decode(chunk, { stream: true }),
    end: () => decoder.decode(),
  };
}
