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

/** Number, share and date formatters bound to the current UI language. */
export function useFormatters() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(() => {
    const words: DateWords = {
      months: monthKeys.map((key) => t(`web.date.months.${key}`)),
      longDate: (parts) => t("web.date.long", parts),
    };
    return {
      count: (value: number) => formatCount(locale, value),
      share: (numerator: number, denominator: number) =>
        formatShare(locale, numerator, denominator),
      date: (isoDate: string) => formatIsoDate(locale, isoDate, words),
      percent: (fraction: number) => formatPercent(locale, fraction),
      decimal: (value: number, digits: number) => formatDecimal(locale, value, digits),
    };
  }, [locale, t]);
}
