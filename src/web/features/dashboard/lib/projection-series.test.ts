import { describe, expect, it } from "vitest";
import type { Projection } from "../../../../core/schemas/projections";
import {
  BAND,
  buildProjectionChart,
  FOCUS,
  OVERALL,
  projectionAxisTicks,
  projectionAxisTop,
  projectionTable,
} from "./projection-series";

const cell = (F: number, M: number, band: { low: number; high: number } | null) => ({
  counts: { F, M, X: 0, U: 0.4, N: F + M + 0.4 },
  share: F + M === 0 ? null : F / (F + M),
  band,
});

const series = [
  {
    t: 0,
    year: 2024,
    hires: 0,
    total: cell(10, 90, null),
    byGrade: [{ grade: "SEN", ...cell(1, 19, null) }],
  },
  {
    t: 1,
    year: 2025,
    hires: 12,
    total: cell(12.5, 87.5, { low: 0.11, high: 0.14 }),
    byGrade: [{ grade: "SEN", ...cell(0, 0, null) }],
  },
];

// Only the fields the dashboard reads; the rest of the contract does not matter here.
const projection = { series } as unknown as Projection;

describe("buildProjectionChart", () => {
  it("draws the whole unit's share with its band as [low, high]", () => {
    expect(buildProjectionChart(projection, null)).toEqual([
      { year: "2024", [FOCUS]: 0.1, [`n:${FOCUS}`]: 100, [BAND]: null },
      { year: "2025", [FOCUS]: 0.125, [`n:${FOCUS}`]: 100, [BAND]: [0.11, 0.14] },
    ]);
  });

  it("draws the target's rank group, with the whole unit beside it", () => {
    expect(buildProjectionChart(projection, "SEN")).toEqual([
      { year: "2024", [FOCUS]: 0.05, [`n:${FOCUS}`]: 20, [BAND]: null, [OVERALL]: 0.1 },
      { year: "2025", [FOCUS]: null, [`n:${FOCUS}`]: null, [BAND]: null, [OVERALL]: 0.125 },
    ]);
  });
});

describe("projectionTable", () => {
  it("rounds expected headcounts to whole people and gives a reason where there is no band or share", () => {
    const table = projectionTable(projection, null, {
      rowHeader: "Year",
      share: "Share",
      low: "Low",
      high: "High",
      headcount: "Headcount",
      women: "Women",
    });
    expect(table.rows[1]?.cells.map((c) => c.figure)).toEqual([
      { kind: "value", value: 0.125 },
      { kind: "value", value: 0.11 },
      { kind: "value", value: 0.14 },
      { kind: "value", value: 100 },
      { kind: "value", value: 13 },
    ]);
    expect(table.rows[0]?.cells[1]?.figure).toEqual({
      kind: "missing",
      messageKey: "web.dashboard.projection.noBand",
    });
    const group = projectionTable(projection, "SEN", {
      rowHeader: "Year",
      share: "Share",
      low: "Low",
      high: "High",
      headcount: "Headcount",
      women: "Women",
    });
    expect(group.rows[1]?.cells[0]?.figure).toEqual({
      kind: "missing",
      messageKey: "web.indicatorReasons.empty_denominator",
    });
  });
});

describe("projectionAxisTop", () => {
  it("leaves room for the target line and the band, in steps of 5 points", () => {
    const data = buildProjectionChart(projection, null);
    expect(projectionAxisTop(data, 0.3)).toBe(0.35);
    expect(projectionAxisTop(data, null)).toBe(0.15);
    expect(projectionAxisTop([], null)).toBe(0.1);
    expect(projectionAxisTop([{ [FOCUS]: 0.99 }], null)).toBe(1);
  });
});

describe("projectionAxisTicks", () => {
  it("steps by 5 points up to 20% and by 10 above, ending at the top", () => {
    expect(projectionAxisTicks(0.15)).toEqual([0, 0.05, 0.1, 0.15]);
    expect(projectionAxisTicks(0.35)).toEqual([0, 0.1, 0.2, 0.3, 0.35]);
    expect(projectionAxisTicks(1)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
  });
});
