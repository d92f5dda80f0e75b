import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tabulateInputs, type FlowRow } from "./inputs";
import type { MarkovModel, TransitionRow } from "./model";
import { projectStock, shareOfWomen } from "./project";
import { computeProjection } from "./projection";
import { computeRequiredWomenHires } from "./required-hires";
import { withFemaleShare } from "./what-if";

/**
 * One grade, the same exit rate e = k/m for both sexes, constant size N and hires H = e·N with
 * female share f: the model must equal the closed forms of INDICATORS.md §5.2 and §5.3.
 */
const singleStock = fc
  .record({
    m: fc.integer({ min: 2, max: 40 }),
    kRaw: fc.nat(),
    a: fc.integer({ min: 1, max: 5 }),
    b: fc.integer({ min: 1, max: 5 }),
    F0: fc.nat(200),
    M0: fc.nat(200),
    fPermille: fc.integer({ min: 0, max: 1000 }),
    targetPermille: fc.integer({ min: 0, max: 1000 }),
    T: fc.integer({ min: 1, max: 30 }),
  })
  .filter((s) => s.F0 + s.M0 > 0)
  .map((s) => ({ ...s, k: 1 + (s.kRaw % (s.m - 1)) }));

type SingleStock = typeof singleStock extends fc.Arbitrary<infer T> ? T : never;

function runSingleStock(s: SingleStock, target?: { share: number; year?: number }) {
  const flows: FlowRow[] = [
    { year: 2024, sex: "F", from: "all", to: "all", count: s.a * (s.m - s.k) },
    { year: 2024, sex: "F", from: "all", to: null, count: s.a * s.k },
    { year: 2024, sex: "M", from: "all", to: "all", count: s.b * (s.m - s.k) },
    { year: 2024, sex: "M", from: "all", to: null, count: s.b * s.k },
  ];
  const baseline = [
    { sex: "F" as const, grade: "all", count: s.F0 },
    { sex: "M" as const, grade: "all", count: s.M0 },
  ];
  const inputs = tabulateInputs([{ code: "all", ordinal: 1 }], [2024], 2025, flows, baseline);
  const e = s.k / s.m;
  const N = s.F0 + s.M0;
  return computeProjection(inputs, {
    horizon: 30,
    whatIf: { totalHires: e * N, hiringShare: s.fPermille / 1000 },
    ...(target ? { target } : {}),
    bootstrap: { replicates: 0, seed: 1 },
  });
}

describe("the model with one grade equals the single-stock closed forms", () => {
  it("s(t) = f + (s0 − f)(1 − e)^t, at constant size", () => {
    fc.assert(
      fc.property(singleStock, (s) => {
        const e = s.k / s.m;
        const f = s.fPermille / 1000;
        const s0 = s.F0 / (s.F0 + s.M0);
        const result = runSingleStock(s);
        for (const year of result.series) {
          expect(year.total.share).toBeCloseTo(f + (s0 - f) * (1 - e) ** year.t, 10);
          expect(year.total.counts.N).toBeCloseTo(s.F0 + s.M0, 9);
        }
        expect(result.longRun.value).toBeCloseTo(f, 10);
      }),
    );
  });

  it("years_to_target = ceil(ln((target − f)/(s0 − f)) / ln(1 − e)) when s0 < target < f", () => {
    fc.assert(
      fc.property(singleStock, (s) => {
        const e = s.k / s.m;
        const f = s.fPermille / 1000;
        const target = s.targetPermille / 1000;
        const N = s.F0 + s.M0;
        const result = runSingleStock(s, { share: target }).yearsToTarget;
        if (s.F0 * 1000 >= s.targetPermille * N) {
          expect(result?.value).toBe(0);
          return;
        }
        const s0 = s.F0 / N;
        fc.pre(Math.abs(target - f) > 1e-6);
        if (target > f) {
          expect(result).toMatchObject({ value: null, reason: "not_within_horizon" });
          expect(result?.isReachableInLongRun).toBe(false);
          return;
        }
        const tStar = Math.log((target - f) / (s0 - f)) / Math.log(1 - e);
        fc.pre(Math.abs(tStar - Math.round(tStar)) > 1e-6);
        const expected = Math.ceil(tStar);
        expect(result?.value).toBe(expected <= 30 ? expected : null);
        expect(result?.isReachableInLongRun).toBe(true);
      }),
    );
  });

  it("required_women_hires: f* = (target − s0·q)/(1 − q), q = (1 − e)^T, women hires = f*·e·N", () => {
    fc.assert(
      fc.property(singleStock, (s) => {
        const e = s.k / s.m;
        const N = s.F0 + s.M0;
        const s0 = s.F0 / N;
        const target = s.targetPermille / 1000;
        const q = (1 - e) ** s.T;
        const fStar = (target - s0 * q) / (1 - q);
        fc.pre(Math.abs(fStar) > 1e-7 && Math.abs(fStar - 1) > 1e-7);
        const result = runSingleStock(s, { share: target, year: 2025 + s.T }).requiredWomenHires;
        expect(result?.targetYear).toBe(2025 + s.T);
        if (fStar < 0) {
          expect(result).toMatchObject({ value: 0, reason: "already_on_track" });
        } else if (fStar > 1) {
          expect(result).toMatchObject({ value: null, reason: "infeasible_with_total_hires" });
        } else {
          expect(result?.reason).toBeUndefined();
          expect(result?.hiringShare).toBeCloseTo(fStar, 9);
          expect(Math.abs((result?.value ?? 0) - fStar * e * N)).toBeLessThan(1e-8 * e * N);
        }
      }),
    );
  });
});

/** Random 3-grade models in which everyone leaves eventually (every exit weight ≥ 1). */
const row = fc
  .tuple(fc.nat(20), fc.nat(20), fc.nat(20), fc.integer({ min: 1, max: 20 }))
  .map(([a, b, c, exit]): TransitionRow => {
    const total = a + b + c + exit;
    return { to: [a / total, b / total, c / total], exit: exit / total, source: "observed" };
  });
const model = fc.record({
  F: fc.tuple(row, row, row),
  M: fc.tuple(row, row, row),
  startF: fc.tuple(fc.nat(50), fc.nat(50), fc.nat(50)),
  startM: fc.tuple(fc.nat(50), fc.nat(50), fc.nat(50)),
  entry: fc.tuple(fc.integer({ min: 1, max: 10 }), fc.nat(10), fc.nat(10)),
  hires: fc.integer({ min: 0, max: 60 }),
  isConstantSize: fc.boolean(),
  targetPermille: fc.integer({ min: 0, max: 1000 }),
  grade: fc.constantFrom(undefined, 0, 1, 2),
  T: fc.integer({ min: 1, max: 20 }),
});

describe("required_women_hires on random 3-grade models", () => {
  it("hiring the f* it returns reaches the target at T; 'on track' and 'infeasible' hold at f = 0 and 1", () => {
    fc.assert(
      fc.property(model, (g) => {
        const entryTotal = g.entry[0] + g.entry[1] + g.entry[2];
        const markov: MarkovModel = {
          grades: [0, 1, 2].map((i) => ({ code: `G${i}`, ordinal: i + 1 })),
          sexes: ["F", "M"],
          rows: { F: g.F, M: g.M, X: g.M, U: g.M },
          totalHires: g.hires,
          entry: g.entry.map((w) => w / entryTotal),
          hireMix: { F: 0.3, M: 0.7, X: 0, U: 0 },
          isConstantSize: g.isConstantSize,
        };
        const start = { F: g.startF, M: g.startM, X: [0, 0, 0], U: [0, 0, 0] };
        const target = {
          share: { numerator: g.targetPermille, denominator: 1000 },
          ...(g.grade === undefined ? {} : { grades: [g.grade] }),
        };
        const result = computeRequiredWomenHires(markov, start, target, g.T);
        const shareAt = (f: number) => {
          const withF = { ...markov, hireMix: withFemaleShare(markov.hireMix, f) };
          return shareOfWomen(projectStock(withF, start, g.T)[g.T].stock, target.grades);
        };
        const goal = g.targetPermille / 1000;
        if (result.reason === "already_on_track") {
          expect(shareAt(0) ?? Number.NaN).toBeGreaterThanOrEqual(goal - 1e-9);
        } else if (result.reason === "infeasible_with_total_hires") {
          const best = shareAt(1);
          if (best !== null) expect(best).toBeLessThan(goal + 1e-9);
        } else {
          expect(shareAt(result.hiringShare!)).toBeCloseTo(goal, 6);
          expect(result.value).toBeCloseTo(result.hiringShare! * result.knownSexHires, 9);
        }
      }),
      { numRuns: 300 },
    );
  });
});
