import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { PublishedTargetProgress } from "../../../../core/schemas/targets";
import { useFormatters } from "../../../lib/use-formatters";

/** The words and numbers of one target row, in the current language. */
export function useTargetFormat() {
  const { t } = useTranslation();
  const format = useFormatters();
  return useMemo(() => {
    /** A target as set: 1550 → "15.5%", 1500 → "15%", 1525 → "15.25%". */
    const target = (basisPoints: number) => {
      const digits = basisPoints % 100 === 0 ? 0 : basisPoints % 10 === 0 ? 1 : 2;
      return t("web.targets.percent", { value: format.decimal(basisPoints / 100, digits) });
    };
    const ranks = (row: Pick<PublishedTargetProgress, "rankGroup">) =>
      row.rankGroup?.name ?? t("web.targets.allRanks");
    const current = (row: PublishedTargetProgress) =>
      (row.current && format.share(row.current.numerator, row.current.denominator)) ?? "—";
    const gap = (row: PublishedTargetProgress) => {
      if (row.gapPoints === null || row.gapPersons === null) return "—";
      if (row.gapPersons === 0) {
        return t("web.targets.gapAbove", {
          points: format.decimal(Math.max(0, -row.gapPoints), 1),
        });
      }
      return t("web.targets.gapBelow", {
        points: format.decimal(row.gapPoints, 1),
        persons: row.gapPersons,
        personsText: format.count(row.gapPersons),
      });
    };
    const expected = (row: PublishedTargetProgress) =>
      row.expectedShare === null || row.status === "met"
        ? null
        : t("web.targets.expected", { share: format.percent(row.expectedShare) });
    return { target, ranks, current, gap, expected, count: format.count, date: format.date };
  }, [t, format]);
}
