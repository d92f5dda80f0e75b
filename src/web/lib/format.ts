/**
 * Presentation of numbers and dates in the user's locale, through Intl. Browsers do not all carry
 * Intl data for Khmer and Kazakh (Chromium falls back to English month names and separators), so
 * separators come from CLDR below and month names are checked against the catalog.
 */

interface NumberSymbols {
  readonly group: string;
  readonly decimal: string;
}

/** CLDR number symbols of the supported languages. */
const numberSymbols: Readonly<Record<string, NumberSymbols>> = {
  en: { group: ",", decimal: "." },
  km: { group: ",", decimal: "." },
  vi: { group: ".", decimal: "," },
  th: { group: ",", decimal: "." },
  ru: { group: "\u00a0", decimal: "," },
  kk: { group: "\u00a0", decimal: "," },
};

function formatNumber(locale: string, value: number, options?: Intl.NumberFormatOptions): string {
  const symbols = numberSymbols[locale];
  return new Intl.NumberFormat(locale, options)
    .formatToParts(value)
    .map((part) => {
      if (symbols && part.type === "group") return symbols.group;
      if (symbols && part.type === "decimal") return symbols.decimal;
      return part.value;
    })
    .join("");
}

/** Tenths of a percent of numerator / denominator, rounded half away from zero (counts ≥ 0). */
export function toTenthsOfPercent(numerator: number, denominator: number): number {
  return Math.floor((2000 * numerator + denominator) / (2 * denominator));
}

export function formatCount(locale: string, value: number): string {
  return formatNumber(locale, value);
}

/** "12.3%" for 123 / 1000 in English; null when the denominator is 0. */
export function formatShare(locale: string, numerator: number, denominator: number): string | null {
  if (denominator <= 0) return null;
  return formatNumber(locale, toTenthsOfPercent(numerator, denominator) / 1000, {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
}

/**
 * A fraction (0.123) as a percentage with one decimal ("12.3%"), for values that do not come as two
 * counts: projected shares, rates, interval bounds, targets. Shares of counts use `formatShare`.
 */
export function formatPercent(locale: string, fraction: number): string {
  return formatNumber(locale, fraction, {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
}

/** A number with exactly `digits` decimals in the locale ("0.87", "0,87"): ratios, indices, years. */
export function formatDecimal(locale: string, value: number, digits: number): string {
  return formatNumber(locale, value, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** The catalog's words for dates, used when the browser has no Intl data for the language. */
export interface DateWords {
  /** January first, in the form used inside a date ("ноября", not "ноябрь"). */
  readonly months: readonly string[];
  readonly longDate: (parts: { day: string; month: string; year: string }) => string;
}

/** A calendar date (YYYY-MM-DD) written out in the locale, e.g. "November 23, 2025". */
export function formatIsoDate(locale: string, isoDate: string, words: DateWords): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const intl = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
  const month = words.months[date.getUTCMonth()] ?? "";
  const intlMonth = intl.formatToParts(date).find((part) => part.type === "month")?.value ?? "";
  if (intlMonth.toLocaleLowerCase(locale) === month.toLocaleLowerCase(locale)) {
    return intl.format(date);
  }
  return words.longDate({
    day: String(date.getUTCDate()),
    month,
    year: String(date.getUTCFullYear()),
  });
}

/**
 * The 24 months (`YYYY-MM`) up to the month of `today` (YYYY-MM-DD), newest first; or, without the
 * current month, the 24 complete months before it.
 */
export function recentMonths(today: string, options: { includeCurrent: boolean }): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const newest = options.includeCurrent ? month - 1 : month - 2;
  return Array.from({ length: 24 }, (_, i) =>
    new Date(Date.UTC(year, newest - i, 1)).toISOString().slice(0, 7),
  );
}

/** Today's date in the browser's time zone, as YYYY-MM-DD. */
export function todayIsoDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
