import { describe, expect, it } from "vitest";
import { annualReportFixture, externalAnnualReportFixture } from "../../../test/report-fixtures";
import { annualReportPeriod, buildAnnualReport, planAnnualReport } from "./annual-report";
import type { NumberCell, ReportTable } from "./report-model";

const tableOf = (id: string, input = annualReportFixture()): ReportTable => {
  const table = buildAnnualReport(input)
    .sections.flatMap((s) => s.tables)
    .find((t) => t.id === id);
  if (!table) throw new Error(`no table ${id}`);
  return table;
};
const numbers = (table: ReportTable, row: number) =>
  (table.rows[row]?.cells ?? []).filter((c): c is NumberCell => c.kind === "number");

describe("annualReportPeriod", () => {
  it("counts stocks on 31 December and flows over the calendar year once the year is over", () => {
    expect(annualReportPeriod(2023, "2024-06-15")).toEqual({
      year: 2023,
      at: "2023-12-31",
      from: "2023-01-01",
      to: "2024-01-01",
    });
    expect(annualReportPeriod(2023, "2024-01-01")?.to).toBe("2024-01-01");
  });

  it("stops at today during the year, and refuses a year that has not begun", () => {
    expect(annualReportPeriod(2024, "2024-06-15")).toEqual({
      year: 2024,
      at: "2024-06-15",
      from: "2024-01-01",
      to: "2024-06-15",
    });
    expect(annualReportPeriod(2025, "2024-12-31")).toBeNull();
  });
});

describe("planAnnualReport", () => {
  it("asks for the pipeline by rank internally and by rank group only for an external report", () => {
    const pipeline = (audience: "internal" | "external") =>
      planAnnualReport(audience).computes.find((c) => c.key === "pipeline");
    expect(pipeline("internal")).toMatchObject({ indicator: "share_women", by: ["rank"] });
    expect(pipeline("external")).toMatchObject({ indicator: "share_women", by: ["rank_group"] });
    expect(planAnnualReport("internal").trends.map((t) => t.key)).toEqual([
      "headcount_trend",
      "share_trend",
    ]);
  });
});

describe("buildAnnualReport", () => {
  it("lays out the sections of the annual report in order", () => {
    const report = buildAnnualReport(annualReportFixture());
    expect(report.sections.map((s) => s.id)).toEqual([
      "summary",
      "representation",
      "trend",
      "leadership",
      "flows",
      "leavers",
      "promotion_time",
      "data_quality",
    ]);
    expect(report.sections.flatMap((s) => s.charts.map((c) => c.id))).toEqual([
      "pipeline",
      "trend",
      "flows",
    ]);
    expect(report.scope.code).toBe("HQ");
    expect(report.indicators).toContain("time_to_promotion");
    // 12 results and two trends of 10 points.
    expect(report.datasets).toHaveLength(32);
  });

  it("puts counts by sex and the share of women of the same row side by side", () => {
    const table = tableOf("headcount_by_rank_group");
    expect(table.rows.map((r) => r.isTotal)).toEqual([false, false, false, true]);
    expect(numbers(table, 2).map((c) => c.value)).toEqual([2, 38, 0, 0, 40, 0.05]);
    expect(
      numbers(table, 3)
        .map((c) => c.value)
        .slice(0, 5),
    ).toEqual([152, 1188, 1, 6, 1347]);
  });

  it("gives the flows by sex with an all-sexes line, and a reason where a rate is undefined", () => {
    const table = tableOf("flows");
    expect(table.rows).toHaveLength(15);
    const x = numbers(table, 2);
    expect(x.map((c) => c.value)).toEqual([0, 0, null]);
    expect(x[2]).toMatchObject({ suppression: null, reason: "empty_denominator" });
    expect(numbers(table, 4).map((c) => c.value)).toEqual([100, 1330, 100 / 1330]);
  });

  it("marks hidden counts and withheld shares of an external report, and never shows 3", () => {
    const input = externalAnnualReportFixture();
    const table = tableOf("headcount_by_rank_group", input);
    const senior = numbers(table, 2);
    expect(senior[0]).toMatchObject({ value: null, suppression: "primary" });
    expect(senior[4]).toMatchObject({ value: null, suppression: "primary" });
    expect(senior[5]).toMatchObject({ value: null, suppression: "derived" });
    expect(numbers(table, 1)[0]).toMatchObject({ value: null, suppression: "complementary" });
    expect(table.disclosure?.k).toBe(5);
    const quality = tableOf("data_quality", input);
    expect(numbers(quality, 1).map((c) => [c.value, c.suppression])).toEqual([
      [null, "primary"],
      [1347, null],
      [null, "derived"],
    ]);
    const report = buildAnnualReport(input);
    expect(report.sections.flatMap((s) => s.tables).map((t) => t.id)).not.toContain("pipeline");
  });

  it("shows every data-quality count of an internal report", () => {
    const quality = tableOf("data_quality");
    expect(
      quality.rows.map((row) => numbers(quality, quality.rows.indexOf(row)).map((c) => c.value)),
    ).toEqual([
      [6, 1347, 6 / 1347],
      [3, 1347, 3 / 1347],
      [45, 900, 0.05],
    ]);
  });
});
