import { AppError } from "../errors";
import { sexes as allSexes } from "../schemas/sex";
import type { MarkovEstimate } from "./estimate";
import {
  mapSexes,
  sum,
  type BySex,
  type MarkovModel,
  type Stock,
  type TransitionRow,
} from "./model";

/** What-if controls (issue 6): each replaces one estimated quantity; omitted ones keep the estimate. */
export interface WhatIf {
  /** f: the female share of hires of known sex, 0–1. */
  readonly hiringShare?: number;
  /** H: hires per year, all sexes. Not with constant size. */
  readonly totalHires?: number;
  /** Women's upward transition probabilities set to men's, grade by grade. */
  readonly isPromotionParity?: boolean;
  readonly isConstantSize?: boolean;
}

/**
 * The model a scenario projects: the estimate with the what-if controls applied and every row
 * defined. A grade no one was in during the estimation years is refused
 * (`projection.grade_without_history`) when anyone is in it at the start or can reach it (hires,
 * transitions); otherwise its row is never used and is marked `unreachable`.
 */
export function buildScenarioModel(
  estimate: MarkovEstimate,
  whatIf: WhatIf,
  baseline: Stock,
): MarkovModel {
  const isConstantSize = whatIf.isConstantSize ?? false;
  const totalHires = whatIf.totalHires ?? estimate.totalHires;
  const hasObservedHires = sum(allSexes.map((s) => estimate.hireMix[s])) > 0;
  if (!hasObservedHires && whatIf.hiringShare === undefined && (isConstantSize || totalHires > 0)) {
    throw new AppError("projection.hiring_share_required", {});
  }
  const hireMix =
    whatIf.hiringShare === undefined
      ? estimate.hireMix
      : withFemaleShare(estimate.hireMix, whatIf.hiringShare);
  const resolved = resolveRows(estimate, baseline, isConstantSize || totalHires > 0);
  return {
    grades: estimate.grades,
    sexes: estimate.sexes,
    rows: whatIf.isPromotionParity ? { ...resolved, F: withPromotionParity(resolved) } : resolved,
    totalHires,
    entry: estimate.entry,
    hireMix,
    isConstantSize,
  };
}

/**
 * The hire mix with women a share f of hires of known sex. Hires of unknown sex keep their share;
 * men and X share the rest in their observed proportion (all men when neither was hired).
 */
export function withFemaleShare(mix: BySex<number>, f: number): BySex<number> {
  const hasHires = sum(allSexes.map((s) => mix[s])) > 0;
  const known = hasHires ? mix.F + mix.M + mix.X : 1;
  const others = mix.M + mix.X;
  const rest = (1 - f) * known;
  return {
    F: f * known,
    M: others > 0 ? (rest * mix.M) / others : rest,
    X: others > 0 ? (rest * mix.X) / others : 0,
    U: hasHires ? mix.U : 0,
  };
}

/**
 * Promotion parity: in each grade i, women's probabilities of moving up (j > i) become men's; their
 * exit and demotion probabilities stay, and the stay probability takes up the difference. When
 * that would be negative (women's exits and demotions plus men's promotions exceed 1), women stay
 * with probability 0 and men's upward probabilities are scaled down to what is left.
 */
export function withPromotionParity(rows: BySex<readonly TransitionRow[]>): TransitionRow[] {
  return rows.F.map((women, i) => {
    const men = rows.M[i];
    if (!men) return women;
    const up = sum(men.to.slice(i + 1));
    const down = sum(women.to.slice(0, i));
    const available = Math.max(0, 1 - women.exit - down);
    const scale = up > available ? available / up : 1;
    const to = women.to.map((p, j) =>
      j < i ? p : j > i ? (men.to[j] ?? 0) * scale : Math.max(0, available - up * scale),
    );
    return { to, exit: women.exit, source: women.source };
  });
}

/** Every row defined: a grade without history is refused if reachable, else all exit. */
export function resolveRows(
  estimate: MarkovEstimate,
  baseline: Stock,
  hasHires: boolean,
): BySex<TransitionRow[]> {
  const size = estimate.grades.length;
  const reachable = new Set<number>();
  const queue: number[] = [];
  const reach = (i: number) => {
    if (reachable.has(i)) return;
    reachable.add(i);
    queue.push(i);
  };
  for (let i = 0; i < size; i++) {
    const isStaffed = estimate.sexes.some((s) => (baseline[s][i] ?? 0) > 0);
    if (isStaffed || (hasHires && (estimate.entry[i] ?? 0) > 0)) reach(i);
  }
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const i = next;
    for (const s of estimate.sexes) {
      const row = estimate.rows[s][i];
      if (row === null || row === undefined) {
        throw new AppError("projection.grade_without_history", {
          grade: estimate.grades[i]?.code ?? "",
        });
      }
      row.to.forEach((p, j) => {
        if (p > 0) reach(j);
      });
    }
  }
  const unreachable: TransitionRow = {
    to: new Array<number>(size).fill(0),
    exit: 1,
    source: "unreachable",
  };
  return mapSexes((s) => estimate.rows[s].map((row) => row ?? unreachable));
}
