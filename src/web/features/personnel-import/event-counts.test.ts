import { describe, expect, it } from "vitest";
import { reviewTable } from "./event-counts";

describe("reviewTable", () => {
  it("orders the event types as a career runs and sums every column", () => {
    const table = reviewTable([
      { type: "exit", F: 1, M: 2, X: 0, U: 1, total: 4 },
      { type: "hire", F: 10, M: 20, X: 1, U: 3, total: 34 },
      { type: "transfer", F: 2, M: 0, X: 0, U: 0, total: 2 },
    ]);
    expect(table.rows.map((row) => row.type)).toEqual(["hire", "transfer", "exit"]);
    expect(table.total).toEqual({ F: 13, M: 22, X: 1, U: 4, total: 40 });
  });

  it("sums nothing to zeros", () => {
    expect(reviewTable([])).toEqual({ rows: [], total: { F: 0, M: 0, X: 0, U: 0, total: 0 } });
  });
});
