import type { IndicatorDefinition } from "../../../core/indicators/registry";
import type { IndicatorCell, RowDisaggregation } from "../../../core/schemas/indicators";
import { countBySex, type SexCounts } from "../../../core/stats/share";
import type { OutcomeCounts } from "../../../core/stats/community";
import { computeTimeToPromotion } from "../../../core/stats/time-to-promotion";
import {
  compareOrder,
  groupRows,
  type DimensionFields,
  type Dimensions,
  type Group,
} from "./breakdown";
import type { CommunityRow } from "./community-counts";
import {
  communityCell,
  flowCell,
  leaverCells,
  promotionTimeCell,
  rateRatioCell,
  stockCell,
} from "./indicator-cells";
import type {
  DimensionRow,
  LeaverDimensionRow,
  StintRow,
  TargetRow,
} from "./indicators.repository";

/** What the data layer fetched for one indicator, before it is broken down. */
export type CellInputs =
  | {
      readonly kind: "stock";
      readonly rows: readonly DimensionRow[];
      /** For `target_gap`: the targets of the subtree root and its children. */
      readonly targets?: readonly TargetRow[];
    }
  | { readonly kind: "stints"; readonly stints: readonly StintRow[] }
  | {
      readonly kind: "flow";
      readonly start: readonly DimensionRow[];
      readonly end: readonly DimensionRow[];
      readonly events: readonly DimensionRow[];
    }
  | {
      readonly kind: "leavers";
      readonly start: readonly DimensionRow[];
      readonly end: readonly DimensionRow[];
      readonly leavers: readonly LeaverDimensionRow[];
    }
  | { readonly kind: "community"; readonly rows: readonly CommunityRow[] };

const TOTAL: Group = { key: {}, labels: {}, order: [] };

type Dimensional = DimensionFields;

/** Community tallies by outcome, each by sex. */
function outcomesOf(rows: readonly CommunityRow[]): OutcomeCounts {
  const byOutcome = new Map<string, CommunityRow[]>();
  for (const row of rows) byOutcome.set(row.outcome, [...(byOutcome.get(row.outcome) ?? []), row]);
  return Object.fromEntries([...byOutcome].map(([outcome, list]) => [outcome, countBySex(list)]));
}

/** Splits each input list by breakdown group; every group of any list (or of `groups`) is kept. */
function split<T extends Dimensional>(
  lists: readonly (readonly T[])[],
  by: readonly RowDisaggregation[],
  dims: Dimensions,
  groups: readonly Group[],
): { group: Group; parts: T[][] }[] {
  const all = new Map<string, { group: Group; parts: T[][] }>();
  const entry = (group: Group) => {
    const id = JSON.stringify(group.key);
    const found = all.get(id) ?? { group, parts: lists.map(() => []) };
    all.set(id, found);
    return found;
  };
  for (const group of groups) entry(group);
  lists.forEach((list, index) => {
    for (const { group, rows } of groupRows(list, by, dims))
      entry(group).parts[index]?.push(...rows);
  });
  return [...all.values()].sort((a, b) => compareOrder(a.group.order, b.group.order));
}

function stintsToRows(stints: readonly StintRow[]): (StintRow & Dimensional)[] {
  return stints.map((s) => ({ ...s, roleId: null, age: null }));
}

/** The total and one cell per breakdown group for `definition`, from its fetched inputs. */
export function computeCells(
  definition: IndicatorDefinition,
  inputs: CellInputs,
  by: readonly RowDisaggregation[],
  dims: Dimensions,
  groups: readonly Group[],
  options: { readonly at: string },
): { total: IndicatorCell; rows: IndicatorCell[] } {
  const isTop = (row: Dimensional) =>
    row.rankId !== undefined && dims.ranks.get(row.rankId)?.isTopGroup === true;
  const unitIdByCode = new Map([...dims.units.values()].map((u) => [u.code, u.id]));
  /** The target that applies on the date: the first year not yet past, else the last one. */
  const targetOf = (group: Group): TargetRow | null => {
    const unitId = group.key.unit === undefined ? dims.rootId : unitIdByCode.get(group.key.unit);
    const rankGroup = group.key.rank_group ?? null;
    const year = Number(options.at.slice(0, 4));
    const candidates = (inputs.kind === "stock" ? (inputs.targets ?? []) : [])
      .filter((t) => t.unitId === unitId && t.rankGroupCode === rankGroup)
      .sort((a, b) => a.year - b.year);
    return candidates.find((t) => t.year >= year) ?? candidates.at(-1) ?? null;
  };
  const cellsFor = (group: Group, parts: readonly (readonly Dimensional[])[]): IndicatorCell[] => {
    const counts = (index: number): SexCounts =>
      countBySex((parts[index] ?? []) as unknown as readonly DimensionRow[]);
    switch (definition.input) {
      case "sex_counts":
        return [stockCell(group, counts(0), definition.compute(counts(0)) as never)];
      case "sex_counts_vs_reference": {
        const own = counts(0);
        const reference =
          definition.id === "glass_ceiling_index"
            ? countBySex((parts[0] ?? []).filter(isTop) as DimensionRow[])
            : totalCounts;
        return [stockCell(group, own, definition.compute(own, reference) as never)];
      }
      case "sex_counts_vs_target": {
        const target = targetOf(group);
        const own = counts(0);
        if (target === null) {
          return [
            {
              ...stockCell(group, own, { value: null }),
              numerator: null,
              denominator: null,
              reason: "no_target",
              details: {},
            },
          ];
        }
        const result = definition.compute(own, {
          numerator: target.shareBasisPoints,
          denominator: 10_000,
        });
        return [
          stockCell(group, own, {
            ...(result as object),
            targetYear: target.year,
          } as never),
        ];
      }
      case "rank_stints": {
        const stints = (parts[0] ?? []) as unknown as StintRow[];
        const result = computeTimeToPromotion(stints, options.at);
        const overall = computeTimeToPromotion(
          stints.map((s) => ({ ...s, sex: "U" as const })),
          options.at,
        ).bySex.U;
        return [promotionTimeCell(group, result, overall)];
      }
      case "flow": {
        const flow = { stockStart: counts(0), stockEnd: counts(1), events: counts(2) };
        const result = definition.compute(flow);
        return "bySex" in (result as object)
          ? [flowCell(group, result as never)]
          : [rateRatioCell(group, flow.events, result as never)];
      }
      case "outcomes": {
        const rows = (parts[0] ?? []) as CommunityRow[];
        return [communityCell(group, definition.compute(outcomesOf(rows)) as never)];
      }
      case "durations": {
        const rows = (parts[0] ?? []) as CommunityRow[];
        const durations = rows.flatMap((row) =>
          row.outcome === "resolved" && row.days !== null
            ? [{ days: row.days, sex: row.sex, count: row.count }]
            : [],
        );
        const open = countBySex(rows.filter((row) => row.outcome === "open"));
        return [communityCell(group, definition.compute(durations, open) as never)];
      }
      case "leavers": {
        const leavers = (parts[2] ?? []) as LeaverDimensionRow[];
        const result = definition.compute(leavers, { stockStart: counts(0), stockEnd: counts(1) });
        return leaverCells(group, result as never);
      }
    }
  };
  const lists: readonly (readonly Dimensional[])[] =
    inputs.kind === "stock" || inputs.kind === "community"
      ? [inputs.rows]
      : inputs.kind === "stints"
        ? [stintsToRows(inputs.stints)]
        : inputs.kind === "flow"
          ? [inputs.start, inputs.end, inputs.events]
          : [inputs.start, inputs.end, inputs.leavers];
  const totalCounts = countBySex((lists[0] ?? []) as DimensionRow[]);
  const totalCells = cellsFor(TOTAL, lists);
  const [first] = totalCells;
  if (!first) throw new Error(`${definition.id} gave no total`);
  const rows =
    by.length === 0
      ? definition.input === "leavers"
        ? totalCells
        : []
      : split(lists, by, dims, groups).flatMap(({ group, parts }) => cellsFor(group, parts));
  return { total: definition.input === "leavers" ? leaversTotal(totalCells, first) : first, rows };
}

/** The leavers' total: all reasons together, counts summed over the per-reason cells. */
function leaversTotal(cells: readonly IndicatorCell[], first: IndicatorCell): IndicatorCell {
  const sum = (sex: "F" | "M" | "X" | "U" | "N") =>
    cells.reduce((acc, cell) => acc + (cell.counts[sex] ?? 0), 0);
  const counts = { F: sum("F"), M: sum("M"), X: sum("X"), U: sum("U"), N: sum("N") };
  return { ...first, counts, value: counts.N, numerator: counts.N, bySex: undefined, details: {} };
}
