import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import {
  formatCount,
  formatDecimal,
  formatIsoDate,
  formatPercent,
  formatShare,
  type DateWords,
} from "./format";

const monthKeys = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
] as const;

/** Number, share, date and month formatters bound to the current UI language. */
export function useFormatters() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(() => {
    const words: DateWords = {
      months: monthKeys.map((key) => t(`web.date.months.${key}`)),
      longDate: (parts) => t("web.date.long", parts),
    };
    const monthName = (number: number) => words.months[number - 1] ?? words.months[0] ?? "";
    return {
      count: (value: number) => formatCount(locale, value),
      share: (numerator: number, denominator: number) =>
        formatShare(locale, numerator, denominator),
      date: (isoDate: string) => formatIsoDate(locale, isoDate, words),
      /** `YYYY-MM` as "May 2024", the month's name from the catalog. */
      month: (yearMonth: string) =>
        `${monthName(Number(yearMonth.slice(5, 7)))} ${yearMonth.slice(0, 4)}`,
      percent: (fraction: number) => formatPercent(locale, fraction),
      decimal: (value: number, digits: number) => formatDecimal(locale, value, digits),
    };
  }, [locale, t]);
}
