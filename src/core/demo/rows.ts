import { csvLine } from "../csv/write";
import { deriveSpells, spellCsvLine, type CareerEventFact } from "../workforce/spells";
import type { DemoPerson } from "./careers";

/** Database ids for the demo's codes, decided by the loader. */
export interface DemoIdMaps {
  readonly unitIds: readonly number[];
  /** Index = rank ordinal − 1. */
  readonly rankIds: readonly number[];
  readonly roleIds: readonly number[];
  readonly leadershipRoleIds: ReadonlySet<number>;
}

export interface DemoCsvBatch {
  persons: string[];
  events: string[];
  spells: string[];
  personCount: number;
  eventCount: number;
  spellCount: number;
}

export const PERSON_COLUMNS = ["id", "service_number", "sex", "birth_year"] as const;
export const EVENT_COLUMNS = [
  "person_id",
  "event_type",
  "effective_date",
  "rank_id",
  "org_unit_id",
  "job_role_id",
  "reason",
] as const;

export function emptyBatch(): DemoCsvBatch {
  return { persons: [], events: [], spells: [], personCount: 0, eventCount: 0, spellCount: 0 };
}

/** Appends one person's rows (person, events, derived spells) to a batch of CSV lines. */
export function appendPersonRows(
  batch: DemoCsvBatch,
  personId: number,
  person: DemoPerson,
  ids: DemoIdMaps,
): void {
  batch.persons.push(csvLine([personId, person.serviceNumber, person.sex, person.birthYear]));
  batch.personCount++;
  const facts: CareerEventFact[] = [];
  for (const e of person.events) {
    const rankId = e.rankOrdinal === null ? null : (ids.rankIds[e.rankOrdinal - 1] ?? null);
    const orgUnitId = e.unitIndex === null ? null : (ids.unitIds[e.unitIndex] ?? null);
    const jobRoleId = e.roleIndex === null ? null : (ids.roleIds[e.roleIndex] ?? null);
    facts.push({ type: e.type, date: e.date, rankId, orgUnitId, jobRoleId });
    batch.events.push(csvLine([personId, e.type, e.date, rankId, orgUnitId, jobRoleId, e.reason]));
  }
  batch.eventCount += facts.length;
  const { spells, errors } = deriveSpells(facts, ids.leadershipRoleIds);
  if (errors.length)
    throw new Error(`demo career of ${person.serviceNumber} is inconsistent: ${errors[0]?.code}`);
  for (const s of spells) batch.spells.push(spellCsvLine(personId, s));
  batch.spellCount += spells.length;
}
