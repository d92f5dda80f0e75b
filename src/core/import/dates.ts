/**
 * Dates in the shapes HR exports carry them: ISO, day/month/year or month/day/year (the order is
 * chosen or detected, never guessed), Excel date cells and serial numbers, compact YYYYMMDD,
 * English and Thai month names, native digits, and Thai Buddhist Era years by a per-import setting.
 */
import type { z } from "zod";
import type { DateFormat, YearEra, detectedDateFormat } from "../schemas/personnel-import";
import { isFormulaCell, type SourceCell } from "./table";
import { toAsciiDigits } from "./text-keys";

export type DetectedDateFormat = z.infer<typeof detectedDateFormat>;
/** The order text dates are read in; year-first dates are read whatever the order. */
export type DateOrder = Exclude<DateFormat, "auto">;

export interface DateReadOptions {
  readonly format: DateOrder;
  readonly era: YearEra;
}

export type DateErrorCode =
  | "required"
  | "formula_cell"
  | "invalid_date"
  | "date_year_only"
  | "date_two_digit_year"
  | "date_ambiguous"
  | "date_order_mismatch"
  | "date_era_mismatch"
  | "date_looks_buddhist";

export type DateParse =
  | { readonly ok: true; readonly date: string }
  | { readonly ok: false; readonly code: DateErrorCode };

export const BUDDHIST_ERA_OFFSET = 543;
/** Years from 2400 on are Buddhist Era (2400 BE is 1857 CE); no HR record is dated 2400 CE. */
export const BUDDHIST_YEAR_FROM = 2400;
/** Excel's largest date, 9999-12-31. */
export const EXCEL_SERIAL_MAX = 2_958_465;
/** Excel counts a 29 February 1900 that never was (Lotus 1-2-3's bug): serial 60. */
const EXCEL_PHANTOM_LEAP_DAY = 60;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?: ?[AaPp][Mm])?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`);
const DAY_OR_MONTH_FIRST = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d+)${TIME}$`);
const DATE_CELL = /^(\d{4})-(\d{2})-(\d{2})/;
const NUMERIC = /^\d+(?:\.\d+)?$/;
const DAY_NAMED_MONTH = /^(\d{1,2})[\s\-/.]*([\p{L}\p{M}][\p{L}\p{M}.]*?)[\s\-/.,]*(\d+)$/u;
const NAMED_MONTH_DAY = /^([\p{L}\p{M}][\p{L}\p{M}.]*?)\s*(\d{1,2}),?\s+(\d+)$/u;
const DOTS = /\./g;

const MONTH_NAMES: readonly (readonly string[])[] = [
  ["jan", "january", "มกราคม", "มค"],
  ["feb", "february", "กุมภาพันธ์", "กพ"],
  ["mar", "march", "มีนาคม", "มีค"],
  ["apr", "april", "เมษายน", "เมย"],
  ["may", "พฤษภาคม", "พค"],
  ["jun", "june", "มิถุนายน", "มิย"],
  ["jul", "july", "กรกฎาคม", "กค"],
  ["aug", "august", "สิงหาคม", "สค"],
  ["sep", "sept", "september", "กันยายน", "กย"],
  ["oct", "october", "ตุลาคม", "ตค"],
  ["nov", "november", "พฤศจิกายน", "พย"],
  ["dec", "december", "ธันวาคม", "ธค"],
];
const MONTHS = new Map(MONTH_NAMES.flatMap((names, i) => names.map((name) => [name, i + 1])));

const fail = (code: DateErrorCode): DateParse => Object.freeze({ ok: false, code });
const REQUIRED = fail("required");
const FORMULA = fail("formula_cell");
const INVALID = fail("invalid_date");
const YEAR_ONLY = fail("date_year_only");
const TWO_DIGIT_YEAR = fail("date_two_digit_year");
const AMBIGUOUS = fail("date_ambiguous");
const ORDER_MISMATCH = fail("date_order_mismatch");
const ERA_MISMATCH = fail("date_era_mismatch");
const LOOKS_BUDDHIST = fail("date_looks_buddhist");

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1] ?? 0;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * A calendar date from its parts. `isTyped`: the year was written by a person (text), so it must
 * be in the chosen era; a date cell or serial holds a real date, which a Thai Excel merely shows in
 * Buddhist Era, unless its year is 2400 or later (BE typed into a Gregorian Excel).
 */
function fromParts(
  year: number,
  month: number,
  day: number,
  era: YearEra,
  isTyped: boolean,
): DateParse {
  if (month < 1 || month > 12 || day < 1 || day > 31) return INVALID;
  let gregorian = year;
  if (year >= BUDDHIST_YEAR_FROM) {
    if (era === "gregorian") return LOOKS_BUDDHIST;
    gregorian = year - BUDDHIST_ERA_OFFSET;
  } else if (era === "buddhist" && isTyped) {
    return ERA_MISMATCH;
  }
  if (gregorian < 1000 || day > daysInMonth(gregorian, month)) return INVALID;
  return { ok: true, date: `${gregorian}-${pad2(month)}-${pad2(day)}` };
}

function fromYearText(yearText: string): number | DateParse {
  if (yearText.length === 2) return TWO_DIGIT_YEAR;
  return yearText.length === 4 ? Number(yearText) : INVALID;
}

function fromDayOrMonthFirst(
  a: number,
  b: number,
  yearText: string,
  options: DateReadOptions,
): DateParse {
  const year = fromYearText(yearText);
  if (typeof year !== "number") return year;
  if (options.format === "iso") return AMBIGUOUS;
  const isDayFirst = options.format === "dmy";
  const result = fromParts(year, isDayFirst ? b : a, isDayFirst ? a : b, options.era, true);
  if (result === INVALID && a !== b) {
    const swapped = fromParts(year, isDayFirst ? a : b, isDayFirst ? b : a, options.era, true);
    if (swapped.ok) return ORDER_MISMATCH;
  }
  return result;
}

function fromNamedMonth(
  dayText: string,
  monthText: string,
  yearText: string,
  era: YearEra,
): DateParse {
  const month = MONTHS.get(monthText.toLowerCase().replace(DOTS, ""));
  if (month === undefined) return INVALID;
  const year = fromYearText(yearText);
  if (typeof year !== "number") return year;
  return fromParts(year, month, Number(dayText), era, true);
}

/** A number cell or numeric text: compact YYYYMMDD, a bare year (refused) or an Excel serial. */
function fromNumber(value: number, era: YearEra): DateParse {
  if (!Number.isFinite(value)) return INVALID;
  if (Number.isInteger(value) && value >= 10_000_000 && value <= 99_999_999) {
    const month = Math.floor(value / 100) % 100;
    return fromParts(Math.floor(value / 10_000), month, value % 100, era, true);
  }
  if (value >= 1000 && value < 10_000) return YEAR_ONLY;
  const serial = Math.floor(value);
  if (serial < 1 || serial > EXCEL_SERIAL_MAX || serial === EXCEL_PHANTOM_LEAP_DAY) return INVALID;
  const day = new Date(
    EXCEL_EPOCH_MS + (serial < EXCEL_PHANTOM_LEAP_DAY ? serial + 1 : serial) * DAY_MS,
  );
  return fromParts(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), era, false);
}

function fromText(text: string, options: DateReadOptions): DateParse {
  let match = YEAR_FIRST.exec(text);
  if (match)
    return fromParts(Number(match[1]), Number(match[3]), Number(match[4]), options.era, true);
  match = DAY_OR_MONTH_FIRST.exec(text);
  if (match)
    return fromDayOrMonthFirst(Number(match[1]), Number(match[3]), match[4] ?? "", options);
  if (NUMERIC.test(text)) return fromNumber(Number(text), options.era);
  match = DAY_NAMED_MONTH.exec(text);
  if (match) return fromNamedMonth(match[1] ?? "", match[2] ?? "", match[3] ?? "", options.era);
  match = NAMED_MONTH_DAY.exec(text);
  if (match) return fromNamedMonth(match[2] ?? "", match[1] ?? "", match[3] ?? "", options.era);
  return INVALID;
}

/**
 * Reads one cell as a calendar date (`YYYY-MM-DD`, Gregorian). Text in day/month order needs
 * `format` dmy or mdy (with `iso` it is `date_ambiguous`); a value that is only valid in the other
 * order is `date_order_mismatch`. Two-digit years are refused: the century is never guessed.
 */
export function parseDateCell(cell: SourceCell, options: DateReadOptions): DateParse {
  if (cell === null) return REQUIRED;
  if (typeof cell === "number") return fromNumber(cell, options.era);
  if (typeof cell === "boolean") return INVALID;
  if (typeof cell === "object") {
    if (isFormulaCell(cell)) return FORMULA;
    const match = DATE_CELL.exec(cell.date);
    if (!match) return INVALID;
    return fromParts(Number(match[1]), Number(match[2]), Number(match[3]), options.era, false);
  }
  const text = toAsciiDigits(cell.trim());
  return text === "" ? REQUIRED : fromText(text, options);
}

/**
 * The day/month order of text dates, from samples: `dmy` when some first part is over 12, `mdy`
 * when some second part is, `ambiguous` when no sample tells (all parts ≤ 12) or samples
 * contradict each other, `iso` when only order-free dates (year first, month names) were seen,
 * `none` when no sample is a date.
 */
export function detectDateFormat(samples: readonly string[]): DetectedDateFormat {
  let isDayFirst = false;
  let isMonthFirst = false;
  let isUndecided = false;
  let isOrderFree = false;
  for (const sample of samples) {
    const text = toAsciiDigits(sample.trim());
    const match = DAY_OR_MONTH_FIRST.exec(text);
    if (match) {
      const [a, b] = [Number(match[1]), Number(match[3])];
      if (a > 12 && a <= 31 && b >= 1 && b <= 12) isDayFirst = true;
      else if (b > 12 && b <= 31 && a >= 1 && a <= 12) isMonthFirst = true;
      else if (a <= 12 && b <= 12) isUndecided = true;
    } else if (YEAR_FIRST.test(text) || DAY_NAMED_MONTH.test(text) || NAMED_MONTH_DAY.test(text)) {
      isOrderFree = true;
    }
  }
  if (isDayFirst && isMonthFirst) return "ambiguous";
  if (isDayFirst) return "dmy";
  if (isMonthFirst) return "mdy";
  if (isUndecided) return "ambiguous";
  return isOrderFree ? "iso" : "none";
}

/** The order to read with: the one chosen, or under `auto` the detected one; never a guess. */
export function resolveDateFormat(
  chosen: DateFormat,
  detected: DetectedDateFormat,
):
  | { readonly ok: true; readonly format: DateOrder }
  | { readonly ok: false; readonly code: "date_format_required" } {
  if (chosen !== "auto") return { ok: true, format: chosen };
  if (detected === "ambiguous") return { ok: false, code: "date_format_required" };
  return { ok: true, format: detected === "none" ? "iso" : detected };
}
