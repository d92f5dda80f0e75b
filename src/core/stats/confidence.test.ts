import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeNewcombeInterval, computeWilsonInterval, zForLevel } from "./confidence";

const counts = fc
  .integer({ min: 1, max: 2000 })
  .chain((n) => fc.record({ n: fc.constant(n), x: fc.integer({ min: 0, max: n }) }));

describe("computeWilsonInterval (INDICATORS.md §4)", () => {
  it.each([
    // Newcombe (1998a), Table II, method 3 (score interval without continuity correction).
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])("%i of %i → %f to %f (published example)", (x, n, low, high) => {
    const ci = computeWilsonInterval(x, n);
    expect(ci?.low).toBeCloseTo(low, 4);
    expect(ci?.high).toBeCloseTo(high, 4);
    expect(ci).toMatchObject({ method: "wilson", level: 0.95, basis: "sample" });
  });

  it("computes the centre and half-width of the formula by hand (3 of 10)", () => {
    const z = 1.959963984540054;
    const p = 0.3;
    const centre = (p + (z * z) / 20) / (1 + (z * z) / 10);
    const half = (z / (1 + (z * z) / 10)) * Math.sqrt((p * (1 - p)) / 10 + (z * z) / 400);
    const ci = computeWilsonInterval(3, 10);
    expect(ci?.low).toBeCloseTo(centre - half, 14);
    expect(ci?.high).toBeCloseTo(centre + half, 14);
    expect(ci?.low).toBeCloseTo(0.1078, 4);
    expect(ci?.high).toBeCloseTo(0.6032, 4);
  });

  it("uses the z of the requested level and the basis the caller states", () => {
    expect(zForLevel(0.95)).toBe(1.959963984540054);
    const wide = computeWilsonInterval(30, 100, { level: 0.99, basis: "model_based" });
    const narrow = computeWilsonInterval(30, 100, { level: 0.9 });
    expect(wide).toMatchObject({ level: 0.99, basis: "model_based" });
    expect(wide!.low).toBeLessThan(narrow!.low);
    expect(wide!.high).toBeGreaterThan(narrow!.high);
  });

  it("ends exactly at 0 and 1 and is null for an empty denominator", () => {
    expect(computeWilsonInterval(0, 7)?.low).toBe(0);
    expect(computeWilsonInterval(7, 7)?.high).toBe(1);
    expect(computeWilsonInterval(0, 0)).toBeNull();
  });

  it("property: contains p, stays in [0, 1] and mirrors under x ↔ n − x", () => {
    fc.assert(
      fc.property(counts, ({ x, n }) => {
        const ci = computeWilsonInterval(x, n)!;
        const mirror = computeWilsonInterval(n - x, n)!;
        expect(ci.low).toBeGreaterThanOrEqual(0);
        expect(ci.high).toBeLessThanOrEqual(1);
        expect(ci.low).toBeLessThanOrEqual(x / n);
        expect(ci.high).toBeGreaterThanOrEqual(x / n);
        expect(ci.low).toBeCloseTo(1 - mirror.high, 12);
        expect(ci.high).toBeCloseTo(1 - mirror.low, 12);
      }),
    );
  });

  it("property: a higher level never gives a narrower interval", () => {
    fc.assert(
      fc.property(counts, ({ x, n }) => {
        const at95 = computeWilsonInterval(x, n)!;
        const at99 = computeWilsonInterval(x, n, { level: 0.99 })!;
        expect(at99.low).toBeLessThanOrEqual(at95.low);
        expect(at99.high).toBeGreaterThanOrEqual(at95.high);
      }),
    );
  });
});

describe("computeNewcombeInterval (INDICATORS.md §4)", () => {
  it.each([
    // Newcombe (1998b), Table II, method 10.
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
  ])("%i/%i − %i/%i → %f to %f (published example)", (x1, n1, x2, n2, low, high) => {
    const ci = computeNewcombeInterval(x1, n1, x2, n2);
    expect(ci?.estimate).toBeCloseTo(x1 / n1 - x2 / n2, 14);
    expect(ci?.low).toBeCloseTo(low, 4);
    expect(ci?.high).toBeCloseTo(high, 4);
    expect(ci?.method).toBe("newcombe_hybrid_score");
  });

  it("is null when either sample is empty", () => {
    expect(computeNewcombeInterval(1, 2, 0, 0)).toBeNull();
    expect(computeNewcombeInterval(0, 0, 1, 2)).toBeNull();
  });

  it("property: contains the difference, stays in [−1, 1] and is antisymmetric", () => {
    fc.assert(
      fc.property(counts, counts, (a, b) => {
        const ci = computeNewcombeInterval(a.x, a.n, b.x, b.n)!;
        const swapped = computeNewcombeInterval(b.x, b.n, a.x, a.n)!;
        expect(ci.low).toBeLessThanOrEqual(ci.estimate + 1e-12);
        expect(ci.high).toBeGreaterThanOrEqual(ci.estimate - 1e-12);
        expect(ci.low).toBeGreaterThanOrEqual(-1 - 1e-12);
        expect(ci.high).toBeLessThanOrEqual(1 + 1e-12);
        expect(ci.low).toBeCloseTo(-swapped.high, 12);
        expect(ci.high).toBeCloseTo(-swapped.low, 12);
      }),
    );
  });
});
