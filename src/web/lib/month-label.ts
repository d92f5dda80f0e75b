import { useCallback } from "react";
import { useTranslation } from "react-i18next";

const MONTH_KEYS = [
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

/** `YYYY-MM` as "May 2024" with the month's name from the catalog (`web.date.months.*`). */
export function useMonthLabel(): (month: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (month: string) =>
      `${t(`web.date.months.${MONTH_KEYS[Number(month.slice(5, 7)) - 1] ?? "january"}`)} ${month.slice(0, 4)}`,
    [t],
  );
}
