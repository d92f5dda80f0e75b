import { sql, type Kysely, type SqlBool, type Transaction } from "kysely";
import type { Paging } from "../../../core/community/paging";
import type { SexTally, TaxonomyRef } from "../../../core/schemas/community-common";
import type {
  AttendanceCell,
  OutreachSession,
  OutreachSessionSummary,
} from "../../../core/schemas/outreach";
import { findOrgUnitPath } from "../../db/org-unit-path";
import type { DB } from "../../db/schema";
import { inScope, type Scope } from "../../http/scope";
import { createOutreachWriter, type OutreachWriter } from "./outreach-writer";

type Db = Kysely<DB> | Transaction<DB>;

export interface SessionFilters {
  readonly unitPath?: string;
  readonly from?: string;
  readonly to?: string;
  readonly topicId?: number;
}

const unitPath = sql.ref<string>("ou.path");
const tally = (counts: { F: number; M: number; X: number; U: number }): SexTally => ({
  ...counts,
  N: counts.F + counts.M + counts.X + counts.U,
});

function reader(db: Db) {
  const sessions = (scope: Scope) =>
    db
      .selectFrom("outreach_sessions as s")
      .innerJoin("org_units as ou", "ou.id", "s.org_unit_id")
      .selectAll("s")
      .select(["ou.code as unitCode", "ou.name as unitName"])
      .where(inScope(unitPath, scope));
  type Row = Awaited<ReturnType<ReturnType<typeof sessions>["execute"]>>[number];

  /** Topics, attendance tallies and issue counts of these sessions, added to their rows. */
  const summarise = async (rows: Row[]): Promise<OutreachSessionSummary[]> => {
    const ids = rows.map((r) => r.id);
    const [topics, cells, issues] =
      ids.length === 0
        ? [[], [], []]
        : await Promise.all([
            db
              .selectFrom("outreach_session_topics as st")
              .innerJoin("outreach_topics as t", "t.id", "st.topic_id")
              .select(["st.session_id as sessionId", "t.id", "t.code", "t.name"])
              .where("st.session_id", "in", ids)
              .orderBy("t.sort_order")
              .execute(),
            db
              .selectFrom("outreach_attendance")
              .select(["session_id as sessionId", "sex", "age_group as ageGroup", "count"])
              .where("session_id", "in", ids)
              .execute(),
            db
              .selectFrom("community_issues")
              .select([
                "outreach_session_id as sessionId",
                (eb) => eb.fn.countAll<number>().as("n"),
              ])
              .where("outreach_session_id", "in", ids)
              .groupBy("outreach_session_id")
              .execute(),
          ]);
    return rows.map((r) => {
      const attendance = { F: 0, M: 0, X: 0, U: 0 };
      for (const c of cells) if (c.sessionId === r.id) attendance[c.sex] += c.count;
      return {
        id: r.id,
        heldOn: r.held_on,
        unit: { id: r.org_unit_id, code: r.unitCode, name: r.unitName },
        place: r.place,
        topics: topics
          .filter((t) => t.sessionId === r.id)
          .map(({ sessionId: _s, ...t }): TaxonomyRef => t),
        attendance: tally(attendance),
        officersPresent: tally({
          F: r.officers_f,
          M: r.officers_m,
          X: r.officers_x,
          U: r.officers_u,
        }),
        issueCount: Number(issues.find((i) => i.sessionId === r.id)?.n ?? 0),
      };
    });
  };

  return {
    async list(
      scope: Scope,
      filters: SessionFilters,
      paging: Paging,
    ): Promise<OutreachSessionSummary[]> {
      let query = sessions(scope);
      if (filters.unitPath !== undefined) {
        query = query.where(inScope(unitPath, { unitPaths: [filters.unitPath] }));
      }
      if (filters.from !== undefined) query = query.where("s.held_on", ">=", filters.from);
      if (filters.to !== undefined) query = query.where("s.held_on", "<=", filters.to);
      if (filters.topicId !== undefined) {
        query = query.where(
          sql<SqlBool>`EXISTS (SELECT 1 FROM outreach_session_topics st WHERE st.session_id = s.id AND st.topic_id = ${filters.topicId})`,
        );
      }
      const rows = await query
        .orderBy("s.held_on", "desc")
        .orderBy("s.id", "desc")
        .limit(paging.limit)
        .offset(paging.offset)
        .execute();
      return summarise(rows);
    },

    async find(scope: Scope, id: number): Promise<OutreachSession | undefined> {
      const row = await sessions(scope).where("s.id", "=", id).executeTakeFirst();
      if (!row) return undefined;
      const [summary] = await summarise([row]);
      const [partners, cells, issues] = await Promise.all([
        db
          .selectFrom("outreach_session_partners as p")
          .innerJoin("stakeholders as k", "k.id", "p.stakeholder_id")
          .select(["k.id", "k.name", "k.type"])
          .where("p.session_id", "=", id)
          .orderBy("k.name")
          .execute(),
        db
          .selectFrom("outreach_attendance")
          .select(["sex", "age_group as ageGroup", "count"])
          .where("session_id", "=", id)
          .orderBy("sex")
          .orderBy("age_group")
          .execute(),
        db
          .selectFrom("community_issues as i")
          .innerJoin("issue_categories as c", "c.id", "i.category_id")
          .select(["i.id", "i.reference", "i.status", "c.id as categoryId", "c.code", "c.name"])
          .where("i.outreach_session_id", "=", id)
          .orderBy("i.id")
          .execute(),
      ]);
      if (!summary) return undefined;
      return {
        ...summary,
        latitude: row.latitude,
        longitude: row.longitude,
        notes: row.notes,
        partners,
        attendanceCells: cells satisfies AttendanceCell[],
        issues: issues.map((i) => ({
          id: i.id,
          reference: i.reference,
          status: i.status,
          category: { id: i.categoryId, code: i.code, name: i.name },
        })),
        createdAt: new Date(row.created_at).toISOString(),
        updatedAt: new Date(row.updated_at).toISOString(),
      };
    },

    unitPath: (id: number) => findOrgUnitPath(db, id),
  };
}

/** SQL of outreach sessions; every query is limited to the caller's scope by `inScope`. */
export function createOutreachRepository(db: Kysely<DB>) {
  return {
    ...reader(db),
    /** Runs `work` in one transaction: all or nothing. */
    transaction<T>(work: (w: OutreachWriter) => Promise<T>): Promise<T> {
      return db.transaction().execute((trx) => work(createOutreachWriter(trx)));
    },
  };
}

export type OutreachRepository = ReturnType<typeof createOutreachRepository>;
