import type { Sex } from "../schemas/sex";
import type { CareerEventType } from "../schemas/workforce-events";
import { dayNumber, isoFromDay } from "./calendar";
import { demoJobRoles, demoRanks, scaleSpecs, type DemoScale, type DemoUnit } from "./country";
import { createRandom, type Random } from "./prng";

export interface DemoEvent {
  readonly type: CareerEventType;
  readonly date: string;
  /** State after the event; null where the event carries none (leave, exit). */
  readonly rankOrdinal: number | null;
  readonly unitIndex: number | null;
  readonly roleIndex: number | null;
  readonly reason: string | null;
}

export interface DemoPerson {
  readonly serviceNumber: string;
  readonly sex: Sex;
  readonly birthYear: number;
  readonly events: DemoEvent[];
}

export interface CareerOptions {
  readonly scale: DemoScale;
  readonly seed: number;
  /** The 10-year window is [endYear − 10, endYear): 1 January to 1 January. */
  readonly endYear: number;
  /** Overrides the scale's starting headcount (tests). */
  readonly officers?: number;
}

export const DEMO_WINDOW_YEARS = 10;

const role = (code: string) => demoJobRoles.findIndex((r) => r.code === code);
const R = {
  general: role("general_duties"),
  community: role("community_policing"),
  investigator: role("investigator"),
  antiTrafficking: role("anti_trafficking"),
  familyGbv: role("family_gbv"),
  border: role("border"),
  admin: role("administration"),
  trainer: role("trainer"),
  peacekeeping: role("peacekeeping"),
  commander: role("commander"),
  deputy: role("deputy_commander"),
};
const roleBySpecialisation: Record<string, number> = {
  anti_trafficking: R.antiTrafficking,
  border: R.border,
  family_gbv: R.familyGbv,
  investigation: R.investigator,
  academy: R.trainer,
  peacekeeping: R.peacekeeping,
};
/** How much likelier a woman is than a man to be placed in each role (demo assumption). */
const womenRoleBias = new Map<number, number>([
  [R.familyGbv, 3],
  [R.admin, 2],
  [R.community, 1.5],
  [R.border, 0.3],
]);
/** Annual promotion hazard out of each rank (index = rank ordinal − 1), after two years in rank. */
const promotionHazard = [0.22, 0.16, 0.12, 0.11, 0.12, 0.14, 0.16, 0.16, 0.14, 0];
const TOP_RANK = demoRanks.length;

class UnitPicker {
  private readonly stations: DemoUnit[] = [];
  private readonly districts: DemoUnit[] = [];
  private readonly provinces: DemoUnit[] = [];
  private readonly national: DemoUnit[] = [];
  private readonly hq: DemoUnit;
  private readonly byProvince = new Map<number, DemoUnit[]>();

  constructor(units: readonly DemoUnit[]) {
    const hq = units.find((u) => u.kind === "hq");
    if (!hq) throw new Error("demo tree has no HQ");
    this.hq = hq;
    for (const unit of units) {
      if (unit.kind === "station") this.stations.push(unit);
      else if (unit.kind === "district") this.districts.push(unit);
      else if (unit.kind === "province") this.provinces.push(unit);
      else if (unit.kind === "national_unit") this.national.push(unit);
      const province = unit.kind === "province" ? unit.index : unit.provinceIndex;
      if (province !== null) {
        const list = this.byProvince.get(province) ?? [];
        list.push(unit);
        this.byProvince.set(province, list);
      }
    }
  }

  pickAny(random: Random): DemoUnit {
    const x = random.next();
    if (x < 0.7) return random.pick(this.stations);
    if (x < 0.8) return random.pick(this.districts);
    if (x < 0.87) return random.pick(this.provinces);
    if (x < 0.97) return random.pick(this.national);
    return this.hq;
  }

  pickNear(random: Random, current: DemoUnit): DemoUnit {
    const province = current.kind === "province" ? current.index : current.provinceIndex;
    const local = province === null ? undefined : this.byProvince.get(province);
    return local && random.chance(0.75) ? random.pick(local) : this.pickAny(random);
  }
}

interface RoleOptions {
  readonly roles: readonly number[];
  readonly weights: readonly number[];
}

function roleOptions(
  pairs: ReadonlyArray<readonly [number, number]>,
  isWoman: boolean,
): RoleOptions {
  return {
    roles: pairs.map(([r]) => r),
    weights: pairs.map(([r, w]) => (isWoman ? w * (womenRoleBias.get(r) ?? 1) : w)),
  };
}

/** Role mix by unit (computed once per unit and sex, not per draw). */
function buildRoleTable(units: readonly DemoUnit[]): { men: RoleOptions[]; women: RoleOptions[] } {
  const pairsFor = (unit: DemoUnit): ReadonlyArray<readonly [number, number]> => {
    if (unit.kind === "station") {
      return [
        [R.general, 65],
        [R.community, 15],
        [R.investigator, 10],
        [R.familyGbv, 6],
        [R.admin, 4],
      ];
    }
    if (unit.kind === "district" || unit.kind === "province") {
      return [
        [R.investigator, 30],
        [R.admin, 30],
        [R.general, 25],
        [R.familyGbv, 10],
        [R.community, 5],
      ];
    }
    if (unit.kind === "national_unit" && unit.specialisation) {
      return [
        [roleBySpecialisation[unit.specialisation] ?? R.general, 80],
        [R.admin, 20],
      ];
    }
    return [
      [R.admin, 80],
      [R.general, 20],
    ];
  };
  return {
    men: units.map((u) => roleOptions(pairsFor(u), false)),
    women: units.map((u) => roleOptions(pairsFor(u), true)),
  };
}

function pickRole(random: Random, table: RoleOptions[], unit: DemoUnit, rank: number): number {
  if (rank >= 7 && random.chance(0.3)) return random.chance(0.5) ? R.commander : R.deputy;
  const options = table[unit.index];
  if (!options) return R.general;
  return options.roles[random.weighted(options.weights)] ?? R.general;
}

function pickSex(random: Random, womenShare: number): Sex {
  const x = random.next();
  if (x < 0.015) return "U";
  if (x < 0.0152) return "X";
  return random.chance(womenShare) ? "F" : "M";
}

/** The mutable state of one simulated career and the events it has produced. */
interface Career {
  unit: DemoUnit;
  rank: number;
  roleIndex: number;
  readonly events: DemoEvent[];
}

function record(
  career: Career,
  type: CareerEventType,
  day: number,
  reason: string | null,
  withState: boolean,
): void {
  career.events.push({
    type,
    date: isoFromDay(day),
    rankOrdinal: withState ? career.rank : null,
    unitIndex: withState ? career.unit.index : null,
    roleIndex: withState ? career.roleIndex : null,
    reason,
  });
}

/**
 * Simulates one career from hire to exit or the end of the window. Before the window the person
 * is known to have survived (no exits, no leave); inside it, exits, leave and every flow happen.
 */
function simulateCareer(
  random: Random,
  picker: UnitPicker,
  roleTable: RoleOptions[],
  person: { sex: Sex; birthYear: number; hireDay: number },
  window: { start: number; end: number },
): DemoEvent[] {
  const { sex } = person;
  const unit = picker.pickAny(random);
  const career: Career = {
    unit,
    rank: 1,
    roleIndex: pickRole(random, roleTable, unit, 1),
    events: [],
  };
  record(career, "hire", person.hireDay, null, true);

  const isWoman = sex === "F";
  const exitBase = isWoman ? 0.042 : sex === "M" ? 0.03 : 0.035;
  const midBirthYear = dayNumber(person.birthYear, 7, 1);
  const lastDay = window.end - 1;
  let rankSince = person.hireDay;
  let day = person.hireDay;
  for (;;) {
    const yearStart = day;
    day = yearStart + 365;
    if (day >= window.end) break;
    const inWindow = day >= window.start;
    const age = Math.floor((day - midBirthYear) / 365.25);
    if (age >= 60) {
      if (!inWindow) continue;
      record(career, "exit", day, "retirement", false);
      break;
    }
    if (inWindow) {
      const yearsOfService = (day - person.hireDay) / 365.25;
      if (random.chance(exitBase + (yearsOfService < 3 ? 0.02 : 0))) {
        record(
          career,
          "exit",
          Math.min(yearStart + random.int(1, 364), lastDay),
          exitReasons[random.int(0, exitReasons.length - 1)] ?? "other",
          false,
        );
        break;
      }
      const leave = pickLeave(random, sex, age);
      if (leave) {
        const start = Math.min(yearStart + random.int(1, 180), lastDay);
        record(career, "leave_start", start, leave.reason, false);
        const end = start + leave.days;
        if (end >= window.end) break;
        record(career, "leave_end", end, leave.reason, false);
        day = Math.max(day, end + 1);
        continue;
      }
    }
    const yearsInRank = (day - rankSince) / 365.25;
    const hazard =
      (promotionHazard[career.rank - 1] ?? 0) * (isWoman ? (career.rank >= 6 ? 0.7 : 0.85) : 1);
    if (career.rank < TOP_RANK && yearsInRank >= 2 && random.chance(hazard)) {
      const promotionDay = Math.min(yearStart + random.int(1, 120), lastDay);
      career.rank += 1;
      rankSince = promotionDay;
      if (random.chance(0.3)) career.unit = picker.pickNear(random, career.unit);
      career.roleIndex = pickRole(random, roleTable, career.unit, career.rank);
      record(career, "promotion", promotionDay, null, true);
    }
    if (random.chance(0.12)) {
      career.unit = picker.pickNear(random, career.unit);
      if (random.chance(0.5))
        career.roleIndex = pickRole(random, roleTable, career.unit, career.rank);
      record(career, "transfer", Math.min(yearStart + random.int(150, 250), lastDay), null, true);
    }
    if (random.chance(0.08)) {
      career.roleIndex = pickRole(random, roleTable, career.unit, career.rank);
      record(
        career,
        "role_change",
        Math.min(yearStart + random.int(260, 360), lastDay),
        null,
        true,
      );
    }
  }
  return career.events;
}

/** Exit reasons other than retirement, with resignation the most common. */
const exitReasons = [
  "resignation",
  "resignation",
  "resignation",
  "dismissal",
  "death",
  "other",
] as const;

function pickLeave(random: Random, sex: Sex, age: number): { reason: string; days: number } | null {
  if (sex === "F" && age < 42 && random.chance(0.07))
    return { reason: "maternity", days: random.int(120, 270) };
  if (sex === "M" && age < 45 && random.chance(0.02))
    return { reason: "paternity", days: random.int(7, 30) };
  const x = random.next();
  if (x < 0.01) return { reason: "study", days: random.int(60, 365) };
  if (x < 0.015) return { reason: "secondment", days: random.int(180, 365) };
  if (x < 0.018) return { reason: "un_mission", days: 365 };
  return null;
}

/**
 * The demo country's people, one at a time (streamed: a national-scale service never sits in memory).
 * First the officers in post when the window opens (with the careers that brought them there), then
 * each year's hires. Deterministic for (scale, seed, endYear).
 */
export function* generateDemoPersons(
  units: readonly DemoUnit[],
  options: CareerOptions,
): Generator<DemoPerson> {
  const random = createRandom(options.seed);
  const picker = new UnitPicker(units);
  const roleTables = buildRoleTable(units);
  const tableFor = (sex: Sex) => (sex === "F" ? roleTables.women : roleTables.men);
  const startYear = options.endYear - DEMO_WINDOW_YEARS;
  const window = { start: dayNumber(startYear), end: dayNumber(options.endYear) };
  const officers = options.officers ?? scaleSpecs[options.scale].officers;
  let sequence = 0;
  const nextServiceNumber = () => `TP${String(++sequence).padStart(7, "0")}`;

  for (let i = 0; i < officers; i++) {
    // Tenure at the window's start: 0–35 years, fewer long-serving officers.
    const tenure = Math.floor(35 * (1 - Math.sqrt(random.next())));
    const hireYear = startYear - 1 - tenure;
    const womenShare = 0.015 + 0.065 * ((35 - tenure) / 35);
    const sex = pickSex(random, womenShare);
    const birthYear = hireYear - random.int(19, 28);
    const hireDay = dayNumber(hireYear) + random.int(0, 364);
    yield {
      serviceNumber: nextServiceNumber(),
      sex,
      birthYear,
      events: simulateCareer(random, picker, tableFor(sex), { sex, birthYear, hireDay }, window),
    };
  }
  for (let year = startYear; year < options.endYear; year++) {
    const progress = (year - startYear) / (DEMO_WINDOW_YEARS - 1);
    const womenShare = 0.11 + 0.19 * progress;
    const hires = Math.round(officers * 0.058);
    for (let i = 0; i < hires; i++) {
      const sex = pickSex(random, womenShare);
      const birthYear = year - random.int(19, 28);
      const hireDay = dayNumber(year) + random.int(0, 364);
      yield {
        serviceNumber: nextServiceNumber(),
        sex,
        birthYear,
        events: simulateCareer(random, picker, tableFor(sex), { sex, birthYear, hireDay }, window),
      };
    }
  }
}
