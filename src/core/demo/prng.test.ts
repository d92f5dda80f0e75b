import { describe, expect, it } from "vitest";
import { createRandom } from "./prng";

const draws = <T>(n: number, draw: () => T): T[] => Array.from({ length: n }, draw);

describe("createRandom", () => {
  it("repeats the same sequence for the same seed and differs for another seed", () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom(8);
    const first = draws(20, () => a.next());
    expect(draws(20, () => b.next())).toEqual(first);
    expect(draws(20, () => c.next())).not.toEqual(first);
  });

  it("draws next() in [0, 1) with a mean near one half", () => {
    const random = createRandom(1);
    const values = draws(20_000, () => random.next());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.reduce((s, v) => s + v, 0) / values.length).toBeCloseTo(0.5, 1);
  });

  it("draws int(min, max) inclusive of both ends and nothing outside", () => {
    const random = createRandom(3);
    const seen = new Set(draws(5_000, () => random.int(-2, 3)));
    expect([...seen].sort((x, y) => x - y)).toEqual([-2, -1, 0, 1, 2, 3]);
    expect(draws(50, () => random.int(5, 5))).toEqual(Array(50).fill(5));
  });

  it("follows the weights and never picks a zero weight", () => {
    const random = createRandom(11);
    const counts = [0, 0, 0];
    for (const i of draws(30_000, () => random.weighted([1, 0, 3])))
      counts[i] = (counts[i] ?? 0) + 1;
    expect(counts[1]).toBe(0);
    expect((counts[2] ?? 0) / 30_000).toBeCloseTo(0.75, 1);
  });

  it("picks only items of the list, each of them eventually", () => {
    const random = createRandom(5);
    const items = ["a", "b", "c"] as const;
    expect(new Set(draws(500, () => random.pick(items)))).toEqual(new Set(items));
  });

  it("draws chance(p) with frequency p, and never for p = 0", () => {
    const random = createRandom(9);
    const hits = draws(20_000, () => random.chance(0.2)).filter(Boolean).length;
    expect(hits / 20_000).toBeCloseTo(0.2, 1);
    expect(draws(1_000, () => random.chance(0)).some(Boolean)).toBe(false);
  });
});
