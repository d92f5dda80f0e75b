import { sum, type MarkovModel, type Stock, type TransitionRow } from "./model";
import { projectStock, shareOfWomen } from "./project";
import type { ProjectionTarget } from "./target";
import { withFemaleShare } from "./what-if";

export type RequiredHiresReason = "already_on_track" | "infeasible_with_total_hires";

export interface RequiredWomenHiresResult {
  /** Women hired per year to reach the target share in `years` years (unrounded; ceil when shown). */
  readonly value: number | null;
  /** f*: the female share of hires of known sex that does it. */
  readonly hiringShare: number | null;
  /** Hires of known sex per year the share applies to (the mean over the years in constant-size mode). */
  readonly knownSexHires: number;
  /** T: years after the baseline. */
  readonly years: number;
  readonly reason?: RequiredHiresReason;
  /** When infeasible with fixed hires: the hires per year (all sexes) that would do it with f = 1. */
  readonly totalHiresNeededAtFullShare: number | null;
  /** `closed_form` with fixed hires (INDICATORS.md §5.3); `bisection` on f in constant-size mode. */
  readonly method: "closed_form" | "bisection";
}

const BISECTION_STEP = 1e-9;

/**
 * `required_women_hires` (INDICATORS.md §5.3) for the scenario `model`, whose hire mix is replaced
 * by f. Fixed hires: the closed form, in which men and X share the non-female hires as the model
 * does and X counts beside men in the denominator. Constant size: bisection on f ∈ [0, 1].
 */
export function computeRequiredWomenHires(
  model: MarkovModel,
  start: Stock,
  target: ProjectionTarget,
  years: number,
): RequiredWomenHiresResult {
  return model.isConstantSize
    ? solveByBisection(model, start, target, years)
    : solveClosedForm(model, start, target, years);
}

function targetValue(target: ProjectionTarget): number {
  return target.share.numerator / target.share.denominator;
}

function indicator(model: MarkovModel, target: ProjectionTarget): number[] {
  const grades = target.grades;
  return model.grades.map((_, i) => (grades === undefined || grades.includes(i) ? 1 : 0));
}

/** v_k = P^k·c for k = 0…T: the expected presence in the target grades k years on, by starting grade. */
function presence(rows: readonly TransitionRow[], c: readonly number[], years: number): number[][] {
  const vectors = [c.slice()];
  for (let k = 1; k <= years; k++) {
    const previous = vectors[k - 1] ?? [];
    vectors.push(rows.map((row) => sum(row.to.map((p, j) => p * (previous[j] ?? 0)))));
  }
  return vectors;
}

function dot(a: readonly number[], b: readonly number[]): number {
  return sum(a.map((x, i) => x * (b[i] ?? 0)));
}

function solveClosedForm(
  model: MarkovModel,
  start: Stock,
  target: ProjectionTarget,
  years: number,
): RequiredWomenHiresResult {
  const t = targetValue(target);
  const c = indicator(model, target);
  // a_s: of today's stock, those still in the target grades at T; b_s: of one hire a year, those there at T.
  const retention = (rows: readonly TransitionRow[], stock: readonly number[]) => {
    const v = presence(rows, c, years);
    return {
      a: dot(stock, v[years] ?? []),
      b: sum(v.slice(0, years).map((vk) => dot(model.entry, vk))),
    };
  };
  const women = retention(model.rows.F, start.F);
  const men = retention(model.rows.M, start.M);
  const x = model.sexes.includes("X") ? retention(model.rows.X, start.X) : { a: 0, b: 0 };
  const mix = model.hireMix;
  const others = mix.M + mix.X;
  const knownFraction = mix.F + mix.M + mix.X;
  const knownSexHires = model.totalHires * knownFraction;
  // Non-female hires split between men and X as in the model (withFemaleShare).
  const bOthers = others > 0 ? (mix.M * men.b + mix.X * x.b) / others : men.b;
  const aOthers = men.a + x.a;
  const numerator = t * (aOthers + knownSexHires * bOthers) - (1 - t) * women.a;
  const denominator = knownSexHires * ((1 - t) * women.b + t * bOthers);
  const base = { knownSexHires, years, method: "closed_form" as const };
  const onTrack = {
    ...base,
    value: 0,
    hiringShare: 0,
    reason: "already_on_track" as const,
    totalHiresNeededAtFullShare: null,
  };
  const neededAtFullShare =
    (1 - t) * women.b > 0 && knownFraction > 0
      ? Math.max(0, (t * aOthers - (1 - t) * women.a) / ((1 - t) * women.b)) / knownFraction
      : null;
  const infeasible = {
    ...base,
    value: null,
    hiringShare: null,
    reason: "infeasible_with_total_hires" as const,
    totalHiresNeededAtFullShare: neededAtFullShare,
  };
  if (denominator <= 0) {
    return numerator <= 0 && women.a + aOthers > 0 ? onTrack : infeasible;
  }
  const f = numerator / denominator;
  if (f <= 0) return onTrack;
  if (f > 1) return infeasible;
  return { ...base, value: f * knownSexHires, hiringShare: f, totalHiresNeededAtFullShare: null };
}

function solveByBisection(
  model: MarkovModel,
  start: Stock,
  target: ProjectionTarget,
  years: number,
): RequiredWomenHiresResult {
  const t = targetValue(target);
  const run = (f: number) => {
    const series = projectStock(
      { ...model, hireMix: withFemaleShare(model.hireMix, f) },
      start,
      years,
    );
    const end = series[years];
    return { series, share: end === undefined ? null : shareOfWomen(end.stock, target.grades) };
  };
  // The share of hires of known sex does not depend on f (withFemaleShare keeps it).
  const mix = withFemaleShare(model.hireMix, 0);
  const knownFraction = mix.F + mix.M + mix.X;
  const meanKnownHires = (series: ReturnType<typeof run>["series"]) =>
    (sum(series.slice(0, years).map((y) => y.hires)) / years) * knownFraction;
  const base = { years, method: "bisection" as const, totalHiresNeededAtFullShare: null };
  const atZero = run(0);
  if (atZero.share !== null && atZero.share >= t) {
    return {
      ...base,
      value: 0,
      hiringShare: 0,
      knownSexHires: meanKnownHires(atZero.series),
      reason: "already_on_track",
    };
  }
  const atOne = run(1);
  if (atOne.share === null || atOne.share < t) {
    return {
      ...base,
      value: null,
      hiringShare: null,
      knownSexHires: meanKnownHires(atOne.series),
      reason: "infeasible_with_total_hires",
    };
  }
  let low = 0;
  let high = 1;
  while (high - low >= BISECTION_STEP) {
    const mid = (low + high) / 2;
    const share = run(mid).share;
    if (share !== null && share >= t) high = mid;
    else low = mid;
  }
  const knownSexHires = meanKnownHires(run(high).series);
  return { ...base, value: high * knownSexHires, hiringShare: high, knownSexHires };
}
