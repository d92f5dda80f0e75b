import { describe, expect, it } from "vitest";
import { exampleInputs } from "../../../test/fixtures/projection-three-grades";
import { estimateMarkovModel } from "./estimate";
import { computeLongRunShare } from "./long-run";
import { projectStock, shareOfWomen } from "./project";
import { computeProjection } from "./projection";
import { computeRequiredWomenHires } from "./required-hires";
import { buildScenarioModel, withFemaleShare } from "./what-if";

const inputs = exampleInputs();
const start = inputs.baseline.stock;
const estimate = estimateMarkovModel(inputs);
const model = buildScenarioModel(estimate, {}, start);
const noBootstrap = { replicates: 0, seed: 1 };

function expectClose(actual: readonly number[] | undefined, expected: readonly number[]) {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((v, i) => expect(actual?.[i]).toBeCloseTo(v, 12));
}

describe("the hand-computed 3-grade example (test/fixtures/projection-three-grades.ts)", () => {
  it("estimates pooled P_s, exits, H, e and f (INDICATORS.md §5.1)", () => {
    // Women: C 15/20 stay, 3/20 → S, 2/20 exit; S 7/10 stay, 1/10 → T, 2/10 exit; T 1/2, 1/2.
    expectClose(estimate.rows.F[0]?.to ?? [], [0.75, 0.15, 0]);
    expectClose(estimate.rows.F[1]?.to ?? [], [0, 0.7, 0.1]);
    expectClose(estimate.rows.F[2]?.to ?? [], [0, 0, 0.5]);
    expect(estimate.rows.F.map((r) => r?.exit)).toEqual([0.1, 0.2, 0.5]);
    // Men: C 28/40, 8/40, exit 4/40; S 14/20, 4/20, 2/20; T: 1/10 demoted to S, 7/10 stay, 2/10 exit.
    expectClose(estimate.rows.M[0]?.to ?? [], [0.7, 0.2, 0]);
    expectClose(estimate.rows.M[1]?.to ?? [], [0, 0.7, 0.2]);
    expectClose(estimate.rows.M[2]?.to ?? [], [0, 0.1, 0.7]);
    expect(estimate.rows.M.map((r) => r?.exit)).toEqual([0.1, 0.1, 0.2]);
    expect(estimate.rows.F.every((r) => r?.source === "observed")).toBe(true);
    // H = (8 + 12) / 2 = 10; e = (17, 3, 0) / 20; f = 6 / 20.
    expect(estimate.totalHires).toBe(10);
    expectClose(estimate.entry, [0.85, 0.15, 0]);
    expect(estimate.hiringShare).toEqual({ value: 0.3, numerator: 6, denominator: 20 });
    expect(estimate.sexes).toEqual(["F", "M"]);
  });

  it("projects one step n_s(1) = n_s(0)·P_s + h_s, and a second", () => {
    const [t0, t1, t2] = projectStock(model, start, 2);
    // t = 0: the baseline, 8 women of 43.
    expect(shareOfWomen(t0.stock)).toBe(8 / 43);
    // Women: (6, 2, 0)·P_F = (4.5, 0.9 + 1.4, 0.2) = (4.5, 2.3, 0.2);
    //   h_F = 0.3 · 10 · (0.85, 0.15, 0) = (2.55, 0.45, 0) → (7.05, 2.75, 0.2), 10 women.
    expectClose(t1.stock.F, [7.05, 2.75, 0.2]);
    // Men: (20, 10, 5)·P_M = (14, 4 + 7 + 0.5, 2 + 3.5) = (14, 11.5, 5.5);
    //   h_M = 0.7 · 10 · e = (5.95, 1.05, 0) → (19.95, 12.55, 5.5), 38 men. Share 10/48.
    expectClose(t1.stock.M, [19.95, 12.55, 5.5]);
    expect(shareOfWomen(t1.stock)).toBeCloseTo(10 / 48, 12);
    // Per grade at t = 1: T has 0.2 women of 5.7.
    expect(shareOfWomen(t1.stock, [2])).toBeCloseTo(0.2 / 5.7, 12);
    // t = 2, women: C 7.05·0.75 + 2.55 = 7.8375; S 7.05·0.15 + 2.75·0.7 + 0.45 = 3.4325;
    //   T 2.75·0.1 + 0.2·0.5 = 0.375: 11.645. Men: C 13.965 + 5.95 = 19.915;
    //   S 3.99 + 8.785 + 0.55 + 1.05 = 14.375; T 2.51 + 3.85 = 6.36: 40.65.
    expectClose(t2.stock.F, [7.8375, 3.4325, 0.375]);
    expectClose(t2.stock.M, [19.915, 14.375, 6.36]);
    expect(shareOfWomen(t2.stock)).toBeCloseTo(11.645 / 52.295, 12);
  });

  it("in constant-size mode hires replace the leavers: H(0) = 1 + 4 = 5", () => {
    const constant = buildScenarioModel(estimate, { isConstantSize: true }, start);
    const [t0, t1] = projectStock(constant, start, 1);
    // Leavers: women 6·0.1 + 2·0.2 = 1, men 20·0.1 + 10·0.1 + 5·0.2 = 4.
    expect(t0.hires).toBeCloseTo(5, 12);
    // Women (4.5, 2.3, 0.2) + 0.3·5·e = (5.775, 2.525, 0.2); men (14, 11.5, 5.5) + 3.5·e.
    expectClose(t1.stock.F, [5.775, 2.525, 0.2]);
    expectClose(t1.stock.M, [16.975, 12.025, 5.5]);
  });

  it("years_to_target: 21% is first reached in year 2 (2027); 18% is met at the start", () => {
    const run = (share: number) =>
      computeProjection(inputs, { horizon: 30, target: { share }, bootstrap: noBootstrap })
        .yearsToTarget;
    // 8/43 = 18.6% < 21% (800 < 903, in integers); 10/48 = 20.8% < 21%; 11.645/52.295 = 22.3%.
    expect(run(0.21)).toMatchObject({ value: 2, year: 2027 });
    expect(run(0.18)).toMatchObject({ value: 0, year: 2025 });
    // The long-run share (below) never reaches 30%.
    expect(run(0.3)).toMatchObject({
      value: null,
      year: null,
      reason: "not_within_horizon",
      isReachableInLongRun: false,
    });
  });

  it("the long-run share solves n_s(∞) = h_s·(I − P_s)⁻¹", () => {
    // Women: 0.25·x_C = 2.55 → 10.2; 0.3·x_S = 0.45 + 0.15·10.2 → 6.6; 0.5·x_T = 0.1·6.6 → 1.32.
    // Men: x_C = 5.95/0.3; x_T = (2/3)·x_S; (0.3 − 0.2/3)·x_S = 1.05 + 0.2·x_C → x_S = 21.5.
    const women = 10.2 + 6.6 + 1.32;
    const men = 5.95 / 0.3 + 21.5 + (2 / 3) * 21.5;
    const longRun = computeLongRunShare(model, start);
    expect(longRun.value).toBeCloseTo(women / (women + men), 12);
    const far = projectStock(model, start, 2000)[2000];
    expect(shareOfWomen(far.stock)).toBeCloseTo(longRun.value!, 10);
  });

  it("required_women_hires by the closed form of §5.3", () => {
    // T = 1, target 25%: a_F = 4.5 + 2.3 + 0.2 = 7, b_F = e·1 = 1; a_M = 14 + 11.5 + 5.5 = 31, b_M = 1.
    // f* = [0.25·(31 + 10·1) − 0.75·7] / (10·[0.75·1 + 0.25·1]) = (10.25 − 5.25)/10 = 0.5: 5 women a year.
    const oneYear = computeRequiredWomenHires(
      model,
      start,
      { share: { numerator: 1, denominator: 4 } },
      1,
    );
    expect(oneYear.hiringShare).toBeCloseTo(0.5, 12);
    expect(oneYear.value).toBeCloseTo(5, 12);
    expect(oneYear.knownSexHires).toBe(10);
    expect(oneYear.method).toBe("closed_form");
    // T = 2, target 30%: a_F = (4.5, 2.3, 0.2)·P_F·1 = 3.375 + 2.285 + 0.33 = 5.99;
    //   b_F = 1 + e·P_F·1 = 1 + (0.6375 + 0.2325 + 0.015) = 1.885;
    //   a_M = (14, 11.5, 5.5)·P_M·1 = 9.8 + 11.4 + 6.15 = 27.35; b_M = 1 + (0.595 + 0.275 + 0.03) = 1.9.
    //   f* = [0.3·(27.35 + 19) − 0.7·5.99] / (10·[0.7·1.885 + 0.3·1.9]) = 9.712 / 18.895.
    const twoYears = computeRequiredWomenHires(
      model,
      start,
      { share: { numerator: 3, denominator: 10 } },
      2,
    );
    expect(twoYears.hiringShare).toBeCloseTo(9.712 / 18.895, 12);
    expect(twoYears.value).toBeCloseTo((10 * 9.712) / 18.895, 12);
    // Check: projecting with f* gives exactly 30% in 2027.
    const withF = { ...model, hireMix: withFemaleShare(model.hireMix, twoYears.hiringShare!) };
    expect(shareOfWomen(projectStock(withF, start, 2)[2].stock)).toBeCloseTo(0.3, 12);
  });

  it("required_women_hires for one rank group: 20% of T by 2027 is infeasible with 10 hires a year", () => {
    // c = (0, 0, 1). Women: P_F·c = (0, 0.1, 0.5), P_F²·c = (0.015, 0.12, 0.25):
    //   a_F = 6·0.015 + 2·0.12 = 0.33, b_F = e·c + e·P_F·c = 0 + 0.15·0.1 = 0.015.
    // Men: P_M·c = (0, 0.2, 0.7), P_M²·c = (0.04, 0.28, 0.51): a_M = 0.8 + 2.8 + 2.55 = 6.15, b_M = 0.03.
    // f* = [0.2·(6.15 + 0.3) − 0.8·0.33] / (10·[0.8·0.015 + 0.2·0.03]) = 1.026 / 0.18 = 5.7 > 1.
    // With f = 1: H = (0.2·6.15 − 0.8·0.33) / (0.8·0.015) = 0.966 / 0.012 = 80.5 hires a year.
    const result = computeProjection(inputs, {
      horizon: 10,
      target: { share: 0.2, year: 2027, rankGroup: "T" },
      bootstrap: noBootstrap,
    }).requiredWomenHires;
    expect(result).toMatchObject({
      value: null,
      hiringShare: null,
      reason: "infeasible_with_total_hires",
      targetYear: 2027,
      years: 2,
    });
    expect(result?.totalHiresNeededAtFullShare).toBeCloseTo(80.5, 10);
  });

  it("required_women_hires is 0 (`already_on_track`) when no woman need be hired", () => {
    // T = 1, target 14%: f* = [0.14·(31 + 10) − 0.86·7] / (10·[0.86 + 0.14]) = (5.74 − 6.02)/10 < 0:
    // with no woman hired, 7 women of 48 (14.6%) would already meet it.
    const result = computeRequiredWomenHires(
      model,
      start,
      { share: { numerator: 14, denominator: 100 } },
      1,
    );
    expect(result).toMatchObject({ value: 0, hiringShare: 0, reason: "already_on_track" });
  });

  it("promotion parity gives women men's upward probabilities and keeps their exits", () => {
    const parity = buildScenarioModel(estimate, { isPromotionParity: true }, start);
    // C: up 0.2 (men), exit 0.1 → stay 0.7. S: up 0.2, exit 0.2 → stay 0.6. T: unchanged.
    expectClose(parity.rows.F[0]?.to ?? [], [0.7, 0.2, 0]);
    expectClose(parity.rows.F[1]?.to ?? [], [0, 0.6, 0.2]);
    expectClose(parity.rows.F[2]?.to ?? [], [0, 0, 0.5]);
    expect(parity.rows.F.map((r) => r.exit)).toEqual([0.1, 0.2, 0.5]);
    expect(parity.rows.M).toEqual(model.rows.M);
    // One step: C 6·0.7 + 2.55 = 6.75; S 6·0.2 + 2·0.6 + 0.45 = 2.85; T 2·0.2 = 0.4.
    expectClose(projectStock(parity, start, 1)[1].stock.F, [6.75, 2.85, 0.4]);
  });
});
