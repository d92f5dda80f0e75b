import type { TargetProgress } from "../../../../core/schemas/targets";
import { figureOf, type Figure } from "../../../components/figures/figure";
import type { TableModel } from "../../../components/figures/table-model";

/** Targets needing attention first: overdue, off track, undecided, on track, met; then by year. */
const statusRank: Record<string, number> = {
  overdue: 0,
  off_track: 1,
  undecided: 2,
  on_track: 3,
  met: 4,
};

export function sortTargets(targets: readonly TargetProgress[]): TargetProgress[] {
  const rankOf = (target: TargetProgress) => statusRank[target.status ?? "undecided"] ?? 2;
  return [...targets].sort(
    (a, b) =>
      rankOf(a) - rankOf(b) ||
      a.targetYear - b.targetYear ||
      a.unit.code.localeCompare(b.unit.code, "en", { numeric: true }),
  );
}

/**
 * The right end of a target gauge: the smallest multiple of 10% that leaves room above the
 * target, today's share and the share expected today (at least 10%, at most 100%).
 */
export function gaugeScale(...shares: readonly (number | null)[]): number {
  const top = Math.max(0, ...shares.filter((s): s is number => s !== null));
  return Math.min(1, Math.max(0.1, Math.ceil(top * 1.15 * 10 - 1e-9) / 10));
}

/** The target share as a fraction (1550 basis points is 0.155). */
export const targetShareOf = (target: TargetProgress) => target.shareBasisPoints / 10_000;

interface TargetTableLabels {
  readonly rowHeader: string;
  readonly allRanks: string;
  readonly columns: {
    readonly target: string;
    readonly year: string;
    readonly current: string;
    readonly expected: string;
    readonly gapPoints: string;
    readonly gapPersons: string;
    readonly status: string;
  };
  /** The word for a status, or for an undecided one its reason. */
  readonly statusText: (target: TargetProgress) => string;
}

const valueOr = (value: number | null, messageKey: string): Figure =>
  value === null ? { kind: "missing", messageKey } : { kind: "value", value };

/** Where each target stands, as a table: target, year, share today, expected share, gaps, status. */
export function targetsTable(
  targets: readonly TargetProgress[],
  labels: TargetTableLabels,
): TableModel {
  const { columns } = labels;
  const noValue = "web.dashboard.targets.noValue";
  return {
    rowHeader: labels.rowHeader,
    columns: [
      { id: "target", label: columns.target, kind: "percent" },
      { id: "year", label: columns.year, kind: "text" },
      {
        id: "current",
        label: columns.current,
        kind: "percent",
        definitionKey: "web.indicators.share_women",
      },
      { id: "expected", label: columns.expected, kind: "percent" },
      {
        id: "gapPoints",
        label: columns.gapPoints,
        kind: "points",
        definitionKey: "web.indicators.target_gap",
      },
      { id: "gapPersons", label: columns.gapPersons, kind: "count" },
      { id: "status", label: columns.status, kind: "text" },
    ],
    rows: sortTargets(targets).map((target) => ({
      id: String(target.id),
      header: `${target.unit.name} — ${target.rankGroup?.name ?? labels.allRanks}`,
      unitId: target.unit.id,
      cells: [
        { figure: { kind: "value", value: targetShareOf(target) } },
        { figure: { kind: "text", text: String(target.targetYear) } },
        {
          figure: figureOf({ ...target.current, suppression: null }),
          numerator: target.current.numerator,
          denominator: target.current.denominator,
        },
        { figure: valueOr(target.expectedShare, noValue) },
        { figure: valueOr(target.gapPoints, noValue) },
        { figure: valueOr(target.gapPersons, noValue) },
        { figure: { kind: "text", text: labels.statusText(target) } },
      ],
    })),
  };
}
