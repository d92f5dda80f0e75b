/**
 * The legacy single-byte code pages an import reads (windows-1252 Latin, windows-1251 Cyrillic,
 * windows-874 Thai, windows-1258 Vietnamese): decoding by table, and how plausible a sample of
 * bytes is as text of each, to guess which one a file was saved in.
 */
import { legacyEncodings } from "../schemas/personnel-import";

export type LegacyEncoding = (typeof legacyEncodings)[number];

export function isLegacyEncoding(encoding: string): encoding is LegacyEncoding {
  return (legacyEncodings as readonly string[]).includes(encoding);
}

/**
 * windows-1252 bytes 0x80–0x9F (€, curly quotes, dashes, Œ, Š …): Node 20's TextDecoder reads
 * them as ISO-8859-1 control codes, so they are spelled out here (U+FFFD: undefined).
 */
const windows1252High = "€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ";

const tables = new Map<LegacyEncoding, string[]>();

/**
 * Byte → character of a code page. Bytes the code page leaves undefined give U+FFFD, whatever
 * Node's TextDecoder makes of them (it drops some, turns windows-874's into private-use
 * characters and others into C1 control codes, which real text never holds).
 */
function characters(encoding: LegacyEncoding): string[] {
  let table = tables.get(encoding);
  if (!table) {
    const decoder = new TextDecoder(encoding);
    table = Array.from({ length: 256 }, (_, byte) => {
      const char =
        encoding === "windows-1252" && byte >= 0x80 && byte < 0xa0
          ? windows1252High.charAt(byte - 0x80)
          : decoder.decode(Uint8Array.of(byte));
      const code = char.length === 1 ? char.charCodeAt(0) : 0xfffd;
      const isUndefined = (code >= 0x80 && code < 0xa0) || (code >= 0xe000 && code < 0xf900);
      return isUndefined ? "\uFFFD" : String.fromCharCode(code);
    });
    tables.set(encoding, table);
  }
  return table;
}

const codeTables = new Map<LegacyEncoding, Uint16Array>();
const isLittleEndian = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
const utf16 = new TextDecoder(isLittleEndian ? "utf-16le" : "utf-16be");

/** Text of `bytes` in a code page (each byte is one character, so chunks need no carry-over). */
export function decodeSingleByte(encoding: LegacyEncoding, bytes: Uint8Array): string {
  let codes = codeTables.get(encoding);
  if (!codes) {
    codes = Uint16Array.from(characters(encoding), (char) => char.charCodeAt(0));
    codeTables.set(encoding, codes);
  }
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) units[i] = codes[bytes[i] ?? 0] ?? 0xfffd;
  return utf16.decode(units);
}

const scripts: Readonly<Record<LegacyEncoding, RegExp>> = {
  "windows-1252": /\p{Script=Latin}/u,
  "windows-1251": /\p{Script=Cyrillic}/u,
  "windows-874": /\p{Script=Thai}/u,
  "windows-1258": /\p{Script=Latin}/u,
};

/** Letters a code page can produce but that real text in its languages (almost) never uses. */
const implausibleLetters: Readonly<Partial<Record<LegacyEncoding, RegExp>>> = {
  "windows-1252": /[ÐðÞþ]/u,
};

/** What each byte reads as, for scoring. */
const WORD = 1;
const FOREIGN = 2;
const IN_SCRIPT = 4;
const ASCII_LETTER = 8;
const LOWER = 16;
const FOREIGN_CAPITAL = 32;
const IMPLAUSIBLE = 64;
const NOISE = 128;
const MARK = 256;

const classTables = new Map<LegacyEncoding, Uint16Array>();

function byteClasses(encoding: LegacyEncoding): Uint16Array {
  let table = classTables.get(encoding);
  if (!table) {
    const script = scripts[encoding];
    const implausible = implausibleLetters[encoding];
    table = Uint16Array.from(characters(encoding), (char) => {
      const code = char.charCodeAt(0);
      const isLetter = /\p{L}/u.test(char);
      const isMark = /\p{M}/u.test(char);
      const isNoise = code === 0xfffd || code < 0x09 || (code > 0x0d && code < 0x20);
      return (
        (isLetter || isMark ? WORD : 0) |
        (code > 0x7f ? FOREIGN : 0) |
        (isMark || (isLetter && script.test(char)) ? IN_SCRIPT : 0) |
        (isLetter && code < 0x80 ? ASCII_LETTER : 0) |
        (/\p{Ll}/u.test(char) ? LOWER : 0) |
        (code > 0x7f && /\p{Lu}|\p{Lt}/u.test(char) ? FOREIGN_CAPITAL : 0) |
        (implausible?.test(char) ? IMPLAUSIBLE : 0) |
        (isNoise ? NOISE : 0) |
        (isMark ? MARK : 0)
      );
    });
    classTables.set(encoding, table);
  }
  return table;
}

/**
 * How much `sample` looks like text of the code page's languages: each word (a run of letters
 * and combining marks) holding non-ASCII characters adds their number when the word is
 * plausible and subtracts it otherwise; undefined bytes and control codes subtract 2 each.
 * Plausible: every letter of the expected script; no non-ASCII capital right after a small
 * letter (Vietnamese tone marks read as windows-1252 give "NguyêÞn", Thai read as windows-1251
 * "гЁґХ"); in Latin, at least one ASCII letter or a single letter (Cyrillic read as windows-1252
 * gives words made only of accented letters); in Cyrillic and Thai, no ASCII letter.
 */
export function plausibility(encoding: LegacyEncoding, sample: Uint8Array): number {
  const classes = byteClasses(encoding);
  const isLatin = scripts[encoding].source.includes("Latin");
  let score = 0;
  let [foreign, asciiLetters, letters, isPlausible, wasLower] = [0, 0, 0, true, false];
  const endWord = () => {
    if (foreign > 0) {
      const fits = isLatin ? asciiLetters > 0 || letters === 1 : asciiLetters === 0;
      score += isPlausible && fits ? foreign : -foreign;
    }
    [foreign, asciiLetters, letters, isPlausible, wasLower] = [0, 0, 0, true, false];
  };
  for (const byte of sample) {
    const kind = classes[byte] ?? 0;
    if (!(kind & WORD)) {
      endWord();
      if (kind & NOISE) score -= 2;
      continue;
    }
    if (kind & FOREIGN) foreign++;
    if (!(kind & MARK)) letters++;
    if (kind & ASCII_LETTER) asciiLetters++;
    if (!(kind & (IN_SCRIPT | ASCII_LETTER)) || kind & IMPLAUSIBLE) isPlausible = false;
    if (wasLower && kind & FOREIGN_CAPITAL) isPlausible = false;
    wasLower = (kind & LOWER) !== 0;
  }
  endWord();
  return score;
}
