import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allCells,
  intervalByLinearProgramming,
  intervalsByEnumeration,
} from "../../../test/sdc-oracle";
import {
  flatTableArbitrary,
  hierarchicalTableArbitrary,
  listArbitrary,
} from "../../../test/sdc-tables";
import {
  cellValue,
  createCountList,
  createCountTable,
  type CellRef,
  type CountTable,
} from "./count-table";
import { computeFeasibleInterval } from "./feasible-interval";

/** A table and a random subset of its cells, as a disclosure pattern (not necessarily a safe one). */
function withSuppressed(tables: fc.Arbitrary<CountTable>) {
  return tables.chain((table) =>
    fc.subarray(allCells(table)).map((suppressed) => ({ table, suppressed })),
  );
}

/** How many tables enumeration visits: (value + slack + 1) per hidden leaf interior cell. */
function enumerationSize(table: CountTable, suppressed: readonly CellRef[]): number {
  const slack = suppressed.reduce((sum, cell) => sum + cellValue(table, cell), 0) + 1;
  const isLeaf = (row: number) =>
    table.rows.length === 0 || !table.rows.some((other) => other.parent === table.rows[row]?.key);
  return suppressed
    .filter((cell) => cell.column < table.columns.length && isLeaf(cell.row))
    .reduce((size, cell) => size * (cellValue(table, cell) + slack + 1), 1);
}

const twoByTwo = createCountTable({
  columns: ["F", "M"],
  rows: [
    { key: "a", counts: [2, 7] },
    { key: "b", counts: [6, 9] },
  ],
});

describe("computeFeasibleInterval (§8 P3)", () => {
  it("gives a published cell its own value", () => {
    expect(computeFeasibleInterval(twoByTwo, [], { row: 0, column: 0 })).toEqual({
      min: 2,
      max: 2,
    });
  });

  it("pins a cell hidden alone in its row", () => {
    expect(
      computeFeasibleInterval(twoByTwo, [{ row: 0, column: 0 }], { row: 0, column: 0 }),
    ).toEqual({ min: 2, max: 2 });
  });

  it("bounds the corners of a hidden rectangle by the smaller opposite corners", () => {
    const rectangle = [
      { row: 0, column: 0 },
      { row: 0, column: 1 },
      { row: 1, column: 0 },
      { row: 1, column: 1 },
    ];
    // a = 2 + d with d ≥ −2 (a ≥ 0) and d ≤ 7 (the 7 ≥ 0), d ≤ 6 (the 6 ≥ 0), d ≥ −9.
    expect(computeFeasibleInterval(twoByTwo, rectangle, { row: 0, column: 0 })).toEqual({
      min: 0,
      max: 8,
    });
  });

  it("is unbounded when a cycle through the totals is hidden", () => {
    const hidden = [
      { row: 0, column: 0 },
      { row: 0, column: 2 },
      { row: 2, column: 0 },
      { row: 2, column: 2 },
    ];
    expect(computeFeasibleInterval(twoByTwo, hidden, { row: 0, column: 0 })).toEqual({
      min: 0,
      max: Number.POSITIVE_INFINITY,
    });
  });

  it("reads a one-dimensional list: the hidden cells share what the total leaves", () => {
    const bySex = createCountList({ columns: ["F", "M", "X", "U"], counts: [3, 40, 0, 2] });
    const hidden = [
      { row: 0, column: 0 },
      { row: 0, column: 3 },
    ];
    expect(computeFeasibleInterval(bySex, hidden, { row: 0, column: 0 })).toEqual({
      min: 0,
      max: 5,
    });
  });

  it("agrees with enumeration on tiny tables, flat, hierarchical and lists", () => {
    const tiny = fc.oneof(
      flatTableArbitrary({ maxRows: 2, maxColumns: 2, maxCount: 6 }),
      hierarchicalTableArbitrary({ maxLeaves: 3, maxColumns: 2, maxCount: 6 }),
      listArbitrary(3, 6),
    );
    fc.assert(
      fc.property(
        withSuppressed(tiny).filter(
          ({ table, suppressed }) => enumerationSize(table, suppressed) <= 40_000,
        ),
        ({ table, suppressed }) => {
          const expected = intervalsByEnumeration(table, suppressed);
          for (const cell of suppressed) {
            expect(computeFeasibleInterval(table, suppressed, cell)).toEqual(
              expected.get(`${cell.row},${cell.column}`),
            );
          }
        },
      ),
      { numRuns: 120 },
    );
  });

  it("agrees with linear programming on tables up to 8 × 6", () => {
    const tables = fc.oneof(flatTableArbitrary(), hierarchicalTableArbitrary());
    fc.assert(
      fc.property(withSuppressed(tables), ({ table, suppressed }) => {
        for (const cell of suppressed) {
          expect(computeFeasibleInterval(table, suppressed, cell)).toEqual(
            intervalByLinearProgramming(table, suppressed, cell),
          );
        }
      }),
      { numRuns: 150 },
    );
  });
});
