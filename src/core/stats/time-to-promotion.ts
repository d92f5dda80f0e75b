import type { Sex } from "../schemas/sex";
import { DAYS_PER_YEAR, daysBetween } from "./days";
import {
  computeKaplanMeier,
  type KaplanMeierResult,
  type SurvivalObservation,
  type SurvivalQuantile,
} from "./kaplan-meier";
import { countBySex, type SexCounts } from "./share";

/**
 * One person's time in one rank: entered on `enteredOn`, left on `leftOn` (null = still in it),
 * by promotion or otherwise (exit, demotion). A person promoted twice has two stints.
 */
export interface RankStint {
  readonly sex: Sex;
  readonly enteredOn: string;
  readonly leftOn: string | null;
  readonly isPromotion: boolean;
}

/**
 * A stint as seen on `asOf` (INDICATORS.md §2): a promotion on or before asOf is the event; an exit
 * or demotion censors at the day it happened; a stint still open (or left after asOf) is censored at
 * asOf. Stints entered after asOf are not observed (null). Time in days.
 */
export function toPromotionObservation(stint: RankStint, asOf: string): SurvivalObservation | null {
  if (stint.enteredOn > asOf) return null;
  const isLeftByAsOf = stint.leftOn !== null && stint.leftOn <= asOf;
  const end = isLeftByAsOf ? (stint.leftOn ?? asOf) : asOf;
  return { time: daysBetween(stint.enteredOn, end), isEvent: isLeftByAsOf && stint.isPromotion };
}

export interface TimeToPromotionResult {
  /** Kaplan–Meier by sex, times in years (days / 365.25). */
  readonly bySex: Readonly<Record<Sex, KaplanMeierResult>>;
  /** Stints observed, by sex (U = persons of unknown sex). */
  readonly counts: SexCounts;
}

const inYears = (quantile: SurvivalQuantile): SurvivalQuantile =>
  quantile.value === null ? quantile : { value: quantile.value / DAYS_PER_YEAR };

function toYears(result: KaplanMeierResult): KaplanMeierResult {
  return {
    ...result,
    steps: result.steps.map((step) => ({ ...step, time: step.time / DAYS_PER_YEAR })),
    median: inYears(result.median),
    lowerQuartile: inYears(result.lowerQuartile),
    upperQuartile: inYears(result.upperQuartile),
  };
}

/** Time to promotion by sex (INDICATORS.md §2): Kaplan–Meier median and quartiles of rank stints. */
export function computeTimeToPromotion(
  stints: readonly RankStint[],
  asOf: string,
): TimeToPromotionResult {
  const bySex: Record<Sex, SurvivalObservation[]> = { F: [], M: [], X: [], U: [] };
  for (const stint of stints) {
    const observation = toPromotionObservation(stint, asOf);
    if (observation) bySex[stint.sex].push(observation);
  }
  const curve = (sex: Sex) => toYears(computeKaplanMeier(bySex[sex]));
  return {
    bySex: { F: curve("F"), M: curve("M"), X: curve("X"), U: curve("U") },
    counts: countBySex(
      (Object.keys(bySex) as Sex[]).map((sex) => ({ sex, count: bySex[sex].length })),
    ),
  };
}
