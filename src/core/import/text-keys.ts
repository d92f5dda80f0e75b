/**
 * Normalisation of the words people type in spreadsheets, so that values and headers compare the
 * way a reader would compare them: Unicode NFC, invisible characters dropped (Khmer text often
 * carries zero-width spaces between words), whitespace collapsed, case folded.
 */

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const WHITESPACE = /\s+/g;
/** Combining marks on a Latin letter (Vietnamese "ữ" = u + horn + tilde once decomposed). */
const LATIN_MARKS = /(\p{Script=Latin})\p{M}+/gu;
/** Thai, Khmer, Lao, Myanmar, Arabic-Indic and full-width digits; each block starts at a code point ending in 0. */
const NATIVE_DIGITS =
  /[\u0660-\u0669\u06F0-\u06F9\u0E50-\u0E59\u0ED0-\u0ED9\u1040-\u1049\u17E0-\u17E9\uFF10-\uFF19]/g;

const asciiDigit = (digit: string): string => String(digit.charCodeAt(0) & 0xf);

/** NFC, invisible characters removed, whitespace collapsed and trimmed, lower case. */
export function normaliseKey(text: string): string {
  return text.normalize("NFC").replace(INVISIBLE, "").replace(WHITESPACE, " ").trim().toLowerCase();
}

/**
 * Drops diacritics from Latin letters only ("Nữ" → "nu", "Đơn vị" → "don vi"). Marks in Thai,
 * Khmer and Cyrillic are letters of their own ("й", Thai vowels, Khmer subscripts) and are kept.
 */
export function foldLatinDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(LATIN_MARKS, "$1")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .normalize("NFC");
}

/** Native digits (Thai ๐–๙, Khmer ០–៩, Arabic-Indic, …) as ASCII 0–9; other characters unchanged. */
export function toAsciiDigits(text: string): string {
  return text.replace(NATIVE_DIGITS, asciiDigit);
}
