import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allCells,
  intervalByLinearProgramming,
  protectedCell,
  tableEquations,
} from "../../../test/sdc-oracle";
import { anyTableArbitrary } from "../../../test/sdc-tables";
import { cellValue, createCountTable, type CellRef, type CountTable } from "./count-table";
import { suppress, type ProtectedTable } from "./suppress";

/** A table with options: mostly the default k = 5, sometimes another k and protection level. */
const cases = fc.record({
  table: anyTableArbitrary(),
  k: fc.oneof({ arbitrary: fc.constant(5), weight: 3 }, fc.integer({ min: 2, max: 6 })),
  level: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
});

function hiddenCells(table: CountTable, result: ProtectedTable): CellRef[] {
  return allCells(table).filter((cell) => protectedCell(result, cell).suppression !== null);
}

/** P2 (0 or ≥ 2 hidden cells in every line) and P3 (every primary cell's width, by LP). */
function isSafe(
  table: CountTable,
  hidden: readonly CellRef[],
  primary: readonly CellRef[],
  level: number,
): boolean {
  const names = new Set(hidden.map((cell) => `${cell.row},${cell.column}`));
  const isP2 = tableEquations(table).every(({ parts, whole }) => {
    const count = [...parts, whole].filter((name) => names.has(name)).length;
    return count === 0 || count >= 2;
  });
  return (
    isP2 &&
    primary.every((cell) => {
      const { min, max } = intervalByLinearProgramming(table, hidden, cell);
      return max - min >= level;
    })
  );
}

describe("suppress: properties of INDICATORS.md §8 on random tables", () => {
  it("P1 and P4: small counts hidden as primary, zeros and the rest published unchanged", () => {
    fc.assert(
      fc.property(cases, ({ table, k, level }) => {
        const result = suppress(table, { k, protectionLevel: level });
        for (const cell of allCells(table)) {
          const value = cellValue(table, cell);
          const shown = protectedCell(result, cell);
          const isSmall = value >= 1 && value < k;
          if (shown.suppression === null) {
            expect(shown.value).toBe(value);
            expect(value === 0 || value >= k).toBe(true);
          } else {
            expect(shown.value).toBeNull();
            expect(shown.suppression).toBe(isSmall ? "primary" : "complementary");
            expect(shown.messageKey).toBe(`sdc.suppressed_${shown.suppression}`);
          }
          if (isSmall) expect(shown.suppression).toBe("primary");
        }
        const marks = allCells(table).map((cell) => protectedCell(result, cell).suppression);
        expect(result.disclosure.primaryCount).toBe(marks.filter((m) => m === "primary").length);
        expect(result.disclosure.complementaryCount).toBe(
          marks.filter((m) => m === "complementary").length,
        );
      }),
      { numRuns: 300 },
    );
  });

  it("P2 and P3: every line hides 0 or ≥ 2 cells; each small count's exact range is wide enough", () => {
    fc.assert(
      fc.property(cases, ({ table, k, level }) => {
        const result = suppress(table, { k, protectionLevel: level });
        const hidden = hiddenCells(table, result);
        const primary = allCells(table).filter(
          (cell) => protectedCell(result, cell).suppression === "primary",
        );
        expect(isSafe(table, hidden, primary, level ?? k)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(cases, ({ table, k, level }) => {
        const copy = structuredClone(table);
        expect(suppress(copy, { k, protectionLevel: level })).toEqual(
          suppress(table, { k, protectionLevel: level }),
        );
      }),
      { numRuns: 100 },
    );
  });

  it("is minimal: no complementary cell can be published without breaking P2 or P3", () => {
    fc.assert(
      fc.property(cases, ({ table, k, level }) => {
        const result = suppress(table, { k, protectionLevel: level });
        const hidden = hiddenCells(table, result);
        const primary = hidden.filter(
          (cell) => protectedCell(result, cell).suppression === "primary",
        );
        if (primary.length === 0) expect(hidden).toEqual([]);
        for (const cell of hidden.filter((ref) => !primary.includes(ref))) {
          const fewer = hidden.filter((other) => other !== cell);
          expect(isSafe(table, fewer, primary, level ?? k)).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("hides exactly three interior cells, no total, for one small count among large ones", () => {
    const isolated = fc
      .record({
        rows: fc.integer({ min: 2, max: 8 }),
        columns: fc.integer({ min: 2, max: 6 }),
      })
      .chain(({ rows, columns }) =>
        fc.record({
          counts: fc.array(
            fc.array(fc.integer({ min: 5, max: 60 }), { minLength: columns, maxLength: columns }),
            { minLength: rows, maxLength: rows },
          ),
          small: fc.integer({ min: 1, max: 4 }),
          at: fc.record({
            row: fc.integer({ min: 0, max: rows - 1 }),
            column: fc.integer({ min: 0, max: columns - 1 }),
          }),
        }),
      );
    fc.assert(
      fc.property(isolated, ({ counts, small, at }) => {
        const table = createCountTable({
          columns: (counts[0] ?? []).map((_, column) => `c${column}`),
          rows: counts.map((row, index) => ({
            key: `r${index}`,
            counts: row.map((count, column) =>
              index === at.row && column === at.column ? small : count,
            ),
          })),
        });
        const hidden = hiddenCells(table, suppress(table));
        expect(hidden).toHaveLength(4);
        expect(new Set(hidden.map((cell) => cell.row)).size).toBe(2);
        expect(new Set(hidden.map((cell) => cell.column)).size).toBe(2);
        expect(hidden.every((cell) => cell.row < table.rows.length)).toBe(true);
        expect(hidden.every((cell) => cell.column < table.columns.length)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
