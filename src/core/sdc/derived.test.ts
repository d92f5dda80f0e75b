import { describe, expect, it } from "vitest";
import { computeShareOfWomen, toSexCounts } from "../stats/share";
import { createCountList, createCountTable } from "./count-table";
import { protectDerivedValue, protectShareOfWomen } from "./derived";
import { suppress } from "./suppress";

const sexes = ["F", "M", "X", "U"];

function protectedList(counts: [number, number, number, number]) {
  const table = suppress(createCountList({ columns: sexes, counts }));
  const [F, M, X, U] = counts;
  const share = computeShareOfWomen(toSexCounts({ F, M, X, U }));
  return protectShareOfWomen(share, table, table.totalRow);
}

describe("protectShareOfWomen (§8.3)", () => {
  it("passes a share through untouched when every count is published", () => {
    const share = computeShareOfWomen(toSexCounts({ F: 12, M: 85, X: 0, U: 6 }));
    expect(protectedList([12, 85, 0, 6])).toEqual(share);
  });

  it("withholds a share whose numerator is hidden, with the explanation key", () => {
    const result = protectedList([3, 40, 0, 2]);
    expect(result).toMatchObject({
      value: null,
      numerator: null,
      denominator: null,
      counts: { F: null, M: 40, X: 0, U: null, N: 45 },
      unknownShare: null,
      bounds: null,
      isUnknownSexHigh: null,
      reason: "suppressed",
      messageKey: "sdc.suppressed_derived",
    });
  });

  it("shows the unknown share when U and N are published though F is hidden", () => {
    const result = protectedList([1, 50, 0, 0]);
    expect(result.value).toBeNull();
    expect(result.unknownShare).toBe(0);
    expect(result.isUnknownSexHigh).toBe(false);
    expect(result.denominator).toBe(51);
    expect(result.bounds).toBeNull();
  });

  it("keeps the share when F is published and the known-sex count is N − U", () => {
    const table = suppress(
      createCountTable({
        columns: sexes,
        rows: [
          { key: "a", counts: [50, 30, 2, 40] },
          { key: "b", counts: [55, 35, 3, 40] },
        ],
      }),
    );
    const row = table.rows[0];
    if (!row) throw new Error("no row");
    expect(row.cells.map((cell) => cell.suppression)).toEqual([
      null,
      "complementary",
      "primary",
      null,
    ]);
    const share = computeShareOfWomen(toSexCounts({ F: 50, M: 30, X: 2, U: 40 }));
    const result = protectShareOfWomen(share, table, row);
    expect(result.value).toBe(50 / 82);
    expect(result.denominator).toBe(82);
    expect(result.counts).toEqual({ F: 50, M: null, X: null, U: 40, N: 122 });
    expect(result.bounds).toEqual(share.bounds);
    expect(result.reason).toBeUndefined();
  });

  it("withholds the confidence interval of a withheld share and keeps that of a shown one", () => {
    const table = suppress(createCountList({ columns: sexes, counts: [3, 40, 0, 2] }));
    const confidence = { basis: "model_based" } as const;
    const hidden = computeShareOfWomen(toSexCounts({ F: 3, M: 40, U: 2 }), { confidence });
    expect(hidden.ci).not.toBeNull();
    expect(protectShareOfWomen(hidden, table, table.totalRow).ci).toBeNull();
    const open = suppress(createCountList({ columns: sexes, counts: [30, 40, 0, 0] }));
    const shown = computeShareOfWomen(toSexCounts({ F: 30, M: 40 }), { confidence });
    expect(protectShareOfWomen(shown, open, open.totalRow).ci).toEqual(shown.ci);
  });

  it("keeps the empty-denominator reason of a share that is not suppressed", () => {
    const result = protectedList([0, 0, 0, 7]);
    expect(result.value).toBeNull();
    expect(result.reason).toBe("empty_denominator");
    expect(result.messageKey).toBeUndefined();
  });

  it("refuses a table without the sex columns", () => {
    const table = suppress(createCountList({ columns: ["A", "B"], counts: [10, 10] }));
    const share = computeShareOfWomen(toSexCounts({ F: 10 }));
    expect(() => protectShareOfWomen(share, table, table.totalRow)).toThrow(/no column F/);
  });
});

describe("protectDerivedValue (§8.3)", () => {
  const table = suppress(createCountList({ columns: ["F", "M"], counts: [2, 40] }));
  const [F, M] = table.totalRow.cells;

  it("withholds a value computed from a hidden cell", () => {
    if (!F || !M) throw new Error("no cells");
    expect(protectDerivedValue(2 / 42, [F, table.totalRow.total])).toEqual({
      value: null,
      suppression: "derived",
      messageKey: "sdc.suppressed_derived",
    });
  });

  it("keeps a value computed from published cells", () => {
    const published = suppress(createCountList({ columns: ["F", "M"], counts: [8, 40] }));
    expect(
      protectDerivedValue(8 / 48, [...published.totalRow.cells, published.totalRow.total]),
    ).toEqual({
      value: 8 / 48,
      suppression: null,
    });
  });
});
