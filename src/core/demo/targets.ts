import type { DemoUnit } from "./country";

/** A representation target of the demo country; years are relative to the demo's end year. */
export interface DemoTarget {
  readonly unitCode: string;
  /** null: all ranks. */
  readonly rankGroupCode: string | null;
  /** The target year is the end year plus this. */
  readonly yearsAhead: number;
  /** Set on 1 March of the end year minus this: its plan starts on 1 January of that year. */
  readonly yearsAgo: number;
  readonly basisPoints: number;
  readonly note: string;
}

/**
 * The national plan, the glass ceiling, a few provinces and a specialised department. Calibrated
 * on the default scale (seed 1), where women are ~8% in the plan's first year and ~11.7% at the
 * end of the window, so that throughout the end year the dashboard shows every status: the
 * national plan and two provinces on track, senior command and one slow province (P07) off track,
 * the family and GBV department's target met.
 */
export const demoTargets: readonly DemoTarget[] = [
  {
    unitCode: "HQ",
    rankGroupCode: null,
    yearsAhead: 6,
    yearsAgo: 5,
    basisPoints: 1500,
    note: "National gender strategy: women 15% of the service.",
  },
  {
    unitCode: "HQ",
    rankGroupCode: "senior_command",
    yearsAhead: 4,
    yearsAgo: 5,
    basisPoints: 1000,
    note: "National gender strategy: women 10% of senior command.",
  },
  {
    unitCode: "P01",
    rankGroupCode: null,
    yearsAhead: 2,
    yearsAgo: 5,
    basisPoints: 1300,
    note: "Provincial action plan.",
  },
  {
    unitCode: "P02",
    rankGroupCode: null,
    yearsAhead: 2,
    yearsAgo: 5,
    basisPoints: 1200,
    note: "Provincial action plan.",
  },
  {
    unitCode: "P07",
    rankGroupCode: null,
    yearsAhead: 2,
    yearsAgo: 5,
    basisPoints: 1500,
    note: "Provincial action plan: ambitious, recruitment has not kept pace.",
  },
  {
    unitCode: "NU-FGP",
    rankGroupCode: null,
    yearsAhead: 2,
    yearsAgo: 3,
    basisPoints: 1500,
    note: "Family and GBV desks staffed by women officers.",
  },
];

export interface DemoTargetRow {
  readonly unitIndex: number;
  readonly rankGroupCode: string | null;
  readonly targetYear: number;
  readonly basisPoints: number;
  readonly note: string;
  /** ISO timestamp of when the target was set. */
  readonly createdAt: string;
}

/** The demo targets for a generated tree (a unit missing at this scale, e.g. P07 when small, is skipped). */
export function buildDemoTargets(units: readonly DemoUnit[], endYear: number): DemoTargetRow[] {
  return demoTargets.flatMap((target) => {
    const unit = units.find((u) => u.code === target.unitCode);
    if (!unit) return [];
    return [
      {
        unitIndex: unit.index,
        rankGroupCode: target.rankGroupCode,
        targetYear: endYear + target.yearsAhead,
        basisPoints: target.basisPoints,
        note: target.note,
        createdAt: `${endYear - target.yearsAgo}-03-01T00:00:00Z`,
      },
    ];
  });
}
