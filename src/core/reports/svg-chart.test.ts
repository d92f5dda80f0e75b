import { describe, expect, it } from "vitest";
import { niceMax, renderBarChart, renderLineChart, valueAxis, type ChartSpec } from "./svg-chart";

const percent = (v: number) => `${Math.round(v * 100)}%`;

function spec(overrides: Partial<ChartSpec>): ChartSpec {
  return {
    id: "c1",
    title: "Share of women",
    categories: ["A", "B"],
    series: [{ label: "Women", values: [0.5, 0.25] }],
    formatValue: percent,
    ...overrides,
  };
}

const widths = (svg: string) =>
  [...svg.matchAll(/<rect x="\d+" y="[\d.]+" width="([\d.]+)" height="11"/g)].map((m) =>
    Number(m[1]),
  );

describe("niceMax", () => {
  it.each([
    [0, 1],
    [-3, 1],
    [0.31, 0.5],
    [0.2, 0.2],
    [7, 10],
    [23, 25],
    [120, 200],
    [Number.NaN, 1],
  ])("rounds %d up to %d", (value, expected) => {
    expect(niceMax(value)).toBeCloseTo(expected, 12);
  });
});

describe("valueAxis", () => {
  it.each([
    [0.217, 0.05, 0.25],
    [0.5, 0.1, 0.5],
    [0.155, 0.05, 0.2],
    [1347, 500, 1500],
    [0, 1, 1],
  ])("puts at most 5 round steps over %d (step %d, top %d)", (max, step, top) => {
    const axis = valueAxis(max);
    expect(axis.step).toBeCloseTo(step, 12);
    expect(axis.top).toBeCloseTo(top, 12);
    expect(axis.top / axis.step).toBeLessThanOrEqual(5 + 1e-9);
  });
});

describe("renderBarChart", () => {
  it("draws bars in proportion to their values, the largest reaching the round top of the axis", () => {
    const svg = renderBarChart(spec({}));
    expect(widths(svg)).toEqual([430, 215]);
    expect(svg).toContain(">50%</text>");
    expect(svg).toContain(">25%</text>");
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="Share of women"/);
  });

  it("draws the mark instead of a bar for a value that is not a number, never a zero bar", () => {
    const svg = renderBarChart(spec({ series: [{ label: "Women", values: ["x", 0] }] }));
    expect(widths(svg)).toEqual([0]);
    expect(svg).toMatch(/>x<\/text>/);
    expect(svg).toContain(">Women: x</text>");
  });

  it("escapes every label, so data can never inject markup", () => {
    const svg = renderBarChart(
      spec({
        id: 'c"1',
        title: "<script>alert(1)</script>",
        categories: ['<img src=x onerror="alert(1)">', "B"],
        series: [{ label: "</svg><script>", values: [0.1, "<b>"] }],
      }),
    );
    expect(svg).not.toMatch(/<script|<img|<b>|<\/svg><|onerror="/);
    expect(svg).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(svg.match(/<svg/g)).toHaveLength(1);
  });

  it("wraps a long legend onto more lines and never writes NaN", () => {
    const long = "A very long rank group name that takes room";
    const svg = renderBarChart(
      spec({ series: [0, 1, 2, 3].map((i) => ({ label: `${long} ${i}`, values: [0, 0] })) }),
    );
    const legendYs = new Set(
      [...svg.matchAll(/<rect x="[\d.]+" y="(\d+)" width="10"/g)].map((m) => m[1]),
    );
    expect(legendYs.size).toBeGreaterThan(1);
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
  });
});

describe("renderLineChart", () => {
  it("breaks a line at a mark and names the mark in the legend", () => {
    const svg = renderLineChart(
      spec({
        categories: ["2020", "2021", "2022", "2023", "2024"],
        series: [
          { label: "All", values: [0.1, "x", 0.2, 0.3, 0.4] },
          { label: "Senior", values: [0.05, 0.06, 0.07, 0.08, 0.09] },
        ],
      }),
    );
    const lines = [...svg.matchAll(/<polyline points="([^"]+)"/g)].map((m) => m[1]?.split(" "));
    expect(lines.map((points) => points?.length)).toEqual([3, 5]);
    expect(svg.match(/<circle/g)).toHaveLength(9);
    expect(svg).toContain(">All: x</text>");
    expect(svg).toContain(">Senior</text>");
  });

  it("puts 0 at the foot and the top of the axis at the top of the plot", () => {
    const svg = renderLineChart(
      spec({ categories: ["2023", "2024"], series: [{ label: "All", values: [0, 1] }] }),
    );
    const ys = [...svg.matchAll(/<circle cx="[\d.]+" cy="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(ys).toEqual([210, 30]);
  });
});
