import { AppError } from "../errors";
import type { Sex } from "../schemas/sex";
import { bootstrapBands, DEFAULT_BOOTSTRAP, type Band, type BootstrapOptions } from "./bootstrap";
import {
  estimateMarkovModel,
  type HiringShareEstimate,
  type MarkovEstimate,
  type RowOverride,
} from "./estimate";
import { summariseInputs, type EstimationInputs, type InputSummaryYear } from "./inputs";
import { computeLongRunShare, type LongRunShare } from "./long-run";
import {
  mapSexes,
  MAX_HORIZON,
  sum,
  type BySex,
  type Grade,
  type RowSource,
  type Stock,
} from "./model";
import { projectStock, shareOfWomen, type ProjectedYear } from "./project";
import { computeRequiredWomenHires, type RequiredWomenHiresResult } from "./required-hires";
import { decimalToRational, type ProjectionTarget } from "./target";
import { buildScenarioModel, resolveRows, type WhatIf } from "./what-if";
import { computeYearsToTarget, type YearsToTargetResult } from "./years-to-target";

export interface ProjectionParams {
  /** Years to project, 1…30. */
  readonly horizon: number;
  readonly whatIf?: WhatIf;
  /** Transition rows supplied for grades (what-if), applied to every sex. */
  readonly rowOverrides?: readonly RowOverride[];
  /** A target share (0–1), optionally for one rank group and with a year for `required_women_hires`. */
  readonly target?: { readonly share: number; readonly year?: number; readonly rankGroup?: string };
  readonly bootstrap?: BootstrapOptions;
}

/** Headcount by sex, expected values; N = F + M + X + U. */
export type ProjectedCounts = Readonly<Record<Sex | "N", number>>;

export interface ProjectedCell {
  readonly counts: ProjectedCounts;
  /** F / (F + M + X); null when no one of known sex is projected. */
  readonly share: number | null;
  /** Bootstrap interval of the share (2.5th–97.5th percentile); null without replicates. */
  readonly band: Band | null;
}

export interface ProjectionSeriesYear {
  readonly t: number;
  readonly year: number;
  /** Hires made during the year (they count from the next year). */
  readonly hires: number;
  readonly total: ProjectedCell;
  readonly byGrade: Array<ProjectedCell & { readonly grade: string }>;
}

export interface ProjectionResult {
  readonly baselineYear: number;
  readonly estimationYears: number[];
  readonly grades: Grade[];
  readonly sexes: Sex[];
  readonly inputs: {
    readonly years: InputSummaryYear[];
    readonly baseline: Array<{ readonly grade: string; readonly stock: BySex<number> }>;
  };
  readonly estimate: {
    readonly transitions: Array<{
      readonly sex: Sex;
      readonly rows: Array<{
        readonly grade: string;
        readonly to: number[];
        readonly exit: number;
        readonly source: RowSource;
      }>;
    }>;
    readonly totalHires: number;
    readonly entry: number[];
    readonly hireMix: BySex<number>;
    readonly hiringShare: HiringShareEstimate;
  };
  readonly scenario: {
    /** The f projected: the what-if value, else the estimate (null when there were no hires of known sex). */
    readonly hiringShare: number | null;
    /** The H projected; null in constant-size mode (hires replace leavers). */
    readonly totalHires: number | null;
    readonly isPromotionParity: boolean;
    readonly isConstantSize: boolean;
    readonly rowOverrides: Array<{ readonly grade: string; readonly to: number[] }>;
    readonly bootstrap: BootstrapOptions;
  };
  readonly series: ProjectionSeriesYear[];
  readonly longRun: LongRunShare;
  readonly target: {
    readonly share: number;
    readonly year: number | null;
    readonly rankGroup: string | null;
  } | null;
  readonly yearsToTarget: YearsToTargetResult | null;
  readonly requiredWomenHires: (RequiredWomenHiresResult & { readonly targetYear: number }) | null;
}

/**
 * The whole projection of INDICATORS.md §5 for one subtree: estimate (§5.1), the scenario's
 * projection with bootstrap bands, `years_to_target` (§5.2) and `required_women_hires` (§5.3).
 */
export function computeProjection(
  inputs: EstimationInputs,
  params: ProjectionParams,
): ProjectionResult {
  if (!Number.isInteger(params.horizon) || params.horizon < 1 || params.horizon > MAX_HORIZON) {
    throw new RangeError(`horizon must be 1…${MAX_HORIZON}`);
  }
  const whatIf = params.whatIf ?? {};
  const rowOverrides = params.rowOverrides ?? [];
  const bootstrap = params.bootstrap ?? DEFAULT_BOOTSTRAP;
  const baselineYear = inputs.baseline.year;
  const start = inputs.baseline.stock;
  const target = params.target ? resolveTarget(inputs, params.target) : null;

  const estimate = estimateMarkovModel(inputs, { rowOverrides });
  const model = buildScenarioModel(estimate, whatIf, start);
  const series = projectStock(model, start, params.horizon);
  const gradeCount = inputs.grades.length;
  const bands = bootstrapBands(inputs.years, bootstrap, (sample) => {
    const replicate = estimateMarkovModel(
      { ...inputs, years: sample },
      { rowOverrides, fallback: estimate },
    );
    return shareVector(
      projectStock(buildScenarioModel(replicate, whatIf, start), start, params.horizon),
      gradeCount,
    );
  });
  const bandOf = (t: number, k: number) => bands[t * (gradeCount + 1) + k] ?? null;

  return {
    baselineYear,
    estimationYears: inputs.years.map((y) => y.year),
    grades: inputs.grades.map((g) => ({ code: g.code, ordinal: g.ordinal })),
    sexes: [...model.sexes],
    inputs: {
      years: summariseInputs(inputs),
      baseline: inputs.grades.map((g, i) => ({
        grade: g.code,
        stock: mapSexes((s) => start[s][i] ?? 0),
      })),
    },
    estimate: describeEstimate(estimate, start, model.isConstantSize || model.totalHires > 0),
    scenario: {
      hiringShare: whatIf.hiringShare ?? estimate.hiringShare.value,
      totalHires: model.isConstantSize ? null : model.totalHires,
      isPromotionParity: whatIf.isPromotionParity ?? false,
      isConstantSize: model.isConstantSize,
      rowOverrides: rowOverrides.map((r) => ({ grade: r.grade, to: [...r.to] })),
      bootstrap,
    },
    series: series.map((year) => ({
      t: year.t,
      year: baselineYear + year.t,
      hires: year.hires,
      total: {
        counts: countsOf(year.stock),
        share: shareOfWomen(year.stock),
        band: bandOf(year.t, 0),
      },
      byGrade: inputs.grades.map((g, i) => ({
        grade: g.code,
        counts: countsOf(year.stock, i),
        share: shareOfWomen(year.stock, [i]),
        band: bandOf(year.t, i + 1),
      })),
    })),
    longRun: computeLongRunShare(model, start),
    target: params.target
      ? {
          share: params.target.share,
          year: params.target.year ?? null,
          rankGroup: params.target.rankGroup ?? null,
        }
      : null,
    yearsToTarget:
      target === null
        ? null
        : computeYearsToTarget(
            series,
            target.spec,
            baselineYear,
            computeLongRunShare(model, start, target.spec.grades),
          ),
    requiredWomenHires:
      target?.years === undefined
        ? null
        : {
            ...computeRequiredWomenHires(model, start, target.spec, target.years),
            targetYear: baselineYear + target.years,
          },
  };
}

function resolveTarget(
  inputs: EstimationInputs,
  target: NonNullable<ProjectionParams["target"]>,
): { spec: ProjectionTarget; years?: number } {
  const grade = target.rankGroup;
  const index = grade === undefined ? undefined : inputs.grades.findIndex((g) => g.code === grade);
  if (index !== undefined && index < 0) {
    throw new AppError("projection.rank_group_unknown", { code: grade ?? "" });
  }
  const spec: ProjectionTarget = {
    share: decimalToRational(target.share),
    ...(index === undefined ? {} : { grades: [index] }),
  };
  if (target.year === undefined) return { spec };
  const min = inputs.baseline.year + 1;
  const max = inputs.baseline.year + MAX_HORIZON;
  if (!Number.isInteger(target.year) || target.year < min || target.year > max) {
    throw new AppError("projection.target_year_out_of_range", {
      targetYear: target.year,
      min,
      max,
    });
  }
  return { spec, years: target.year - inputs.baseline.year };
}

/** The estimate as reported: every row defined (grades no one can reach marked `unreachable`). */
function describeEstimate(estimate: MarkovEstimate, start: Stock, hasHires: boolean) {
  const rows = resolveRows(estimate, start, hasHires);
  return {
    transitions: estimate.sexes.map((sex) => ({
      sex,
      rows: rows[sex].map((row, i) => ({
        grade: estimate.grades[i]?.code ?? "",
        to: [...row.to],
        exit: row.exit,
        source: row.source,
      })),
    })),
    totalHires: estimate.totalHires,
    entry: [...estimate.entry],
    hireMix: estimate.hireMix,
    hiringShare: estimate.hiringShare,
  };
}

function countsOf(stock: Stock, grade?: number): ProjectedCounts {
  const counts = mapSexes((s) => (grade === undefined ? sum(stock[s]) : (stock[s][grade] ?? 0)));
  return { ...counts, N: counts.F + counts.M + counts.X + counts.U };
}

/** Per year: the overall share, then the share of each grade. */
function shareVector(series: readonly ProjectedYear[], gradeCount: number): (number | null)[] {
  return series.flatMap((year) => [
    shareOfWomen(year.stock),
    ...Array.from({ length: gradeCount }, (_, i) => shareOfWomen(year.stock, [i])),
  ]);
}
