import { sql, type Compilable, type Kysely, type SqlBool } from "kysely";
import type { CareerEventType } from "../../../core/schemas/workforce-events";
import type { BulkSession, Database } from "../../db/client";
import type { DB } from "../../db/schema";
import { rederiveSpells, type SpellProblem } from "../../register/rederive-spells";
import { escapeLike, inScope, type Scope } from "../../http/scope";

interface Ref {
  readonly id: number;
  readonly code: string;
  readonly name: string;
}

/** A person with their latest spell (the one that places them in a unit, hence in a scope). */
export interface PersonRecord {
  readonly id: number;
  readonly serviceNumber: string;
  readonly sex: "F" | "M" | "X" | "U";
  readonly birthYear: number | null;
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly onLeave: boolean;
  readonly isLeadership: boolean;
  readonly rank: Ref;
  readonly rankGroup: { readonly code: string; readonly name: string };
  readonly unit: Ref;
  readonly role: Ref | null;
}

export interface TimelineRecord {
  readonly id: number;
  readonly type: CareerEventType;
  readonly date: string;
  readonly rank: Ref | null;
  readonly unit: (Ref & { readonly path: string }) | null;
  readonly role: Ref | null;
  readonly reason: string | null;
  readonly importBatchId: number | null;
  readonly recordedAt: string;
  readonly retraction: {
    readonly reason: string;
    readonly retractedAt: string;
    readonly retractedBy: string | null;
    readonly replacementEventId: number | null;
  } | null;
  readonly replacesEventId: number | null;
}

export interface NewCareerEvent {
  readonly personId: number;
  readonly type: CareerEventType;
  readonly date: string;
  readonly rankId: number | null;
  readonly unitId: number | null;
  readonly roleId: number | null;
  readonly reason: string | null;
}

const ref = (id: number | null, code: string | null, name: string | null): Ref | null =>
  id === null || code === null || name === null ? null : { id, code, name };

/** Every person joined to their latest spell (by start date) and its rank, unit and role. */
function withLatestSpell(db: Kysely<DB>) {
  return db
    .selectFrom("persons as p")
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom("career_spells as ls")
          .selectAll("ls")
          .whereRef("ls.person_id", "=", "p.id")
          .orderBy("ls.valid_from", "desc")
          .limit(1)
          .as("s"),
      (join) => join.onTrue(),
    )
    .innerJoin("org_units as ou", "ou.id", "s.org_unit_id")
    .innerJoin("ranks as r", "r.id", "s.rank_id")
    .innerJoin("rank_groups as rg", "rg.id", "r.rank_group_id")
    .leftJoin("job_roles as jr", "jr.id", "s.job_role_id")
    .select([
      "p.id as id",
      "p.service_number as serviceNumber",
      "p.sex as sex",
      "p.birth_year as birthYear",
      "s.valid_from as validFrom",
      "s.valid_to as validTo",
      "s.on_leave as onLeave",
      "s.is_leadership as isLeadership",
      "r.id as rankId",
      "r.code as rankCode",
      "r.name as rankName",
      "rg.code as rankGroupCode",
      "rg.name as rankGroupName",
      "ou.id as unitId",
      "ou.code as unitCode",
      "ou.name as unitName",
      "jr.id as roleId",
      "jr.code as roleCode",
      "jr.name as roleName",
    ]);
}

type LatestSpellRow = Awaited<ReturnType<ReturnType<typeof withLatestSpell>["execute"]>>[number];

const toRecord = (row: LatestSpellRow): PersonRecord => ({
  id: row.id,
  serviceNumber: row.serviceNumber,
  sex: row.sex,
  birthYear: row.birthYear,
  validFrom: row.validFrom,
  validTo: row.validTo,
  onLeave: row.onLeave,
  isLeadership: row.isLeadership,
  rank: { id: row.rankId, code: row.rankCode, name: row.rankName },
  rankGroup: { code: row.rankGroupCode, name: row.rankGroupName },
  unit: { id: row.unitId, code: row.unitCode, name: row.unitName },
  role: ref(row.roleId, row.roleCode, row.roleName),
});

const inCallerScope = (scope: Scope) => inScope(sql.ref<string>("ou.path"), scope);

/** The person when their latest spell lies in the scope (the query, not yet run). */
const personInScope = (db: Kysely<DB>, scope: Scope, personId: number) =>
  withLatestSpell(db).where("p.id", "=", personId).where(inCallerScope(scope));

function personsQueries(db: Kysely<DB>) {
  return {
    /**
     * People whose latest spell lies in the scope (and in `unitPath`'s subtree when given), whose
     * service number starts with `prefix` (case-insensitive), in service-number order.
     */
    async search(
      scope: Scope,
      query: { prefix: string; unitPath?: string; limit: number; offset: number },
    ): Promise<PersonRecord[]> {
      let q = withLatestSpell(db).where(inCallerScope(scope));
      if (query.unitPath !== undefined) {
        q = q.where("ou.path", "like", `${escapeLike(query.unitPath)}%`);
      }
      if (query.prefix !== "") {
        const pattern = `${escapeLike(query.prefix)}%`;
        q = q.where(sql<SqlBool>`upper(p.service_number) LIKE upper(${pattern})`);
      }
      const rows = await q
        .orderBy("p.service_number")
        .limit(query.limit)
        .offset(query.offset)
        .execute();
      return rows.map(toRecord);
    },

    /** The person when their latest spell lies in the scope; undefined otherwise (or unknown). */
    async findInScope(scope: Scope, personId: number): Promise<PersonRecord | undefined> {
      const row = await personInScope(db, scope, personId).executeTakeFirst();
      return row && toRecord(row);
    },

    /** Every event of the person, date order then recording order, with names and corrections. */
    async listTimeline(personId: number): Promise<TimelineRecord[]> {
      const rows = await db
        .selectFrom("career_events as e")
        .leftJoin("ranks as r", "r.id", "e.rank_id")
        .leftJoin("org_units as ou", "ou.id", "e.org_unit_id")
        .leftJoin("job_roles as jr", "jr.id", "e.job_role_id")
        .leftJoin("career_event_retractions as x", "x.event_id", "e.id")
        .leftJoin("users as xu", "xu.id", "x.retracted_by")
        .leftJoin("career_event_retractions as rep", "rep.replacement_event_id", "e.id")
        .select([
          "e.id as id",
          "e.event_type as type",
          "e.effective_date as date",
          "e.reason as reason",
          "e.import_batch_id as importBatchId",
          "e.recorded_at as recordedAt",
          "r.id as rankId",
          "r.code as rankCode",
          "r.name as rankName",
          "ou.id as unitId",
          "ou.code as unitCode",
          "ou.name as unitName",
          "ou.path as unitPath",
          "jr.id as roleId",
          "jr.code as roleCode",
          "jr.name as roleName",
          "x.event_id as retractedEventId",
          "x.reason as retractionReason",
          "x.retracted_at as retractedAt",
          "xu.username as retractedBy",
          "x.replacement_event_id as replacementEventId",
          "rep.event_id as replacesEventId",
        ])
        .where("e.person_id", "=", personId)
        .orderBy("e.effective_date")
        .orderBy("e.id")
        .execute();
      return rows.map((row) => ({
        id: row.id,
        type: row.type,
        date: row.date,
        rank: ref(row.rankId, row.rankCode, row.rankName),
        unit:
          row.unitId === null || row.unitCode === null || row.unitName === null
            ? null
            : { id: row.unitId, code: row.unitCode, name: row.unitName, path: row.unitPath ?? "" },
        role: ref(row.roleId, row.roleCode, row.roleName),
        reason: row.reason,
        importBatchId: row.importBatchId === null ? null : Number(row.importBatchId),
        recordedAt: new Date(row.recordedAt).toISOString(),
        retraction:
          row.retractedEventId === null || row.retractedAt === null
            ? null
            : {
                reason: row.retractionReason ?? "",
                retractedAt: new Date(row.retractedAt).toISOString(),
                retractedBy: row.retractedBy,
                replacementEventId:
                  row.replacementEventId === null ? null : Number(row.replacementEventId),
              },
        replacesEventId: row.replacesEventId === null ? null : Number(row.replacesEventId),
      }));
    },

    listRanks: (): Promise<Ref[]> =>
      db.selectFrom("ranks").select(["id", "code", "name"]).orderBy("ordinal").execute(),

    listRoles: (): Promise<Ref[]> =>
      db.selectFrom("job_roles").select(["id", "code", "name"]).orderBy("name").execute(),
  };
}

/**
 * The statements of a correction, run on the connection of one transaction (`bulkTransaction`, as
 * the shared `rederiveSpells` needs). Queries are built with Kysely, so scoping still goes through
 * `inScope`, and sent through the session.
 */
function correctionQueries(db: Kysely<DB>, session: BulkSession) {
  async function run<R>(query: Compilable<R>): Promise<R[]> {
    const compiled = query.compile();
    return (await session.execute(compiled.sql, compiled.parameters)) as R[];
  }
  const exists = async <R>(query: Compilable<R>) => (await run(query)).length > 0;

  return {
    /** Locks the person's row until the transaction ends (corrections of one person queue up). */
    lockPerson: (personId: number): Promise<boolean> =>
      exists(db.selectFrom("persons").select("id").where("id", "=", personId).forUpdate()),

    async findInScope(scope: Scope, personId: number): Promise<PersonRecord | undefined> {
      const [row] = await run(personInScope(db, scope, personId));
      return row && toRecord(row);
    },

    async findEvent(
      personId: number,
      eventId: number,
    ): Promise<{ id: number; type: CareerEventType; isRetracted: boolean } | undefined> {
      const [row] = await run(
        db
          .selectFrom("career_events as e")
          .leftJoin("career_event_retractions as x", "x.event_id", "e.id")
          .select(["e.id as id", "e.event_type as type", "x.event_id as retractedId"])
          .where("e.id", "=", eventId)
          .where("e.person_id", "=", personId),
      );
      return row && { id: row.id, type: row.type, isRetracted: row.retractedId !== null };
    },

    hasSpell: (personId: number): Promise<boolean> =>
      exists(
        db
          .selectFrom("career_spells")
          .select("person_id")
          .where("person_id", "=", personId)
          .limit(1),
      ),

    hasRank: (rankId: number): Promise<boolean> =>
      exists(db.selectFrom("ranks").select("id").where("id", "=", rankId)),

    hasRole: (roleId: number): Promise<boolean> =>
      exists(db.selectFrom("job_roles").select("id").where("id", "=", roleId)),

    /** Appends a career event (never an update: corrections are new facts). Returns its id. */
    async insertEvent(event: NewCareerEvent): Promise<number> {
      const [row] = await run(
        db
          .insertInto("career_events")
          .values({
            person_id: event.personId,
            event_type: event.type,
            effective_date: event.date,
            rank_id: event.rankId,
            org_unit_id: event.unitId,
            job_role_id: event.roleId,
            reason: event.reason,
          })
          .returning("id"),
      );
      if (!row) throw new Error("career event insert returned no id");
      return Number(row.id);
    },

    async insertRetraction(retraction: {
      eventId: number;
      replacementEventId: number | null;
      reason: string;
      retractedBy: number | null;
      retractedAt: Date;
    }): Promise<void> {
      await run(
        db.insertInto("career_event_retractions").values({
          event_id: retraction.eventId,
          replacement_event_id: retraction.replacementEventId,
          reason: retraction.reason,
          retracted_by: retraction.retractedBy,
          retracted_at: retraction.retractedAt,
        }),
      );
    },

    /** Re-derives the people's spells from their events that stand (the shared derivation). */
    rederiveSpells: async (personIds: readonly number[]): Promise<SpellProblem[]> =>
      (await rederiveSpells(session, personIds)).problems,
  };
}

/** The statements of a correction, bound to one transaction. */
export type PersonsTransaction = ReturnType<typeof correctionQueries>;

export function createPersonsRepository(database: Database) {
  return {
    ...personsQueries(database.db),
    /** Runs `work` in one transaction on one connection; all or nothing. */
    inTransaction<T>(work: (tx: PersonsTransaction) => Promise<T>): Promise<T> {
      return database.bulkTransaction((session) => work(correctionQueries(database.db, session)));
    },
  };
}

export type PersonsRepository = ReturnType<typeof createPersonsRepository>;
