import { describe, expect, it } from "vitest";
import type { TargetProgress } from "../schemas/targets";
import { annualReportFixture } from "../../../test/report-fixtures";
import { buildAnnualReport } from "./annual-report";
import type { NumberCell, ReportCell } from "./report-model";
import { targetsTable } from "./targets-table";

function target(F: number, M: number, status: TargetProgress["status"]): TargetProgress {
  const K = F + M;
  return {
    id: 1,
    unit: { id: 7, code: "P01", name: "Province 1" },
    rankGroup: null,
    targetYear: 2030,
    shareBasisPoints: 2500,
    note: null,
    planStart: "2022-01-01",
    createdAt: "2022-01-05T00:00:00Z",
    updatedAt: "2022-01-05T00:00:00Z",
    status,
    current: {
      value: F / K,
      numerator: F,
      denominator: K,
      counts: { F, M, X: 0, U: 0, N: K },
      unknownShare: 0,
      bounds: { low: F / K, high: F / K },
      isUnknownSexHigh: false,
    },
    baseline: null,
    gapPoints: (0.25 - F / K) * 100,
    gapPersons: Math.max(0, Math.ceil(0.25 * K) - F),
    expectedShare: 0.2,
    deadline: "2030-12-31",
  };
}

const numberAt = (cells: readonly ReportCell[] | undefined, i: number) => cells?.[i] as NumberCell;

describe("targetsTable", () => {
  it("gives each target with the share of women, the gap and the status (internal)", () => {
    const [row] = targetsTable([target(30, 90, "on_track")], null).rows;
    expect(numberAt(row?.cells, 3).value).toBe(0.25);
    expect(numberAt(row?.cells, 4).value).toBe(0.25);
    expect(numberAt(row?.cells, 5).value).toBeCloseTo(0, 12);
    expect(row?.cells[6]).toEqual({ kind: "text", text: { key: "reports.targetStatus.on_track" } });
  });

  it("withholds the share and gap of an external report, and the status when a side is small", () => {
    const [safe, small] = targetsTable(
      [target(30, 90, "on_track"), target(3, 90, "off_track")],
      5,
    ).rows;
    expect(numberAt(safe?.cells, 4)).toMatchObject({ value: null, suppression: "derived" });
    expect(numberAt(safe?.cells, 5)).toMatchObject({ value: null, suppression: "derived" });
    expect(numberAt(safe?.cells, 3).value).toBe(0.25);
    expect(safe?.cells[6]).toEqual({
      kind: "text",
      text: { key: "reports.targetStatus.on_track" },
    });
    expect(small?.cells[6]).toEqual({ kind: "text", text: { literal: "x" } });
  });

  it("is a section of the report only when there are targets", () => {
    const ids = (targets: TargetProgress[]) =>
      buildAnnualReport({ ...annualReportFixture(), targets }).sections.map((s) => s.id);
    expect(ids([])).not.toContain("targets");
    expect(ids([target(30, 90, "met")])).toContain("targets");
  });
});
