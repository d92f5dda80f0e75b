import { describe, expect, it } from "vitest";
import type { IndicatorCell } from "../../../../core/schemas/indicators";
import { flowsChartData, flowsTable, type FlowResult } from "./flows";

const rate = (events: number, average: number, reason?: string) => ({
  value: average === 0 ? null : events / average,
  numerator: events,
  denominator: average,
  ...(reason ? { reason } : {}),
  suppression: null,
});

const total = (bySex: IndicatorCell["bySex"], events: number, average: number): IndicatorCell => ({
  key: {},
  labels: {},
  counts: { F: null, M: null, X: null, U: null, N: null },
  value: events / average,
  numerator: events,
  denominator: average,
  bySex,
  suppression: null,
});

const flow = (indicator: string, cell: IndicatorCell): FlowResult => ({
  definitionKey: `web.indicators.${indicator}`,
  label: indicator,
  result: {
    indicator,
    unitOfMeasure: "rate",
    basis: "flow",
    definitionKey: `web.indicators.${indicator}`,
    scope: { id: 1, code: "HQ", name: "HQ" },
    at: null,
    from: "2024-07-01",
    to: "2025-07-01",
    by: [],
    total: cell,
    rows: [],
    disclosure: null,
  },
});

const flows = [
  flow(
    "hire_rate",
    total(
      { F: rate(12, 100), M: rate(30, 400), X: rate(0, 0, "empty_denominator"), U: rate(0, 2) },
      42,
      502,
    ),
  ),
  flow(
    "promotion_rate",
    total(
      {
        F: {
          value: null,
          numerator: null,
          denominator: null,
          reason: "suppressed",
          suppression: "derived",
        },
        M: rate(20, 350),
      },
      22,
      440,
    ),
  ),
];

describe("flowsTable", () => {
  it("has a row per sex and everyone, a column per flow, with the reason or x where there is no rate", () => {
    const table = flowsTable(flows, {
      rowHeader: "Sex",
      sexes: { F: "Women", M: "Men", X: "Another sex", U: "Unknown sex", all: "Everyone" },
    });
    expect(table.columns.map((c) => c.definitionKey)).toEqual([
      "web.indicators.hire_rate",
      "web.indicators.promotion_rate",
    ]);
    expect(table.rows.map((r) => r.cells.map((c) => c.figure.kind))).toEqual([
      ["value", "suppressed"],
      ["value", "value"],
      ["missing", "missing"],
      ["value", "missing"],
    ]);
    expect(table.rows[2]?.cells[0]?.figure).toEqual({
      kind: "missing",
      messageKey: "web.indicatorReasons.empty_denominator",
    });
    expect(table.total?.cells[0]).toEqual({
      figure: { kind: "value", value: 42 / 502 },
      numerator: 42,
      denominator: 502,
    });
  });
});

describe("flowsChartData", () => {
  it("gives women's, men's and everyone's rate per flow with their denominators", () => {
    expect(flowsChartData(flows)).toEqual([
      { flow: "hire_rate", F: 0.12, "n:F": 100, M: 0.075, "n:M": 400, all: 42 / 502, "n:all": 502 },
      {
        flow: "promotion_rate",
        F: null,
        "n:F": null,
        M: 20 / 350,
        "n:M": 350,
        all: 0.05,
        "n:all": 440,
      },
    ]);
  });
});
