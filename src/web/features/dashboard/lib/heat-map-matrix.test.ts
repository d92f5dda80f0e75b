import { describe, expect, it } from "vitest";
import { buildHeatMapMatrix, heatMapTable } from "./heat-map-matrix";
import { shareResult, shareRow } from "./share-result.fixture";

const labels = {
  rowHeader: "Unit",
  allRankGroups: "All ranks",
  allUnits: "All units",
  definitionKey: "web.indicators.share_women",
};

const result = shareResult(
  "2025-06-30",
  ["unit", "rank_group"],
  [
    shareRow({ unit: "P10", rank_group: "SEN" }, { F: 1, M: 9 }),
    shareRow({ unit: "P10", rank_group: "JUN" }, { F: 30, M: 70 }),
    shareRow({ unit: "P2", rank_group: "JUN" }, { F: 5, M: 15, U: 2 }),
    shareRow({ unit: "P2", rank_group: "MID" }, { F: 0, M: 0 }),
  ],
  shareRow({}, { F: 36, M: 94, U: 2 }),
);

describe("buildHeatMapMatrix", () => {
  it("orders units by code (numeric) and rank groups by the rank scheme", () => {
    const matrix = buildHeatMapMatrix(result, { groupOrder: ["JUN", "MID", "SEN"] });
    expect(matrix.units.map((u) => u.code)).toEqual(["P2", "P10"]);
    expect(matrix.groups.map((g) => g.code)).toEqual(["JUN", "MID", "SEN"]);
    expect(matrix.cells[0]?.map((c) => c?.value ?? null)).toEqual([0.25, null, null]);
    expect(matrix.cells[1]?.map((c) => c?.value ?? null)).toEqual([0.3, null, 0.1]);
  });

  it("leaves groups unknown to the scheme in the order they came, after the known ones", () => {
    const matrix = buildHeatMapMatrix(result, { groupOrder: ["MID"] });
    expect(matrix.groups.map((g) => g.code)).toEqual(["MID", "SEN", "JUN"]);
  });

  it("links units the user may open and leaves the others unlinked", () => {
    const matrix = buildHeatMapMatrix(result, { unitIds: new Map([["P10", 42]]) });
    expect(matrix.units.map((u) => u.unitId)).toEqual([null, 42]);
  });

  it("takes rows with only one key as the unit and rank-group totals", () => {
    const withTotals = shareResult(
      "2025-06-30",
      ["unit", "rank_group"],
      [
        ...result.rows,
        shareRow({ unit: "P2" }, { F: 5, M: 15, U: 2 }),
        shareRow({ rank_group: "JUN" }, { F: 35, M: 85 }),
      ],
      result.total,
    );
    const matrix = buildHeatMapMatrix(withTotals, { groupOrder: ["JUN", "MID", "SEN"] });
    expect(matrix.units.map((u) => u.total?.value ?? null)).toEqual([0.25, null]);
    expect(matrix.groups.map((g) => g.total?.numerator ?? null)).toEqual([35, null, null]);
    const table = heatMapTable(matrix, labels);
    expect(table.columns.map((c) => c.id)).toEqual(["JUN", "MID", "SEN", "all"]);
    expect(table.total?.header).toBe("All units");
    expect(table.total?.cells.map((c) => c.figure.kind)).toEqual([
      "value",
      "missing",
      "missing",
      "value",
    ]);
  });
});

describe("heatMapTable", () => {
  it("gives every unit × group a cell: a value, or the reason (never 0)", () => {
    const matrix = buildHeatMapMatrix(result, { groupOrder: ["JUN", "MID", "SEN"] });
    const table = heatMapTable(matrix, labels);
    expect(table.columns.map((c) => c.id)).toEqual(["JUN", "MID", "SEN"]);
    expect(table.total).toBeUndefined();
    expect(table.rows[0]?.cells.map((c) => c.figure)).toEqual([
      { kind: "value", value: 0.25 },
      { kind: "missing", messageKey: "web.indicatorReasons.empty_denominator" },
      { kind: "missing", messageKey: "web.indicatorReasons.empty_denominator" },
    ]);
    expect(table.rows[0]?.cells[0]?.denominator).toBe(20);
  });
});
