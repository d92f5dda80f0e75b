import { sql, type Transaction } from "kysely";
import type { AttendanceCell } from "../../../core/schemas/outreach";
import type { DB } from "../../db/schema";
import { usableStakeholders } from "../../db/usable-stakeholders";
import { inScope, type Scope } from "../../http/scope";
import { findOrgUnitPath } from "../../db/org-unit-path";

/** A session's own values (its links, attendance and problems are separate). */
export interface SessionValues {
  readonly heldOn: string;
  readonly place: string;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly notes: string;
  readonly officers: { F: number; M: number; X: number; U: number };
}

const unitPath = sql.ref<string>("ou.path");

/** The write statements of outreach sessions, bound to one transaction. */
export function createOutreachWriter(trx: Transaction<DB>) {
  return {
    trx,

    /** The session's unit and own values, locked, when it lies in the scope. */
    async lockInScope(
      scope: Scope,
      id: number,
    ): Promise<(SessionValues & { orgUnitId: number }) | undefined> {
      const row = await trx
        .selectFrom("outreach_sessions as s")
        .innerJoin("org_units as ou", "ou.id", "s.org_unit_id")
        .selectAll("s")
        .where("s.id", "=", id)
        .where(inScope(unitPath, scope))
        .forUpdate("s")
        .executeTakeFirst();
      return (
        row && {
          orgUnitId: row.org_unit_id,
          heldOn: row.held_on,
          place: row.place,
          latitude: row.latitude,
          longitude: row.longitude,
          notes: row.notes,
          officers: { F: row.officers_f, M: row.officers_m, X: row.officers_x, U: row.officers_u },
        }
      );
    },

    openUnitPath: (id: number) => findOrgUnitPath(trx, id, { isOpenOnly: true }),

    /** Of these topic ids, the active ones. */
    async activeTopics(ids: readonly number[]): Promise<Set<number>> {
      if (ids.length === 0) return new Set();
      const rows = await trx
        .selectFrom("outreach_topics")
        .select("id")
        .where("id", "in", ids)
        .where("is_active", "=", true)
        .execute();
      return new Set(rows.map((r) => r.id));
    },

    /** Of these stakeholder ids, the active ones serving the caller's area. */
    usableStakeholders(scope: Scope, ids: readonly number[]): Promise<Set<number>> {
      return usableStakeholders(trx, scope, ids);
    },

    async insertSession(
      values: SessionValues & { orgUnitId: number; createdBy: number | null; at: Date },
    ): Promise<number> {
      const row = await trx
        .insertInto("outreach_sessions")
        .values({
          org_unit_id: values.orgUnitId,
          held_on: values.heldOn,
          place: values.place,
          latitude: values.latitude,
          longitude: values.longitude,
          notes: values.notes,
          officers_f: values.officers.F,
          officers_m: values.officers.M,
          officers_x: values.officers.X,
          officers_u: values.officers.U,
          created_by: values.createdBy,
          created_at: values.at,
          updated_at: values.at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async updateSession(id: number, values: SessionValues, at: Date): Promise<void> {
      await trx
        .updateTable("outreach_sessions")
        .set({
          held_on: values.heldOn,
          place: values.place,
          latitude: values.latitude,
          longitude: values.longitude,
          notes: values.notes,
          officers_f: values.officers.F,
          officers_m: values.officers.M,
          officers_x: values.officers.X,
          officers_u: values.officers.U,
          updated_at: at,
        })
        .where("id", "=", id)
        .execute();
    },

    async replaceLinks(
      id: number,
      links: {
        topicIds?: readonly number[];
        partnerIds?: readonly number[];
        cells?: readonly AttendanceCell[];
      },
    ): Promise<void> {
      if (links.topicIds !== undefined) {
        await trx.deleteFrom("outreach_session_topics").where("session_id", "=", id).execute();
        if (links.topicIds.length > 0) {
          await trx
            .insertInto("outreach_session_topics")
            .values(links.topicIds.map((topicId) => ({ session_id: id, topic_id: topicId })))
            .execute();
        }
      }
      if (links.partnerIds !== undefined) {
        await trx.deleteFrom("outreach_session_partners").where("session_id", "=", id).execute();
        if (links.partnerIds.length > 0) {
          await trx
            .insertInto("outreach_session_partners")
            .values(links.partnerIds.map((k) => ({ session_id: id, stakeholder_id: k })))
            .execute();
        }
      }
      if (links.cells !== undefined) {
        await trx.deleteFrom("outreach_attendance").where("session_id", "=", id).execute();
        const cells = links.cells.filter((c) => c.count > 0);
        if (cells.length > 0) {
          await trx
            .insertInto("outreach_attendance")
            .values(
              cells.map((c) => ({
                session_id: id,
                sex: c.sex,
                age_group: c.ageGroup,
                count: c.count,
              })),
            )
            .execute();
        }
      }
    },
  };
}

export type OutreachWriter = ReturnType<typeof createOutreachWriter>;
