import type { PersonnelFileKind } from "../../../core/schemas/personnel-import";
import type { Sex } from "../../../core/schemas/sex";
import { SPELL_COLUMNS } from "../../../core/workforce/spells";
import type { BulkSession } from "../../db/client";
import { withDeferredIndexesAndForeignKeys } from "../../db/bulk-load";
import { withHeadcountCubeDeferred } from "../../analytics/headcount-cube";
import type { LineFile } from "../../import/line-file";
import { rederiveSpells, type SpellProblem } from "../../register/rederive-spells";
import { createRegisterWriter } from "./register.repository";

const PERSON_COLUMNS = ["id", "service_number", "sex", "birth_year"] as const;
const EVENT_COLUMNS = [
  "id",
  "person_id",
  "event_type",
  "effective_date",
  "rank_id",
  "org_unit_id",
  "job_role_id",
  "reason",
  "import_batch_id",
] as const;
/**
 * From this many rows to write, the register's secondary indexes and its internal foreign keys are
 * dropped for the load and rebuilt after it (re-validating every row), as the demo load does.
 */
const DEFERRED_LOAD_ROWS = 50_000;
const REGISTER_TABLES = ["persons", "career_events", "career_spells"];
/** The spell derivation reads events by person: this index stays during a deferred load. */
const KEEP_INDEXES = ["career_events_person_idx"];

/** What planning an import spooled: lines whose first field is a person id, negative for new ones. */
export interface SpooledPlan {
  readonly kind: PersonnelFileKind;
  readonly personsFile: LineFile;
  readonly eventsFile: LineFile;
  /** Spells of persons new to a staff list, derived while reading. */
  readonly spellsFile: LineFile;
  readonly newPersons: number;
  /** Existing persons whose spells must be re-derived. */
  readonly affected: Set<number>;
  readonly fills: readonly { personId: number; sex: Sex | null; birthYear: number | null }[];
}

/** Ids decided under the import lock. */
export interface PlanIds {
  readonly firstPersonId: number;
  readonly firstEventId: number;
  readonly batchId: number;
}

/**
 * Writes a spooled plan inside the import's transaction: persons, events (an events file skips
 * events already recorded), filled-in sex and birth years, spells; then re-derives the spells of the
 * persons it touched. Placeholder ids (−1, −2, …) become real ones on the way into COPY.
 */
export async function writePlan(
  session: BulkSession,
  plan: SpooledPlan,
  ids: PlanIds,
  options: { signal?: AbortSignal; onDerive: (done: number, total: number) => void },
): Promise<{ personsCreated: number; eventsCreated: number; problems: SpellProblem[] }> {
  const writer = createRegisterWriter(session);
  const personIdOf = (id: number) => (id < 0 ? ids.firstPersonId - id - 1 : id);
  /** The line with its leading person id resolved. */
  const resolve = (line: string) => {
    const comma = line.indexOf(",");
    return `${personIdOf(Number(line.slice(0, comma)))}${line.slice(comma)}`;
  };
  const write = async () => {
    const personsCreated = await writer.copy(
      "persons",
      PERSON_COLUMNS,
      plan.personsFile.read(resolve),
    );
    let eventId = ids.firstEventId;
    const eventLines = plan.eventsFile.read(
      (line) => `${eventId++},${resolve(line)},${ids.batchId}`,
    );
    const eventsCreated =
      plan.kind === "snapshot"
        ? await writer.copy("career_events", EVENT_COLUMNS, eventLines)
        : (await writer.copyEventsSkippingKnown(EVENT_COLUMNS, eventLines)).inserted;
    await writer.fillUnknowns(plan.fills);
    await writer.finishSequences();
    await writer.copy("career_spells", SPELL_COLUMNS, plan.spellsFile.read(resolve));
    const affected = [...plan.affected];
    if (plan.kind === "events") {
      for (let p = 0; p < plan.newPersons; p++) affected.push(ids.firstPersonId + p);
    }
    const { problems } = await rederiveSpells(session, affected, {
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: options.onDerive,
    });
    return { personsCreated, eventsCreated, problems };
  };
  return plan.personsFile.count + plan.eventsFile.count >= DEFERRED_LOAD_ROWS
    ? withHeadcountCubeDeferred(session, () =>
        withDeferredIndexesAndForeignKeys(session, REGISTER_TABLES, write, {
          keepIndexes: KEEP_INDEXES,
          foreignKeysWithinOnly: true,
        }),
      )
    : write();
}
