/**
 * Years of birth and service numbers as spreadsheets deliver them: numbers with a trailing ".0",
 * native digits, Buddhist Era years, birth dates where a year was asked for, and identifiers that
 * Excel has already destroyed (1.23E+11) and must not be loaded as if they were right.
 */
import type { YearEra } from "../schemas/personnel-import";
import { BUDDHIST_ERA_OFFSET, BUDDHIST_YEAR_FROM, parseDateCell } from "./dates";
import { isFormulaCell, type SourceCell } from "./table";
import { toAsciiDigits } from "./text-keys";

export type ValueParse<T, C extends string> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly code: C };

export type BirthYearErrorCode =
  | "required"
  | "formula_cell"
  | "invalid_birth_year"
  | "date_two_digit_year"
  | "date_era_mismatch"
  | "date_looks_buddhist";

export type ServiceNumberErrorCode =
  "required" | "formula_cell" | "too_long" | "service_number_mangled" | "invalid_service_number";

/** The earliest year of birth the register accepts (persons.birth_year). */
export const BIRTH_YEAR_MIN = 1900;
export const SERVICE_NUMBER_MAX = 40;
/** Excel keeps 15 significant digits: a longer number has lost its last digits. */
const EXCEL_EXACT_INTEGER_LIMIT = 1e15;

const YEAR = /^(\d{4})(?:\.0+)?$/;
const TWO_DIGITS = /^\d{2}$/;
const SCIENTIFIC = /^\d+(?:[.,]\d+)?[eE][+-]\d+$/;
const FLOAT_ARTIFACT = /^([1-9]\d*)\.0+$/;
/** Most service numbers: plain letters, digits and dashes, nothing to clean. */
const PLAIN = /^[0-9A-Za-z][0-9A-Za-z/-]{0,39}$/;
const WHITESPACE = /\s+/g;
const CONTROL = /\p{Cc}/u;

const failure = <C extends string>(code: C) => Object.freeze({ ok: false as const, code });
const REQUIRED = failure("required");
const FORMULA = failure("formula_cell");
const INVALID_YEAR = failure("invalid_birth_year");
const TWO_DIGIT_YEAR = failure("date_two_digit_year");
const ERA_MISMATCH = failure("date_era_mismatch");
const LOOKS_BUDDHIST = failure("date_looks_buddhist");
const TOO_LONG = failure("too_long");
const MANGLED = failure("service_number_mangled");
const INVALID_SERVICE_NUMBER = failure("invalid_service_number");

export type BirthYearParse = ValueParse<number, BirthYearErrorCode>;

function inRange(year: number, today: string): BirthYearParse {
  const thisYear = Number(today.slice(0, 4));
  return year >= BIRTH_YEAR_MIN && year <= thisYear ? { ok: true, value: year } : INVALID_YEAR;
}

/** A year written by a person: Buddhist Era exactly when the import says so. */
function fromTypedYear(year: number, era: YearEra, today: string): BirthYearParse {
  if (year >= BUDDHIST_YEAR_FROM) {
    return era === "buddhist" ? inRange(year - BUDDHIST_ERA_OFFSET, today) : LOOKS_BUDDHIST;
  }
  return era === "buddhist" ? ERA_MISMATCH : inRange(year, today);
}

/** A birth date where a year was expected: its year, in either day/month order. */
function fromBirthDate(cell: SourceCell, era: YearEra, today: string): BirthYearParse {
  let result = parseDateCell(cell, { format: "dmy", era });
  if (!result.ok && result.code === "date_order_mismatch") {
    result = parseDateCell(cell, { format: "mdy", era });
  }
  if (result.ok) return inRange(Number(result.date.slice(0, 4)), today);
  switch (result.code) {
    case "date_two_digit_year":
      return TWO_DIGIT_YEAR;
    case "date_era_mismatch":
      return ERA_MISMATCH;
    case "date_looks_buddhist":
      return LOOKS_BUDDHIST;
    case "required":
      return REQUIRED;
    case "formula_cell":
      return FORMULA;
    case "invalid_date":
    case "date_year_only":
    case "date_ambiguous":
    case "date_order_mismatch":
      return INVALID_YEAR;
  }
}

/**
 * A year of birth between 1900 and the year of `today` (ISO, from the caller: core has no clock):
 * 1985, "1985", "1985.0", "๒๕๒๘" under era buddhist, or a birth date (its year). Two-digit years
 * are refused: the century is never guessed.
 */
export function parseBirthYear(cell: SourceCell, era: YearEra, today: string): BirthYearParse {
  if (cell === null) return REQUIRED;
  if (typeof cell === "boolean") return INVALID_YEAR;
  if (typeof cell === "number") {
    if (Number.isInteger(cell) && cell >= 1000 && cell < 10_000)
      return fromTypedYear(cell, era, today);
    return fromBirthDate(cell, era, today);
  }
  if (typeof cell === "object")
    return isFormulaCell(cell) ? FORMULA : fromBirthDate(cell, era, today);
  const text = toAsciiDigits(cell.trim());
  if (text === "") return REQUIRED;
  const year = YEAR.exec(text);
  if (year) return fromTypedYear(Number(year[1]), era, today);
  if (TWO_DIGITS.test(text)) return TWO_DIGIT_YEAR;
  return fromBirthDate(text, era, today);
}

/**
 * A service number as text: trimmed, inner whitespace collapsed, native digits as ASCII, leading
 * zeros kept. Numeric cells become integer text ("1234", never "1234.0"); values Excel has already
 * damaged (scientific notation, more than 15 digits, a cell turned into a date) are refused with
 * `service_number_mangled`, because loading them would merge or invent persons.
 */
export function parseServiceNumber(cell: SourceCell): ValueParse<string, ServiceNumberErrorCode> {
  if (cell === null) return REQUIRED;
  if (typeof cell === "boolean") return INVALID_SERVICE_NUMBER;
  if (typeof cell === "number") {
    if (!Number.isInteger(cell) || cell < 0 || cell >= EXCEL_EXACT_INTEGER_LIMIT) return MANGLED;
    return { ok: true, value: String(cell) };
  }
  if (typeof cell === "object") return isFormulaCell(cell) ? FORMULA : MANGLED;
  if (PLAIN.test(cell) && !SCIENTIFIC.test(cell)) return { ok: true, value: cell };
  const text = toAsciiDigits(cell.normalize("NFC").replace(WHITESPACE, " ").trim());
  if (text === "") return REQUIRED;
  if (CONTROL.test(text)) return INVALID_SERVICE_NUMBER;
  if (SCIENTIFIC.test(text)) return MANGLED;
  if (text.length > SERVICE_NUMBER_MAX) return TOO_LONG;
  const float = FLOAT_ARTIFACT.exec(text);
  return { ok: true, value: float?.[1] ?? text };
}
