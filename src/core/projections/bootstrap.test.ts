import { describe, expect, it } from "vitest";
import { exampleFlows, exampleInputs } from "../../../test/fixtures/projection-three-grades";
import { bootstrapBands, percentile } from "./bootstrap";
import { computeProjection } from "./projection";

describe("bootstrap over estimation years", () => {
  it("takes percentiles by interpolating order statistics (type 7)", () => {
    // h = 3·0.025 = 0.075 → 1 + 0.075·1; h = 3·0.975 = 2.925 → 3 + 0.925·1.
    expect(percentile([1, 2, 3, 4], 0.025)).toBeCloseTo(1.075, 15);
    expect(percentile([1, 2, 3, 4], 0.975)).toBeCloseTo(3.925, 15);
    expect(percentile([7], 0.5)).toBe(7);
  });

  it("draws years with replacement, and null values are left out", () => {
    const draws: number[][] = [];
    const bands = bootstrapBands([1, 2, 3], { replicates: 400, seed: 7 }, (sample) => {
      draws.push([...sample]);
      return [sample.reduce((a, b) => a + b, 0), null];
    });
    expect(draws).toHaveLength(400);
    expect(draws.some((d) => new Set(d).size < 3)).toBe(true);
    // Sums of three draws from {1, 2, 3} lie in 3…9.
    expect(bands[0]?.low).toBeGreaterThanOrEqual(3);
    expect(bands[0]?.high).toBeLessThanOrEqual(9);
    expect(bands[0]!.low).toBeLessThan(bands[0]!.high);
    expect(bands[1]).toBeNull();
    expect(bootstrapBands([1, 2], { replicates: 0, seed: 7 }, () => [1])).toEqual([]);
  });

  it("is reproducible: the same seed gives the same bands", () => {
    const run = (seed: number) =>
      computeProjection(exampleInputs(), {
        horizon: 10,
        bootstrap: { replicates: 50, seed },
      }).series.map((y) => y.total.band);
    expect(run(3)).toEqual(run(3));
    const years = Array.from({ length: 10 }, (_, i) => i * i);
    const sums = (seed: number) =>
      bootstrapBands(years, { replicates: 50, seed }, (sample) => [
        sample.reduce((a, b) => a + b, 0),
      ]);
    expect(sums(3)).toEqual(sums(3));
    expect(sums(3)).not.toEqual(sums(4));
  });

  it("the band of the start is the observed share; later bands hold low ≤ high", () => {
    const result = computeProjection(exampleInputs(), {
      horizon: 10,
      bootstrap: { replicates: 100, seed: 1 },
    });
    expect(result.series[0]?.total.band).toEqual({ low: 8 / 43, high: 8 / 43 });
    for (const year of result.series) {
      expect(year.total.band!.low).toBeLessThanOrEqual(year.total.band!.high);
      for (const grade of year.byGrade) {
        if (grade.band) expect(grade.band.low).toBeLessThanOrEqual(grade.band.high);
      }
    }
    // The two estimation years differ (men's T row), so later years have a band of some width.
    const last = result.series[10]?.total.band;
    expect(last!.high - last!.low).toBeGreaterThan(0);
  });

  it("one estimation year gives a band of zero width around the projection", () => {
    const flows = exampleFlows.filter((f) => f.year === 2024);
    const inputs = exampleInputs(flows);
    const oneYear = { ...inputs, years: inputs.years.filter((y) => y.year === 2024) };
    const result = computeProjection(oneYear, {
      horizon: 5,
      bootstrap: { replicates: 20, seed: 1 },
    });
    for (const year of result.series) {
      expect(year.total.band?.low).toBeCloseTo(year.total.share!, 12);
      expect(year.total.band?.high).toBeCloseTo(year.total.share!, 12);
    }
  });
});
