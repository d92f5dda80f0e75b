import { describe, expect, it } from "vitest";
import type { TargetProgress } from "../../../../core/schemas/targets";
import { gaugeScale, sortTargets, targetsTable } from "./targets";

const counts = (F: number, M: number) => ({ F, M, X: 0, U: 0, N: F + M });

const target = (
  id: number,
  status: TargetProgress["status"],
  targetYear: number,
  overrides: Partial<TargetProgress> = {},
): TargetProgress => ({
  id,
  unit: { id: 10 + id, code: `P${id}`, name: `Province ${id}` },
  rankGroup: null,
  targetYear,
  shareBasisPoints: 2000,
  note: null,
  planStart: "2023-01-01",
  createdAt: "2023-01-01T00:00:00Z",
  updatedAt: "2023-01-01T00:00:00Z",
  status,
  current: {
    value: 0.15,
    numerator: 15,
    denominator: 100,
    counts: counts(15, 85),
    unknownShare: 0,
    bounds: { low: 0.15, high: 0.15 },
    isUnknownSexHigh: false,
  },
  baseline: null,
  gapPoints: 5,
  gapPersons: 5,
  expectedShare: 0.16,
  deadline: `${targetYear}-12-31`,
  ...overrides,
});

describe("sortTargets", () => {
  it("puts overdue and off-track targets first, met last, earlier years first", () => {
    const sorted = sortTargets([
      target(1, "met", 2025),
      target(2, "on_track", 2030),
      target(3, null, 2030, { reason: "no_baseline" }),
      target(4, "off_track", 2030),
      target(5, "off_track", 2027),
      target(6, "overdue", 2024),
    ]);
    expect(sorted.map((t) => t.id)).toEqual([6, 5, 4, 3, 2, 1]);
  });
});

describe("gaugeScale", () => {
  it("leaves room above the largest share, in steps of 10%", () => {
    expect(gaugeScale(0.2, 0.15, 0.16)).toBe(0.3);
    expect(gaugeScale(0.5, 0.1, null)).toBe(0.6);
    expect(gaugeScale(0.02, null)).toBe(0.1);
    expect(gaugeScale(0.95)).toBe(1);
    expect(gaugeScale(null)).toBe(0.1);
  });
});

describe("targetsTable", () => {
  it("writes a row per target with its figures, and the reason where a figure is missing", () => {
    const table = targetsTable(
      [
        target(1, "met", 2025),
        target(2, null, 2030, {
          reason: "empty_denominator",
          current: {
            ...target(2, null, 2030).current,
            value: null,
            numerator: 0,
            denominator: 0,
            reason: "empty_denominator",
          },
          gapPoints: null,
          gapPersons: null,
          expectedShare: null,
        }),
      ],
      {
        rowHeader: "Target",
        allRanks: "All ranks",
        columns: {
          target: "Target",
          year: "Year",
          current: "Now",
          expected: "Expected",
          gapPoints: "Gap",
          gapPersons: "Women short",
          status: "Status",
        },
        statusText: (t) => t.status ?? `undecided:${t.reason ?? ""}`,
      },
    );
    expect(table.rows.map((r) => r.header)).toEqual([
      "Province 2 — All ranks",
      "Province 1 — All ranks",
    ]);
    expect(table.rows[0]?.cells.map((c) => c.figure.kind)).toEqual([
      "value",
      "text",
      "missing",
      "missing",
      "missing",
      "missing",
      "text",
    ]);
    expect(table.rows[0]?.cells[2]?.figure).toEqual({
      kind: "missing",
      messageKey: "web.indicatorReasons.empty_denominator",
    });
    expect(
      table.rows[1]?.cells.map((c) => (c.figure.kind === "value" ? c.figure.value : null)),
    ).toEqual([0.2, null, 0.15, 0.16, 5, 5, null]);
    expect(table.rows[0]?.unitId).toBe(12);
  });
});
