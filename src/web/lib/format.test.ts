import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { locales } from "../../core/schemas/auth";
import {
  formatCount,
  formatDecimal,
  formatIsoDate,
  formatPercent,
  formatShare,
  toTenthsOfPercent,
  recentMonths,
  todayIsoDate,
  type DateWords,
} from "./format";

interface DateCatalog {
  web: { date: { long: string; months: Record<string, string> } };
}

const monthsOf = (locale: string) => {
  const url = new URL(`../../locales/${locale}.json`, import.meta.url);
  return Object.values((JSON.parse(fs.readFileSync(url, "utf8")) as DateCatalog).web.date.months);
};

const fallbackWords = (months: string[]): DateWords => ({
  months,
  longDate: ({ day, month, year }) => `${day}|${month}|${year}`,
});

describe("toTenthsOfPercent", () => {
  it("rounds exact halves away from zero, where floating point would round down", () => {
    // 247 / 2000 is exactly 12.35%, which (247 / 2000 * 100).toFixed(1) writes as "12.3".
    expect(toTenthsOfPercent(247, 2000)).toBe(124);
    expect(toTenthsOfPercent(1, 16)).toBe(63);
    expect(toTenthsOfPercent(12, 98)).toBe(122);
    expect(toTenthsOfPercent(0, 5)).toBe(0);
    expect(toTenthsOfPercent(5, 5)).toBe(1000);
  });
});

describe("formatShare and formatCount", () => {
  it("writes one decimal in the locale's percent format", () => {
    expect(formatShare("en", 247, 2000)).toBe("12.4%");
    expect(formatShare("en", 0, 4)).toBe("0.0%");
    expect(formatShare("ru", 1, 16)).toBe("6,3\u00a0%");
    expect(formatShare("kk", 1, 16)).toBe("6,3%");
  });

  it("has no value for an empty denominator", () => {
    expect(formatShare("en", 0, 0)).toBeNull();
  });

  it("groups digits with the language's CLDR separators", () => {
    expect(formatCount("en", 12345)).toBe("12,345");
    expect(formatCount("vi", 12345)).toBe("12.345");
    expect(formatCount("kk", 12345)).toBe("12\u00a0345");
  });
});

describe("formatIsoDate", () => {
  it("uses Intl when its month names agree with the catalog, without shifting the day", () => {
    expect(formatIsoDate("en", "2025-01-01", fallbackWords(monthsOf("en")))).toBe(
      "January 1, 2025",
    );
  });

  it("falls back to the catalog's words when the browser's Intl data lacks the language", () => {
    const months = monthsOf("en").map((month) => `${month}*`);
    expect(formatIsoDate("en", "2025-11-23", fallbackWords(months))).toBe("23|November*|2025");
  });

  it.each(locales)("%s.json names the months as CLDR does (Node's full ICU)", (locale) => {
    const intl = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
    const cldr = Array.from(
      { length: 12 },
      (_, month) =>
        intl.formatToParts(new Date(Date.UTC(2025, month, 5))).find((p) => p.type === "month")
          ?.value,
    );
    expect(monthsOf(locale)).toEqual(cldr);
  });

  it("gives today's date in local time", () => {
    expect(todayIsoDate(new Date(2025, 0, 9, 23, 59))).toBe("2025-01-09");
  });

  it("lists 24 months newest first, with or without the current one, across years", () => {
    const withCurrent = recentMonths("2025-02-14", { includeCurrent: true });
    expect(withCurrent).toHaveLength(24);
    expect(withCurrent.slice(0, 3)).toEqual(["2025-02", "2025-01", "2024-12"]);
    expect(withCurrent.at(-1)).toBe("2023-03");
    const complete = recentMonths("2025-02-14", { includeCurrent: false });
    expect(complete).toHaveLength(24);
    expect(complete.slice(0, 2)).toEqual(["2025-01", "2024-12"]);
    expect(complete.at(-1)).toBe("2023-02");
  });
});

describe("formatPercent and formatDecimal", () => {
  it("writes a fraction as a percentage with one decimal in the locale", () => {
    expect(formatPercent("en", 0.1234)).toBe("12.3%");
    expect(formatPercent("vi", 0.5)).toBe("50,0%");
    expect(formatPercent("ru", 0.0625)).toBe("6,3\u00a0%");
  });

  it("writes exactly the asked number of decimals", () => {
    expect(formatDecimal("en", 0.8666, 2)).toBe("0.87");
    expect(formatDecimal("kk", 1234.5, 1)).toBe("1\u00a0234,5");
    expect(formatDecimal("en", 3, 2)).toBe("3.00");
  });
});
