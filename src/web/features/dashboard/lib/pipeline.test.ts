import { describe, expect, it } from "vitest";
import { buildPipelineBars, countsTable } from "./pipeline";
import { shareResult, shareRow } from "./share-result.fixture";
import { tableToCsv } from "../../../components/figures/table-model";

const result = shareResult(
  "2025-06-30",
  ["rank"],
  [
    shareRow({ rank: "INS" }, { F: 3, M: 27 }, { rank: "Inspector" }),
    shareRow({ rank: "CON" }, { F: 40, M: 160, U: 5 }, { rank: "Constable" }),
    {
      ...shareRow({ rank: "GEN" }, { F: 0, M: 3 }, { rank: "General" }),
      counts: { F: 0, M: null, X: 0, U: 0, N: null },
      value: null,
      denominator: null,
      reason: "suppressed",
      suppression: "primary",
    },
  ],
  shareRow({}, { F: 43, M: 190, U: 5 }),
);

const labels = {
  rowHeader: "Rank",
  counts: { F: "Women", M: "Men", X: "Another sex", U: "Unknown sex", N: "Headcount" },
  value: "Share of women",
  total: "All ranks",
  definitionKey: "web.indicators.share_women",
  countDefinitionKey: "web.indicators.headcount",
};

describe("buildPipelineBars", () => {
  it("orders ranks by seniority, with no bar where the share is withheld", () => {
    expect(buildPipelineBars(result, "rank", ["CON", "INS", "GEN"])).toEqual([
      { code: "CON", label: "Constable", share: 0.2, "n:share": 200 },
      { code: "INS", label: "Inspector", share: 0.1, "n:share": 30 },
      { code: "GEN", label: "General", share: null, "n:share": null },
    ]);
  });
});

describe("countsTable and tableToCsv", () => {
  it("writes the same numbers as the table: counts, x for hidden ones, percent with one decimal", () => {
    const table = countsTable(result, "rank", ["CON", "INS", "GEN"], labels);
    const csv = tableToCsv(table, (key) => `«${key}»`);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1).split("\n")).toEqual([
      "Rank,Women,Men,Another sex,Unknown sex,Headcount,Share of women (%)",
      "Constable,40,160,0,5,205,20",
      "Inspector,3,27,0,0,30,10",
      "General,0,x,0,0,x,x",
      "All ranks,43,190,0,5,238,18.5",
      "",
    ]);
  });

  it("rounds exact halves up from the counts, as the screen does", () => {
    const half = shareResult("2025-06-30", ["rank"], [], shareRow({}, { F: 247, M: 1753 }));
    const table = countsTable(half, "rank", [], labels);
    expect(tableToCsv(table, String).trimEnd().split("\n").at(-1)).toBe(
      "All ranks,247,1753,0,0,2000,12.4",
    );
  });

  it("writes the reason where there is no value, and neutralises formulas in names", () => {
    const empty = shareResult(
      "2025-06-30",
      ["rank"],
      [shareRow({ rank: "X1" }, { F: 0, M: 0 }, { rank: "=HYPERLINK()" })],
      shareRow({}, { F: 0, M: 0 }),
    );
    const lines = tableToCsv(countsTable(empty, "rank", [], labels), (key) => `«${key}»`).split(
      "\n",
    );
    expect(lines[1]).toBe("'=HYPERLINK(),0,0,0,0,0,«web.indicatorReasons.empty_denominator»");
  });
});
