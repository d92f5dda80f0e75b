import type { TargetProgress } from "../schemas/targets";
import { literal, numberCell, text, type NumberCell, type ReportTable } from "./report-model";

/**
 * Representation targets in the report's scope on its as-of date: unit, rank group, year, target
 * share, share of women, gap in percentage points and status (docs/indicators.md §1.6).
 *
 * External report: the targets service counts without disclosure control, so the share and gap
 * are withheld (a share over a known-sex total that another table publishes would reveal the
 * count of women), and the status is shown only when neither the women nor the others of known sex
 * number 1 to k − 1 (a status narrows the share down to one side of the target).
 */
export function targetsTable(targets: readonly TargetProgress[], k: number | null): ReportTable {
  const isSmall = (n: number) => k !== null && n >= 1 && n < k;
  return {
    id: "targets",
    header: [
      "unit",
      "rank_group",
      "target_year",
      "target_share",
      "share_women",
      "gap_points",
      "status",
    ].map((c) => text(`reports.columns.${c}`)),
    rows: targets.map((target) => {
      const { F, M, X } = target.current.counts;
      const isWithheld = k !== null;
      const isStatusWithheld = isSmall(F) || isSmall(M + X);
      const withheld = (format: NumberCell["format"]) =>
        numberCell(format, null, { suppression: "derived" });
      const reason = { suppression: null, reason: target.reason ?? "empty_denominator" };
      return {
        cells: [
          { kind: "text", text: literal(`${target.unit.name} (${target.unit.code})`) },
          {
            kind: "text",
            text:
              target.rankGroup === null ? text("reports.allRanks") : literal(target.rankGroup.name),
          },
          { kind: "text", text: literal(String(target.targetYear)) },
          numberCell("share", target.shareBasisPoints / 10_000, { suppression: null }),
          isWithheld ? withheld("share") : numberCell("share", target.current.value, reason),
          isWithheld ? withheld("share") : numberCell("points", target.gapPoints, reason),
          isStatusWithheld
            ? { kind: "text", text: literal("x") }
            : {
                kind: "text",
                text: text(
                  `reports.targetStatus.${target.status ?? target.reason ?? "empty_denominator"}`,
                ),
              },
        ],
        isTotal: false,
      };
    }),
    disclosure: null,
  };
}
