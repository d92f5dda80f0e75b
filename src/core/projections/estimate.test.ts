import { describe, expect, it } from "vitest";
import {
  exampleBaseline,
  exampleFlows,
  exampleGrades,
  exampleInputs,
} from "../../../test/fixtures/projection-three-grades";
import { AppError } from "../errors";
import { estimateMarkovModel } from "./estimate";
import { expandSpans, stockOf, summariseInputs, tabulateInputs, type FlowRow } from "./inputs";
import { computeProjection } from "./projection";
import { buildScenarioModel } from "./what-if";

const noBootstrap = { replicates: 0, seed: 1 };
const withD = [...exampleGrades, { code: "D", ordinal: 4 }];

function inputsWithD(flows: readonly FlowRow[], baseline = exampleBaseline) {
  return tabulateInputs(withD, [2023, 2024], 2025, flows, baseline);
}

function appErrorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("no AppError thrown");
}

describe("tabulateInputs and the input summary", () => {
  it("derives each year's stock from those who stayed, moved and left", () => {
    const inputs = exampleInputs();
    const [y2023, y2024] = inputs.years;
    expect([0, 1, 2].map((i) => stockOf(y2023, "F", i))).toEqual([10, 4, 1]);
    expect([0, 1, 2].map((i) => stockOf(y2024, "M", i))).toEqual([20, 10, 5]);
    const summary = summariseInputs(inputs);
    expect(summary[1]?.byGrade[1]).toEqual({
      grade: "S",
      stock: { F: 6, M: 10, X: 0, U: 0 },
      hires: { F: 1, M: 2, X: 0, U: 0 },
      exits: { F: 1, M: 1, X: 0, U: 0 },
    });
  });

  it("expands spans into stayers and the baseline stock", () => {
    // 3 women in C on 1 January 2023, 2024 and 2025: stayers 2023 and 2024, and in the baseline.
    // 2 men in S on 1 January 2023 only: no stay (their next year is an edge row of the data layer).
    const { flows, baseline } = expandSpans(
      [
        { sex: "F", grade: "C", lo: 2023, hi: 2025, count: 3 },
        { sex: "M", grade: "S", lo: 2023, hi: 2023, count: 2 },
      ],
      2025,
    );
    expect(flows).toEqual([
      { year: 2023, sex: "F", from: "C", to: "C", count: 3 },
      { year: 2024, sex: "F", from: "C", to: "C", count: 3 },
    ]);
    expect(baseline).toEqual([{ sex: "F", grade: "C", count: 3 }]);
  });

  it("refuses rows outside the years or naming an unknown grade (programming errors)", () => {
    const bad = (row: FlowRow) => () =>
      tabulateInputs(exampleGrades, [2023], 2024, [row], exampleBaseline);
    expect(bad({ year: 2022, sex: "F", from: "C", to: "C", count: 1 })).toThrow(/outside/);
    expect(bad({ year: 2023, sex: "F", from: "Z", to: "C", count: 1 })).toThrow(/unknown grade/);
  });
});

describe("estimateMarkovModel: grades and sexes without history", () => {
  it("a grade no one was in, is in or can enter is marked unreachable, not refused", () => {
    const result = computeProjection(inputsWithD(exampleFlows), {
      horizon: 5,
      bootstrap: noBootstrap,
    });
    const rowD = result.estimate.transitions[0]?.rows[3];
    expect(rowD).toEqual({ grade: "D", to: [0, 0, 0, 0], exit: 1, source: "unreachable" });
    expect(result.series[5]?.byGrade[3]?.counts.N).toBe(0);
    expect(result.series[5]?.byGrade[3]?.share).toBeNull();
  });

  it.each([
    [
      "someone is in it at the start",
      exampleFlows,
      [...exampleBaseline, { sex: "M" as const, grade: "D", count: 1 }],
    ],
    [
      "people are hired into it",
      [...exampleFlows, { year: 2024, sex: "M" as const, from: null, to: "D", count: 1 }],
      exampleBaseline,
    ],
    [
      "people move into it",
      [...exampleFlows, { year: 2024, sex: "F" as const, from: "T", to: "D", count: 1 }],
      exampleBaseline,
    ],
  ])(
    "a grade without history is refused when %s: projection.grade_without_history",
    (_, flows, baseline) => {
      const error = appErrorOf(() =>
        computeProjection(inputsWithD(flows, baseline), { horizon: 5, bootstrap: noBootstrap }),
      );
      expect(error.code).toBe("projection.grade_without_history");
      expect(error.details).toEqual({ grade: "D" });
    },
  );

  it("a supplied row (what-if) lets a grade without history be projected", () => {
    const baseline = [...exampleBaseline, { sex: "M" as const, grade: "D", count: 2 }];
    const result = computeProjection(inputsWithD(exampleFlows, baseline), {
      horizon: 1,
      rowOverrides: [{ grade: "D", to: [0, 0, 0, 0.8] }],
      bootstrap: noBootstrap,
    });
    const rowD = result.estimate.transitions.find((t) => t.sex === "M")?.rows[3];
    expect(rowD?.source).toBe("what_if");
    expect(rowD?.exit).toBeCloseTo(0.2, 15);
    // 2 men stay with probability 0.8: 1.6 a year later.
    expect(result.series[1]?.byGrade[3]?.counts.M).toBeCloseTo(1.6, 12);
  });

  it("refuses a supplied row for an unknown grade or with probabilities above 1", () => {
    const inputs = exampleInputs();
    expect(
      appErrorOf(() =>
        estimateMarkovModel(inputs, { rowOverrides: [{ grade: "Q", to: [0, 0, 1] }] }),
      ),
    ).toMatchObject({ code: "projection.rank_group_unknown", details: { code: "Q" } });
    for (const to of [
      [0.5, 0.6, 0],
      [1, 0],
      [-0.1, 0.5, 0.5],
    ]) {
      expect(
        appErrorOf(() => estimateMarkovModel(inputs, { rowOverrides: [{ grade: "C", to }] })),
      ).toMatchObject({ code: "request.invalid", details: { field: "gradeRow", value: "C" } });
    }
  });

  it("a sex with no one in a grade borrows the grade's row over all sexes (`pooled_sexes`)", () => {
    // No woman in T in either year: the women's T row is the T row of everyone (here: the men's).
    const flows = exampleFlows.filter((f) => !(f.sex === "F" && (f.from === "T" || f.to === "T")));
    const estimate = estimateMarkovModel(exampleInputs(flows));
    expect(estimate.rows.F[2]).toEqual({ ...estimate.rows.M[2], source: "pooled_sexes" });
    expect(estimate.rows.F[1]?.source).toBe("observed");
  });

  it("projects X and U when present; f counts women among hires of known sex only", () => {
    const flows: FlowRow[] = [
      ...exampleFlows,
      { year: 2023, sex: "X", from: "C", to: "C", count: 1 },
      { year: 2024, sex: "U", from: null, to: "C", count: 5 },
    ];
    const estimate = estimateMarkovModel(exampleInputs(flows));
    expect(estimate.sexes).toEqual(["F", "M", "X", "U"]);
    // 6 women among 20 hires of known sex; 5 of 25 hires are of unknown sex; H = 25/2.
    expect(estimate.hiringShare).toEqual({ value: 0.3, numerator: 6, denominator: 20 });
    expect(estimate.hireMix.U).toBeCloseTo(0.2, 15);
    expect(estimate.totalHires).toBe(12.5);
    // A sex with no row of its own in a grade borrows the pooled row: X in S is the all-sex row.
    expect(estimate.rows.X[0]?.source).toBe("observed");
    expect(estimate.rows.X[1]?.source).toBe("pooled_sexes");
  });

  it("without hires: e puts everyone into the first grade, f is undefined, and a what-if H needs an f", () => {
    const flows = exampleFlows.filter((f) => f.from !== null);
    const inputs = exampleInputs(flows);
    const estimate = estimateMarkovModel(inputs);
    expect(estimate.totalHires).toBe(0);
    expect(estimate.entry).toEqual([1, 0, 0]);
    expect(estimate.hiringShare).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
      reason: "empty_denominator",
    });
    const start = inputs.baseline.stock;
    expect(buildScenarioModel(estimate, {}, start).totalHires).toBe(0);
    for (const whatIf of [{ totalHires: 4 }, { isConstantSize: true }]) {
      expect(appErrorOf(() => buildScenarioModel(estimate, whatIf, start)).code).toBe(
        "projection.hiring_share_required",
      );
    }
    const model = buildScenarioModel(estimate, { totalHires: 4, hiringShare: 0.25 }, start);
    expect(model.hireMix).toEqual({ F: 0.25, M: 0.75, X: 0, U: 0 });
  });
});
