import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allCells, protectedCell, tableEquations } from "../../../test/sdc-oracle";
import { flatTableArbitrary, hierarchicalTableArbitrary } from "../../../test/sdc-tables";
import {
  cellValue,
  createCountList,
  createCountTable,
  type CellRef,
  type CountTable,
} from "./count-table";
import { computeFeasibleInterval } from "./feasible-interval";
import { suppress, type ProtectedCell, type ProtectedTable } from "./suppress";

/** The table as text: published values, `P` primary, `C` complementary; one line per row. */
function render(table: ProtectedTable): string[] {
  const mark = (cell: ProtectedCell) =>
    cell.suppression === null ? String(cell.value) : cell.suppression === "primary" ? "P" : "C";
  return [...table.rows, table.totalRow].map((line) =>
    [...line.cells, line.total].map(mark).join(" "),
  );
}

function suppressedCells(table: CountTable, result: ProtectedTable): CellRef[] {
  return allCells(table).filter((cell) => protectedCell(result, cell).suppression !== null);
}

function widthOf(table: CountTable, hidden: readonly CellRef[], cell: CellRef): number {
  const { min, max } = computeFeasibleInterval(table, hidden, cell);
  return max - min;
}

describe("suppress (INDICATORS.md §8)", () => {
  it("publishes a table without small counts unchanged, zeros included, with its note", () => {
    const table = createCountTable({
      columns: ["F", "M", "X", "U"],
      rows: [
        { key: "constable", counts: [12, 80, 0, 0] },
        { key: "sergeant", counts: [5, 20, 0, 6] },
      ],
    });
    const result = suppress(table);
    expect(render(result)).toEqual(["12 80 0 0 92", "5 20 0 6 31", "17 100 0 6 123"]);
    expect(result.disclosure).toEqual({
      k: 5,
      protectionLevel: 5,
      primaryCount: 0,
      complementaryCount: 0,
      messageKey: "sdc.table_note",
      messageValues: { maxHidden: 4, complementary: 0 },
    });
  });

  it("protects one small count with the cheapest rectangle of interior cells", () => {
    const table = createCountTable({
      columns: ["A", "B", "C"],
      rows: [
        { key: "a", counts: [3, 40, 25] },
        { key: "b", counts: [30, 20, 50] },
        { key: "c", counts: [12, 60, 9] },
      ],
    });
    const result = suppress(table);
    expect(render(result)).toEqual(["P 40 C 68", "30 20 50 100", "C 60 C 81", "45 120 84 249"]);
    expect(result.rows[0]?.cells[0]).toEqual({
      value: null,
      suppression: "primary",
      messageKey: "sdc.suppressed_primary",
    });
    expect(result.rows[0]?.cells[2]).toEqual({
      value: null,
      suppression: "complementary",
      messageKey: "sdc.suppressed_complementary",
    });
    expect(result.disclosure.messageValues).toEqual({ maxHidden: 4, complementary: 3 });
    // 3 + d with d ≤ 9 (the 9 can only grow by what 25 and 12 lose: ≤ 12) and d ≥ −3.
    expect(
      computeFeasibleInterval(table, suppressedCells(table, result), { row: 0, column: 0 }),
    ).toEqual({ min: 0, max: 15 });
  });

  it("suppresses small totals too and hides a line total when the interior cannot protect them", () => {
    const table = createCountTable({
      columns: ["F", "M"],
      rows: [
        { key: "a", counts: [1, 2] },
        { key: "b", counts: [20, 30] },
      ],
    });
    const result = suppress(table);
    expect(render(result)).toEqual(["P P P", "C C C", "21 32 53"]);
    const hidden = suppressedCells(table, result);
    for (const cell of hidden.filter((ref) => ref.row === 0)) {
      expect(widthOf(table, hidden, cell)).toBeGreaterThanOrEqual(5);
    }
  });

  it("protects a list by sex with the cheapest other category", () => {
    const columns = ["F", "M", "X", "U"];
    expect(render(suppress(createCountList({ columns, counts: [3, 40, 0, 2] })))).toEqual([
      "P 40 0 P 45",
    ]);
    expect(render(suppress(createCountList({ columns, counts: [1, 50, 0, 0] })))).toEqual([
      "P C 0 0 51",
    ]);
    expect(render(suppress(createCountList({ columns, counts: [3, 1, 0, 0] })))).toEqual([
      "P P 0 0 P",
    ]);
  });

  it("protects child rows without hiding their published parent (linked tables, §8.4)", () => {
    const table = createCountTable({
      columns: ["F", "M"],
      rows: [
        { key: "north" },
        { key: "north-a", parent: "north", counts: [3, 30] },
        { key: "north-b", parent: "north", counts: [20, 25] },
        { key: "south", counts: [15, 40] },
      ],
    });
    expect(render(suppress(table))).toEqual([
      "23 55 78",
      "P C 33",
      "C C 45",
      "15 40 55",
      "38 95 133",
    ]);
  });

  it("takes the threshold and the protection level as options", () => {
    const table = createCountList({ columns: ["F", "M", "X", "U"], counts: [2, 3, 4, 40] });
    expect(render(suppress(table, { k: 3 }))).toEqual(["P C 4 40 49"]);
    expect(suppress(table, { k: 3 }).disclosure.messageValues.maxHidden).toBe(2);
    expect(render(suppress(table, { k: 4, protectionLevel: 1 }))).toEqual(["P P 4 40 49"]);
    expect(() => suppress(table, { k: 1 })).toThrow(RangeError);
    expect(() => suppress(table, { k: 2.5 })).toThrow(RangeError);
    expect(() => suppress(table, { protectionLevel: 0 })).toThrow(RangeError);
  });

  it("refuses a hand-built table that does not add up or holds a non-count", () => {
    const table = createCountList({ columns: ["F", "M"], counts: [10, 20] });
    expect(() => suppress({ ...table, totalRow: { counts: [10, 20], total: 31 } })).toThrow(
      /does not add up/,
    );
    expect(() => suppress({ ...table, totalRow: { counts: [-10, 40], total: 30 } })).toThrow(
      /not a count/,
    );
  });

  it("is within two cells of the fewest possible on 200 seeded tiny tables, optimal on 95%", () => {
    const tables = fc.sample(
      fc.oneof(
        flatTableArbitrary({ maxRows: 3, maxColumns: 3, maxCount: 30 }),
        hierarchicalTableArbitrary({ maxLeaves: 3, maxColumns: 2, maxCount: 30 }),
      ),
      { numRuns: 400, seed: 20_240_611 },
    );
    const gaps = tables
      .filter((table) => allCells(table).length <= 12)
      .slice(0, 200)
      .map((table) => {
        const complementary = suppressedCells(table, suppress(table)).filter(
          (cell) => !isSmall(table, cell),
        ).length;
        return complementary - fewestComplementary(table);
      });
    expect(gaps).toHaveLength(200);
    expect(Math.min(...gaps)).toBe(0);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2);
    expect(gaps.filter((gap) => gap === 0).length).toBeGreaterThanOrEqual(190);
  });
});

function isSmall(table: CountTable, cell: CellRef): boolean {
  const value = cellValue(table, cell);
  return value >= 1 && value <= 4;
}

/** The fewest complementary cells that satisfy P2 and P3 (k = 5), by trying every subset. */
function fewestComplementary(table: CountTable): number {
  const cells = allCells(table);
  const primary = cells.filter((cell) => isSmall(table, cell));
  if (primary.length === 0) return 0;
  const others = cells.filter((cell) => !isSmall(table, cell));
  const lines = tableEquations(table).map(({ parts, whole }) => [...parts, whole]);
  let fewest = others.length;
  for (let mask = 0; mask < 1 << others.length; mask++) {
    const chosen = others.filter((_, index) => (mask >> index) & 1);
    if (chosen.length >= fewest) continue;
    const hidden = [...primary, ...chosen];
    const names = new Set(hidden.map((cell) => `${cell.row},${cell.column}`));
    const isP2 = lines.every((line) => {
      const count = line.filter((name) => names.has(name)).length;
      return count === 0 || count >= 2;
    });
    if (isP2 && primary.every((cell) => widthOf(table, hidden, cell) >= 5)) fewest = chosen.length;
  }
  return fewest;
}
