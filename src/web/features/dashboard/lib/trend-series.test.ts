import { describe, expect, it } from "vitest";
import type { TrendResult } from "../../../../core/schemas/indicators";
import { ALL_SERIES, buildTrendChart, trendTable } from "./trend-series";
import { shareResult, shareRow } from "./share-result.fixture";

const suppressed = {
  ...shareRow({ rank_group: "SEN" }, { F: 2, M: 30 }),
  value: null,
  counts: { F: null, M: 30, X: 0, U: null, N: null },
  reason: "suppressed",
  suppression: "derived" as const,
};

// Points come newest first here: the chart must still run oldest to newest.
const trend: TrendResult = {
  indicator: "share_women",
  points: [
    shareResult(
      "2025-06-30",
      ["rank_group"],
      [
        shareRow({ rank_group: "SEN" }, { F: 5, M: 45 }),
        shareRow({ rank_group: "JUN" }, { F: 20, M: 80 }),
      ],
      shareRow({}, { F: 25, M: 125 }),
    ),
    shareResult(
      "2024-06-30",
      ["rank_group"],
      [suppressed, shareRow({ rank_group: "JUN" }, { F: 10, M: 90 })],
      shareRow({}, { F: 12, M: 120 }),
    ),
  ],
};

describe("buildTrendChart", () => {
  it("draws the total and one line per rank group, oldest year first, gaps for withheld values", () => {
    const chart = buildTrendChart(trend, {
      dimension: "rank_group",
      allLabel: "All ranks",
      order: ["JUN", "SEN"],
    });
    expect(chart.series).toEqual([
      { key: ALL_SERIES, label: "All ranks" },
      { key: "JUN", label: "JUN" },
      { key: "SEN", label: "SEN" },
    ]);
    expect(chart.data).toEqual([
      {
        period: "2024",
        [ALL_SERIES]: 12 / 132,
        [`n:${ALL_SERIES}`]: 132,
        JUN: 0.1,
        "n:JUN": 100,
        SEN: null,
        "n:SEN": null,
      },
      {
        period: "2025",
        [ALL_SERIES]: 25 / 150,
        [`n:${ALL_SERIES}`]: 150,
        JUN: 0.2,
        "n:JUN": 100,
        SEN: 0.1,
        "n:SEN": 50,
      },
    ]);
  });
});

describe("trendTable", () => {
  it("has a row per year and shows the withheld value as suppressed", () => {
    const table = trendTable(trend, {
      dimension: "rank_group",
      allLabel: "All ranks",
      order: ["JUN", "SEN"],
      rowHeader: "Year",
      definitionKey: "web.indicators.share_women",
    });
    expect(table.rows.map((r) => r.header)).toEqual(["2024", "2025"]);
    expect(table.rows[0]?.cells[2]?.figure).toEqual({
      kind: "suppressed",
      messageKey: "sdc.suppressed_derived",
    });
    expect(table.rows[1]?.cells[0]?.denominator).toBe(150);
  });
});
