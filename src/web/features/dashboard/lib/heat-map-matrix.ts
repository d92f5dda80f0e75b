import type { IndicatorCell, IndicatorResult } from "../../../../core/schemas/indicators";
import { emptyCell, tableCellOf } from "./table-cell";
import type { TableModel } from "../../../components/figures/table-model";

export interface HeatMapUnit {
  readonly code: string;
  readonly name: string;
  /** The unit's id when it is one the user can open (it is in their org-unit list). */
  readonly unitId: number | null;
  /** The unit's row over all rank groups, when the result has it. */
  readonly total: IndicatorCell | null;
}

export interface HeatMapGroup {
  readonly code: string;
  readonly name: string;
  /** The rank group over all units, when the result has it. */
  readonly total: IndicatorCell | null;
}

export interface HeatMapMatrix {
  readonly units: readonly HeatMapUnit[];
  readonly groups: readonly HeatMapGroup[];
  /** `cells[u][g]`: unit u × rank group g; null where the result has no row (no one counted). */
  readonly cells: readonly (readonly (IndicatorCell | null)[])[];
  readonly total: IndicatorCell;
}

interface MatrixOptions {
  /** Rank-group codes, most junior first; groups not listed follow in the order they come. */
  readonly groupOrder?: readonly string[];
  /** Ids of the units the user may open, by code. */
  readonly unitIds?: ReadonlyMap<string, number>;
}

const byCode = (a: { code: string }, b: { code: string }) =>
  a.code.localeCompare(b.code, "en", { numeric: true });

/**
 * Units × rank groups from a result broken down `by=unit,rank_group`. Rows with both keys are the
 * cells; a row with only a unit (or only a rank group) is that unit's (group's) total. Units are
 * sorted by code, as in the org-unit tree; rank groups follow the rank scheme.
 */
export function buildHeatMapMatrix(
  result: IndicatorResult,
  options: MatrixOptions = {},
): HeatMapMatrix {
  const unitNames = new Map<string, string>();
  const groupNames = new Map<string, string>();
  const unitTotals = new Map<string, IndicatorCell>();
  const groupTotals = new Map<string, IndicatorCell>();
  const cellByKey = new Map<string, IndicatorCell>();
  for (const row of result.rows) {
    const unit = row.key.unit;
    const group = row.key.rank_group;
    if (unit !== undefined) unitNames.set(unit, row.labels.unit ?? unit);
    if (group !== undefined) groupNames.set(group, row.labels.rank_group ?? group);
    if (unit !== undefined && group !== undefined) cellByKey.set(`${unit}\u0000${group}`, row);
    else if (unit !== undefined) unitTotals.set(unit, row);
    else if (group !== undefined) groupTotals.set(group, row);
  }
  const order = options.groupOrder ?? [];
  const rankOf = (code: string) => {
    const index = order.indexOf(code);
    return index === -1 ? order.length : index;
  };
  const groups = [...groupNames]
    .map(([code, name], arrival) => ({ code, name, arrival }))
    .sort((a, b) => rankOf(a.code) - rankOf(b.code) || a.arrival - b.arrival)
    .map(({ code, name }) => ({ code, name, total: groupTotals.get(code) ?? null }));
  const units = [...unitNames]
    .map(([code, name]) => ({
      code,
      name,
      unitId: options.unitIds?.get(code) ?? null,
      total: unitTotals.get(code) ?? null,
    }))
    .sort(byCode);
  const cells = units.map((unit) =>
    groups.map((group) => cellByKey.get(`${unit.code}\u0000${group.code}`) ?? null),
  );
  return { units, groups, cells, total: result.total };
}

interface MatrixTableLabels {
  readonly rowHeader: string;
  /** The header of the units' all-rank-groups column and the label of the total row. */
  readonly allRankGroups: string;
  readonly allUnits: string;
  readonly definitionKey: string;
}

/** The heat map as a table (its CSV): units as rows, rank groups as columns, totals where known. */
export function heatMapTable(matrix: HeatMapMatrix, labels: MatrixTableLabels): TableModel {
  const hasUnitTotals = matrix.units.some((unit) => unit.total !== null);
  const columns = [
    ...matrix.groups.map((group) => ({
      id: group.code,
      label: group.name,
      kind: "percent" as const,
      definitionKey: labels.definitionKey,
    })),
    ...(hasUnitTotals
      ? [
          {
            id: "all",
            label: labels.allRankGroups,
            kind: "percent" as const,
            definitionKey: labels.definitionKey,
          },
        ]
      : []),
  ];
  const rows = matrix.units.map((unit, u) => ({
    id: unit.code,
    header: unit.name,
    ...(unit.unitId === null ? {} : { unitId: unit.unitId }),
    cells: [
      ...(matrix.cells[u] ?? []).map((cell) => (cell ? tableCellOf(cell) : emptyCell)),
      ...(hasUnitTotals ? [unit.total ? tableCellOf(unit.total) : emptyCell] : []),
    ],
  }));
  const hasGroupTotals = matrix.groups.some((group) => group.total !== null);
  const total = hasGroupTotals
    ? {
        id: "total",
        header: labels.allUnits,
        cells: [
          ...matrix.groups.map((group) => (group.total ? tableCellOf(group.total) : emptyCell)),
          ...(hasUnitTotals ? [tableCellOf(matrix.total)] : []),
        ],
      }
    : undefined;
  return { rowHeader: labels.rowHeader, columns, rows, ...(total ? { total } : {}) };
}
