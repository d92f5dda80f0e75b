import { describe, expect, it } from "vitest";
import { cellValue, createCountList, createCountTable } from "./count-table";

describe("createCountTable", () => {
  it("adds row totals, column totals and the grand total", () => {
    const table = createCountTable({
      columns: ["F", "M"],
      rows: [
        { key: "constable", counts: [12, 80] },
        { key: "sergeant", counts: [3, 20] },
      ],
    });
    expect(table.rows.map((row) => row.total)).toEqual([92, 23]);
    expect(table.totalRow).toEqual({ counts: [15, 100], total: 115 });
    expect(cellValue(table, { row: 1, column: 0 })).toBe(3);
    expect(cellValue(table, { row: 2, column: 2 })).toBe(115);
  });

  it("sums parent rows from their children, at any depth, in display order", () => {
    const table = createCountTable({
      columns: ["F", "M"],
      rows: [
        { key: "north" },
        { key: "north-1", parent: "north", counts: [1, 9] },
        { key: "north-2", parent: "north" },
        { key: "north-2a", parent: "north-2", counts: [2, 3] },
        { key: "south", counts: [4, 40] },
      ],
    });
    expect(table.rows.map((row) => [row.key, row.parent, row.counts, row.total])).toEqual([
      ["north", null, [3, 12], 15],
      ["north-1", "north", [1, 9], 10],
      ["north-2", "north", [2, 3], 5],
      ["north-2a", "north-2", [2, 3], 5],
      ["south", null, [4, 40], 44],
    ]);
    expect(table.totalRow).toEqual({ counts: [7, 52], total: 59 });
  });

  it("makes a one-dimensional list whose only line is the total row", () => {
    const list = createCountList({ columns: ["F", "M", "X", "U"], counts: [3, 40, 0, 2] });
    expect(list.rows).toEqual([]);
    expect(list.totalRow).toEqual({ counts: [3, 40, 0, 2], total: 45 });
  });

  it.each([
    ["no column", { columns: [], rows: [{ key: "a", counts: [] }] }, /at least one column/],
    ["no row", { columns: ["F"], rows: [] }, /at least one row/],
    [
      "a repeated key",
      {
        columns: ["F"],
        rows: [
          { key: "a", counts: [1] },
          { key: "a", counts: [2] },
        ],
      },
      /unique/,
    ],
    [
      "an unknown parent",
      { columns: ["F"], rows: [{ key: "a", parent: "b", counts: [1] }] },
      /unknown parent/,
    ],
    ["a negative count", { columns: ["F"], rows: [{ key: "a", counts: [-1] }] }, /non-negative/],
    [
      "a fraction",
      { columns: ["F"], rows: [{ key: "a", counts: [1.5] }] },
      /non-negative integers/,
    ],
    [
      "too few counts",
      { columns: ["F", "M"], rows: [{ key: "a", counts: [1] }] },
      /1 counts, not 2/,
    ],
    [
      "a parent with counts",
      {
        columns: ["F"],
        rows: [
          { key: "a", counts: [1] },
          { key: "b", parent: "a", counts: [1] },
        ],
      },
      /cannot have counts/,
    ],
    ["an empty parent", { columns: ["F"], rows: [{ key: "a" }] }, /neither counts nor child rows/],
    [
      "a cycle",
      {
        columns: ["F"],
        rows: [
          { key: "a", counts: [1] },
          { key: "b", parent: "c" },
          { key: "c", parent: "b" },
        ],
      },
      /own ancestor/,
    ],
  ])("refuses %s", (_, input, message) => {
    expect(() => createCountTable(input)).toThrow(message);
  });

  it("refuses a cell outside the table", () => {
    const list = createCountList({ columns: ["F"], counts: [1] });
    expect(() => cellValue(list, { row: 1, column: 0 })).toThrow(/no cell/);
    expect(() => cellValue(list, { row: 0, column: 2 })).toThrow(/no cell/);
  });
});
