import { sql, type Kysely, type SqlBool } from "kysely";
import type {
  EventExportRecord,
  PersonnelExportRecord,
} from "../../../core/workforce/register-export";
import type { DB } from "../../db/schema";
import { escapeLike, inScope, type Scope } from "../../http/scope";

export interface ExportQuery {
  readonly scope: Scope;
  /** Materialised path of the unit filter, already checked against the scope. */
  readonly unitPath?: string;
  /** ISO date: the register on this day, the history up to it. */
  readonly at: string;
}

const PERSONS_PER_BATCH = 1000;

export function createPersonnelExportRepository(db: Kysely<DB>) {
  const unitFilter = (query: ExportQuery) => (path: string) =>
    sql<SqlBool>`(${inScope(sql.ref<string>(path), query.scope)}${
      query.unitPath === undefined
        ? sql``
        : sql` AND ${sql.ref(path)} LIKE ${`${escapeLike(query.unitPath)}%`}`
    })`;

  /** Not retracted: the event stands. */
  const stands = (eventRef: string) =>
    sql<SqlBool>`NOT EXISTS (SELECT 1 FROM career_event_retractions x WHERE x.event_id = ${sql.ref(eventRef)})`;

  /** Ids of the next people (in id order) whose latest spell on or before `at` lies in the filter. */
  async function nextPersonIds(query: ExportQuery, afterId: number): Promise<number[]> {
    const rows = await db
      .selectFrom("persons as p")
      .innerJoinLateral(
        (eb) =>
          eb
            .selectFrom("career_spells as ls")
            .select("ls.org_unit_id")
            .whereRef("ls.person_id", "=", "p.id")
            .where("ls.valid_from", "<=", query.at)
            .orderBy("ls.valid_from", "desc")
            .limit(1)
            .as("s"),
        (join) => join.onTrue(),
      )
      .innerJoin("org_units as ou", "ou.id", "s.org_unit_id")
      .select("p.id")
      .where(unitFilter(query)("ou.path"))
      .where("p.id", ">", afterId)
      .orderBy("p.id")
      .limit(PERSONS_PER_BATCH)
      .execute();
    return rows.map((r) => r.id);
  }

  return {
    /**
     * The register on `at`: everyone in post that day (on leave included) in the filter, in id
     * order, read in keyset batches so the whole register never sits in memory.
     */
    async *streamRegister(query: ExportQuery): AsyncGenerator<PersonnelExportRecord> {
      let afterId = 0;
      for (;;) {
        const rows = await db
          .selectFrom("persons as p")
          .innerJoin("career_spells as s", (join) =>
            join
              .onRef("s.person_id", "=", "p.id")
              .on("s.valid_from", "<=", query.at)
              .on((eb) => eb.or([eb("s.valid_to", "is", null), eb("s.valid_to", ">", query.at)])),
          )
          .innerJoin("org_units as ou", "ou.id", "s.org_unit_id")
          .innerJoin("ranks as r", "r.id", "s.rank_id")
          .innerJoin("rank_groups as rg", "rg.id", "r.rank_group_id")
          .leftJoin("job_roles as jr", "jr.id", "s.job_role_id")
          .select((eb) => [
            "p.id as id",
            "p.service_number as serviceNumber",
            "p.sex as sex",
            "p.birth_year as birthYear",
            "r.code as rankCode",
            "r.name as rankName",
            "rg.name as rankGroup",
            "ou.code as unitCode",
            "ou.name as unitName",
            "jr.code as roleCode",
            "jr.name as roleName",
            "s.is_leadership as isLeadership",
            "s.on_leave as onLeave",
            eb
              .selectFrom("career_events as h")
              .select((h) => h.fn.max("h.effective_date").as("d"))
              .whereRef("h.person_id", "=", "p.id")
              .where("h.event_type", "=", "hire")
              .where("h.effective_date", "<=", query.at)
              .where(stands("h.id"))
              .as("hireDate"),
          ])
          .where(unitFilter(query)("ou.path"))
          .where("p.id", ">", afterId)
          .orderBy("p.id")
          .limit(PERSONS_PER_BATCH)
          .execute();
        for (const { id: _id, hireDate, ...row } of rows) {
          yield { ...row, hireDate: hireDate ?? null };
        }
        const last = rows.at(-1);
        if (!last || rows.length < PERSONS_PER_BATCH) return;
        afterId = last.id;
      }
    },

    /**
     * The events up to `at` of everyone whose latest spell by then lies in the filter (leavers
     * included), person by person in date order, retracted events marked. A unit outside the
     * scope (a posting before the person came into it) is not named.
     */
    async *streamEvents(query: ExportQuery): AsyncGenerator<EventExportRecord> {
      let afterId = 0;
      for (;;) {
        const ids = await nextPersonIds(query, afterId);
        if (ids.length === 0) return;
        const rows = await db
          .selectFrom("career_events as e")
          .innerJoin("persons as p", "p.id", "e.person_id")
          .leftJoin("ranks as r", "r.id", "e.rank_id")
          .leftJoin("org_units as ou", "ou.id", "e.org_unit_id")
          .leftJoin("job_roles as jr", "jr.id", "e.job_role_id")
          .leftJoin("career_event_retractions as x", "x.event_id", "e.id")
          .select([
            "p.service_number as serviceNumber",
            "p.sex as sex",
            "e.event_type as type",
            "e.effective_date as date",
            "r.code as rankCode",
            "r.name as rankName",
            "ou.code as unitCode",
            "ou.name as unitName",
            sql<boolean>`(${sql.ref("ou.id")} IS NULL OR ${inScope(sql.ref<string>("ou.path"), query.scope)})`.as(
              "isUnitInScope",
            ),
            "jr.code as roleCode",
            "jr.name as roleName",
            "e.reason as reason",
            "x.event_id as retractedId",
            "x.reason as retractionReason",
            "e.import_batch_id as importBatchId",
          ])
          .where("e.person_id", "in", ids)
          .where("e.effective_date", "<=", query.at)
          .orderBy("e.person_id")
          .orderBy("e.effective_date")
          .orderBy("e.id")
          .execute();
        for (const { isUnitInScope, retractedId, importBatchId, ...row } of rows) {
          yield {
            ...row,
            unitCode: isUnitInScope ? row.unitCode : null,
            unitName: isUnitInScope ? row.unitName : null,
            isUnitOutsideScope: !isUnitInScope,
            isRetracted: retractedId !== null,
            importBatchId: importBatchId === null ? null : Number(importBatchId),
          };
        }
        if (ids.length < PERSONS_PER_BATCH) return;
        afterId = ids.at(-1) ?? afterId;
      }
    },
  };
}

export type PersonnelExportRepository = ReturnType<typeof createPersonnelExportRepository>;
