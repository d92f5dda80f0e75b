/**
 * The month after the demo country's history, as an HR system would see it: who serves in a
 * province on the register's last day, and what changes in the following month (a few hires,
 * leavers, promotions and transfers). The sample HR files (`hr-files.ts`) are drawn from this.
 */
import type { Sex } from "../schemas/sex";
import { dayNumber, isoFromDay } from "./calendar";
import type { DemoPerson } from "./careers";
import { demoJobRoles, demoRanks, type DemoUnit } from "./country";
import type { Random } from "./prng";

/** One serving officer: the register's state of a person on a given day. */
export interface StaffRecord {
  readonly serviceNumber: string;
  readonly sex: Sex;
  readonly birthYear: number;
  /** ISO date of the hire. */
  readonly hireDate: string;
  readonly rankOrdinal: number;
  readonly unitIndex: number;
  readonly roleIndex: number;
}

export type StaffChangeType = "hire" | "exit" | "promotion" | "transfer";

/** A change of the month; `record` is the state after it (before it, for an exit). */
export interface StaffChange {
  readonly type: StaffChangeType;
  readonly date: string;
  readonly reason: string | null;
  readonly record: StaffRecord;
}

export interface ProvinceMonth {
  readonly provinceCode: string;
  /** Serving on the register's last day, by service number. */
  readonly before: readonly StaffRecord[];
  /** Serving at the end of the month, by service number. */
  readonly after: readonly StaffRecord[];
  /** By date, then service number. */
  readonly changes: readonly StaffChange[];
}

/** Monthly rates of change (a demo assumption, close to the simulated careers' yearly flows). */
export const HR_MONTH_RATES = { hire: 0.01, exit: 0.005, promotion: 0.015, transfer: 0.015 };

const ROLE_OF_NEW_HIRES = ["general_duties", "community_policing", "investigator", "family_gbv"];
const newHireRoles = ROLE_OF_NEW_HIRES.map((code) =>
  demoJobRoles.findIndex((r) => r.code === code),
);
const newHireRoleWeights = [70, 12, 10, 8];
const exitReasons = ["resignation", "resignation", "resignation", "dismissal", "other"];
const RETIREMENT_AGE = 60;
const TOP_RANK = demoRanks.length;

const byServiceNumber = (a: StaffRecord, b: StaffRecord) =>
  a.serviceNumber < b.serviceNumber ? -1 : a.serviceNumber > b.serviceNumber ? 1 : 0;

export interface ServingStaff {
  /** Province unit index → officers serving there (or in a unit under it) on the last day. */
  readonly byProvince: ReadonlyMap<number, StaffRecord[]>;
  /** The highest service number of the register: new hires are numbered after it. */
  readonly lastServiceNumber: string;
}

/** Reads the demo's people once and keeps only the officers serving in the given provinces at the end. */
export function readServingStaff(
  persons: Iterable<DemoPerson>,
  units: readonly DemoUnit[],
  provinceIndexes: readonly number[],
): ServingStaff {
  const byProvince = new Map(provinceIndexes.map((index) => [index, [] as StaffRecord[]]));
  let lastServiceNumber = "";
  for (const person of persons) {
    if (person.serviceNumber > lastServiceNumber) lastServiceNumber = person.serviceNumber;
    const last = person.events[person.events.length - 1];
    const first = person.events[0];
    if (!first || !last || last.type === "exit") continue;
    let rankOrdinal = 0;
    let unitIndex = -1;
    let roleIndex = -1;
    for (const event of person.events) {
      rankOrdinal = event.rankOrdinal ?? rankOrdinal;
      unitIndex = event.unitIndex ?? unitIndex;
      roleIndex = event.roleIndex ?? roleIndex;
    }
    const unit = units[unitIndex];
    const province = unit?.kind === "province" ? unit.index : unit?.provinceIndex;
    const list = province === null || province === undefined ? undefined : byProvince.get(province);
    list?.push({
      serviceNumber: person.serviceNumber,
      sex: person.sex,
      birthYear: person.birthYear,
      hireDate: first.date,
      rankOrdinal,
      unitIndex,
      roleIndex,
    });
  }
  for (const list of byProvince.values()) list.sort(byServiceNumber);
  return { byProvince, lastServiceNumber };
}

/** Numbers new service numbers after the register's last one, in its own format (prefix, width). */
export function createServiceNumberSequence(lastServiceNumber: string): () => string {
  const match = /^(.*?)(\d+)$/.exec(lastServiceNumber);
  const prefix = match?.[1] ?? "";
  const width = match?.[2]?.length ?? 7;
  let next = Number(match?.[2] ?? 0);
  return () => `${prefix}${String(++next).padStart(width, "0")}`;
}

/** The sex of the k-th new hire: a few another-sex and unrecorded entries, as real files have. */
function newHireSex(random: Random, k: number): Sex {
  if (k % 25 === 2) return "X";
  if (k % 25 === 5) return "U";
  return random.chance(0.3) ? "F" : "M";
}

export interface HrMonthOptions {
  readonly provinceCode: string;
  /** The units of the province (the province itself and every unit under it). */
  readonly units: readonly DemoUnit[];
  /** The month that follows the register's last day. */
  readonly year: number;
  readonly month: number;
  readonly nextServiceNumber: () => string;
}

/**
 * One month of changes in a province: each officer leaves, is promoted or transferred (within the
 * province) with a small probability, at most one change each; new constables join at stations.
 */
export function simulateHrMonth(
  random: Random,
  before: readonly StaffRecord[],
  options: HrMonthOptions,
): ProvinceMonth {
  const firstDay = dayNumber(options.year, options.month);
  const days = dayNumber(options.year, options.month + 1) - firstDay;
  const dayOfMonth = () => isoFromDay(firstDay + random.int(0, days - 1));
  const stations = options.units.filter((u) => u.kind === "station");
  const changes: StaffChange[] = [];
  const after: StaffRecord[] = [];
  for (const record of before) {
    const x = random.next();
    if (x < HR_MONTH_RATES.exit) {
      const isRetiring = options.year - record.birthYear >= RETIREMENT_AGE - 1;
      const reason = isRetiring ? "retirement" : random.pick(exitReasons);
      changes.push({ type: "exit", date: dayOfMonth(), reason, record });
      continue;
    }
    let next = record;
    if (x < HR_MONTH_RATES.exit + HR_MONTH_RATES.promotion && record.rankOrdinal < TOP_RANK) {
      next = { ...record, rankOrdinal: record.rankOrdinal + 1 };
      changes.push({ type: "promotion", date: dayOfMonth(), reason: null, record: next });
    } else if (
      x >= HR_MONTH_RATES.exit + HR_MONTH_RATES.promotion &&
      x < HR_MONTH_RATES.exit + HR_MONTH_RATES.promotion + HR_MONTH_RATES.transfer
    ) {
      const others = options.units.filter((u) => u.index !== record.unitIndex);
      next = { ...record, unitIndex: random.pick(others).index };
      changes.push({ type: "transfer", date: dayOfMonth(), reason: null, record: next });
    }
    after.push(next);
  }
  const hires = Math.max(1, Math.round(before.length * HR_MONTH_RATES.hire));
  for (let k = 0; k < hires; k++) {
    const date = dayOfMonth();
    const record: StaffRecord = {
      serviceNumber: options.nextServiceNumber(),
      sex: newHireSex(random, k),
      birthYear: options.year - random.int(19, 28),
      hireDate: date,
      rankOrdinal: 1,
      unitIndex: random.pick(stations.length ? stations : options.units).index,
      roleIndex: newHireRoles[random.weighted(newHireRoleWeights)] ?? 0,
    };
    after.push(record);
    changes.push({ type: "hire", date, reason: null, record });
  }
  after.sort(byServiceNumber);
  changes.sort(
    (a, b) =>
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || byServiceNumber(a.record, b.record),
  );
  return { provinceCode: options.provinceCode, before, after, changes };
}
