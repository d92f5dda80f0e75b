import { sql, type Kysely } from "kysely";
import type { EventCountsBySex } from "../../../core/schemas/personnel-import";
import type { Sex } from "../../../core/schemas/sex";
import { careerEventTypes } from "../../../core/schemas/workforce-events";
import type { BulkSession } from "../../db/client";
import type { DB } from "../../db/schema";
import { inScope, type Scope } from "../../http/scope";

export interface RankRef {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly ordinal: number;
}

export interface UnitRef {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly path: string;
}

export interface RoleRef {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly is_leadership: boolean;
}

export interface ReferenceData {
  readonly ranks: RankRef[];
  /** Open units in the caller's scope: a file may only name these. */
  readonly units: UnitRef[];
  readonly roles: RoleRef[];
}

const SEX_CODES: readonly Sex[] = ["F", "M", "X", "U"];

/**
 * Every person of the register in compact columns (a national register has ~750,000), with the spell
 * they hold on one date, if any. Index `i` of each array describes the same person.
 */
export interface RegisterIndex {
  readonly byServiceNumber: Map<string, number>;
  readonly personId: Float64Array;
  /** Index into SEX_CODES. */
  readonly sex: Uint8Array;
  /** 0 = unknown. */
  readonly birthYear: Uint16Array;
  /** 0 = not serving on the date. */
  readonly rankId: Int32Array;
  readonly unitId: Int32Array;
  /** 0 = no role. */
  readonly roleId: Int32Array;
  /** The current path of the unit served in on the date ("" = not serving). */
  readonly unitPath: string[];
  /** 1 = on leave on the date (still serving: never taken as having left). */
  readonly onLeave: Uint8Array;
  /** The path of the unit of the person's latest spell, whatever the date ("" = none). */
  readonly latestPath: string[];
}

export const sexOf = (index: RegisterIndex, i: number): Sex => SEX_CODES[index.sex[i] ?? 3] ?? "U";
export const sexCode = (sex: Sex): number => SEX_CODES.indexOf(sex);

/** What makes a plan stale: checked again under the import lock before anything is written. */
export interface RegisterStamp {
  readonly maxPersonId: number;
  readonly maxEventId: number;
  readonly retractions: number;
}

const PAGE = 50_000;

export function createRegisterReader(db: Kysely<DB>) {
  return {
    async referenceData(scope: Scope): Promise<ReferenceData> {
      const [ranks, units, roles] = await Promise.all([
        db
          .selectFrom("ranks")
          .select(["id", "code", "name", "ordinal"])
          .where("is_active", "=", true)
          .orderBy("ordinal")
          .execute(),
        db
          .selectFrom("org_units")
          .select(["id", "code", "name", "path"])
          .where("closed_on", "is", null)
          .where((eb) => inScope(eb.ref("path"), scope))
          .orderBy("path")
          .execute(),
        db
          .selectFrom("job_roles")
          .select(["id", "code", "name", "is_leadership"])
          .where("is_active", "=", true)
          .orderBy("code")
          .execute(),
      ]);
      return { ranks, units, roles };
    },

    /** The order of every rank, active or not: a person may still hold a rank no longer offered. */
    async rankOrdinals(): Promise<Map<number, number>> {
      const rows = await db.selectFrom("ranks").select(["id", "ordinal"]).execute();
      return new Map(rows.map((r) => [r.id, r.ordinal]));
    },

    async stamp(): Promise<RegisterStamp> {
      const row = await sql<{ p: number; e: number; r: number }>`
        SELECT (SELECT coalesce(max(id), 0) FROM persons) AS p,
               (SELECT coalesce(max(id), 0) FROM career_events) AS e,
               (SELECT count(*) FROM career_event_retractions) AS r`.execute(db);
      const first = row.rows[0];
      return {
        maxPersonId: Number(first?.p ?? 0),
        maxEventId: Number(first?.e ?? 0),
        retractions: Number(first?.r ?? 0),
      };
    },

    /** Reads the whole register page by page, with each person's spell on `asOf` (null: none). */
    async index(asOf: string | null, signal?: AbortSignal): Promise<RegisterIndex> {
      const ids: number[] = [];
      const sex: number[] = [];
      const birth: number[] = [];
      const rank: number[] = [];
      const unit: number[] = [];
      const role: number[] = [];
      const unitPath: string[] = [];
      const onLeave: number[] = [];
      const latestPath: string[] = [];
      const byServiceNumber = new Map<string, number>();
      let after = 0;
      for (;;) {
        signal?.throwIfAborted();
        const page = await sql<{
          id: number;
          service_number: string;
          sex: Sex;
          birth_year: number | null;
          rank_id: number | null;
          org_unit_id: number | null;
          job_role_id: number | null;
          path: string | null;
          on_leave: boolean | null;
          latest_path: string | null;
        }>`
          SELECT p.id, p.service_number, p.sex, p.birth_year, s.rank_id, s.org_unit_id, s.job_role_id,
                 u.path, s.on_leave, latest.path AS latest_path
            FROM persons p
            LEFT JOIN career_spells s ON s.person_id = p.id AND ${asOf}::date IS NOT NULL
                 AND s.valid_from <= ${asOf}::date AND (s.valid_to IS NULL OR s.valid_to > ${asOf}::date)
            LEFT JOIN org_units u ON u.id = s.org_unit_id
            LEFT JOIN LATERAL (
              SELECT lu.path FROM career_spells ls JOIN org_units lu ON lu.id = ls.org_unit_id
               WHERE ls.person_id = p.id ORDER BY ls.valid_from DESC LIMIT 1
            ) latest ON true
           WHERE p.id > ${after}
           ORDER BY p.id
           LIMIT ${PAGE}`.execute(db);
        for (const row of page.rows) {
          byServiceNumber.set(row.service_number, ids.length);
          ids.push(Number(row.id));
          sex.push(sexCode(row.sex));
          birth.push(row.birth_year ?? 0);
          rank.push(row.rank_id ?? 0);
          unit.push(row.org_unit_id ?? 0);
          role.push(row.job_role_id ?? 0);
          unitPath.push(row.path ?? "");
          onLeave.push(row.on_leave ? 1 : 0);
          latestPath.push(row.latest_path ?? "");
        }
        if (page.rows.length < PAGE) break;
        after = Number(page.rows.at(-1)?.id);
      }
      return {
        byServiceNumber,
        personId: Float64Array.from(ids),
        sex: Uint8Array.from(sex),
        birthYear: Uint16Array.from(birth),
        rankId: Int32Array.from(rank),
        unitId: Int32Array.from(unit),
        roleId: Int32Array.from(role),
        unitPath,
        onLeave: Uint8Array.from(onLeave),
        latestPath,
      };
    },
  };
}

/** Serialises personnel imports on one database; any fixed number distinct from the audit chain's. */
const PERSONNEL_IMPORT_LOCK_KEY = 7263313;

/** The writes of one import, inside its transaction. */
export function createRegisterWriter(session: BulkSession) {
  const one = async (statement: string, params: unknown[] = []) =>
    (await session.execute(statement, params))[0] ?? {};
  return {
    /** Takes the import lock; other writers of the register wait, plain readers do not. */
    async lock(): Promise<RegisterStamp> {
      await session.execute(`SELECT pg_advisory_xact_lock(${PERSONNEL_IMPORT_LOCK_KEY})`);
      // EXCLUSIVE lets plain reads through but no writer, nor SELECT … FOR UPDATE (a correction
      // locking a person would otherwise deadlock with this import's foreign-key checks).
      await session.execute(
        "LOCK TABLE persons, career_events, career_event_retractions, career_spells IN EXCLUSIVE MODE",
      );
      const row = await one(
        `SELECT (SELECT coalesce(max(id), 0) FROM persons) AS p,
                (SELECT coalesce(max(id), 0) FROM career_events) AS e,
                (SELECT count(*) FROM career_event_retractions) AS r`,
      );
      return { maxPersonId: Number(row.p), maxEventId: Number(row.e), retractions: Number(row.r) };
    },

    async createBatch(batch: {
      kind: "personnel_snapshot" | "personnel_events";
      fileName: string;
      sha256: string;
      asOf: string | null;
      options: unknown;
      importedBy: number | null;
      orgUnitId: number | null;
    }): Promise<number> {
      const row = await one(
        `INSERT INTO import_batches (kind, file_name, file_sha256, as_of, options, counts, imported_by, org_unit_id)
         VALUES ($1, $2, $3, $4, $5, '{}', $6, $7) RETURNING id`,
        [
          batch.kind,
          batch.fileName,
          batch.sha256,
          batch.asOf,
          JSON.stringify(batch.options),
          batch.importedBy,
          batch.orgUnitId,
        ],
      );
      return Number(row.id);
    },

    async setBatchCounts(batchId: number, counts: unknown): Promise<void> {
      await session.execute("UPDATE import_batches SET counts = $2 WHERE id = $1", [
        batchId,
        JSON.stringify(counts),
      ]);
    },

    copy: (table: string, columns: readonly string[], chunks: AsyncIterable<string>) =>
      session.copyCsv(table, columns, chunks),

    /** Events of an events file go through a staging table, so that events already recorded are skipped. */
    async copyEventsSkippingKnown(
      columns: readonly string[],
      chunks: AsyncIterable<string>,
    ): Promise<{ inserted: number; known: number }> {
      await session.execute(
        "CREATE TEMP TABLE import_events (LIKE career_events INCLUDING DEFAULTS) ON COMMIT DROP",
      );
      await session.copyCsv("import_events", columns, chunks);
      const known = await one(
        `WITH known AS (DELETE FROM import_events s USING career_events e
          WHERE e.person_id = s.person_id AND e.event_type = s.event_type
            AND e.effective_date = s.effective_date
            AND e.rank_id IS NOT DISTINCT FROM s.rank_id AND e.org_unit_id IS NOT DISTINCT FROM s.org_unit_id
            AND e.job_role_id IS NOT DISTINCT FROM s.job_role_id AND e.reason IS NOT DISTINCT FROM s.reason
            AND NOT EXISTS (SELECT 1 FROM career_event_retractions r WHERE r.event_id = e.id)
          RETURNING 1) SELECT count(*) AS n FROM known`,
      );
      const list = columns.join(", ");
      const inserted = await one(
        `WITH inserted AS (INSERT INTO career_events (${list}) SELECT ${list} FROM import_events RETURNING 1)
         SELECT count(*) AS n FROM inserted`,
      );
      return { inserted: Number(inserted.n), known: Number(known.n) };
    },

    /** Events of one batch by type and the person's sex, for the review of an events file. */
    async countBatchEvents(batchId: number): Promise<EventCountsBySex[]> {
      const rows = await session.execute(
        `SELECT e.event_type, p.sex, count(*) AS n FROM career_events e JOIN persons p ON p.id = e.person_id
          WHERE e.import_batch_id = $1 GROUP BY 1, 2`,
        [batchId],
      );
      return careerEventTypes.flatMap((type) => {
        const of = rows.filter((r) => r.event_type === type);
        if (!of.length) return [];
        const n = (sex: Sex) => Number(of.find((r) => r.sex === sex)?.n ?? 0);
        const counts = { F: n("F"), M: n("M"), X: n("X"), U: n("U") };
        return [{ type, ...counts, total: counts.F + counts.M + counts.X + counts.U }];
      });
    },

    /** Sex and birth year only fill what the register does not know; known values are never overwritten. */
    async fillUnknowns(
      fills: readonly { personId: number; sex: Sex | null; birthYear: number | null }[],
    ) {
      if (fills.length === 0) return;
      await session.execute(
        `UPDATE persons p SET sex = CASE WHEN p.sex = 'U' AND f.sex IS NOT NULL THEN f.sex ELSE p.sex END,
                              birth_year = coalesce(p.birth_year, f.birth_year)
           FROM unnest($1::bigint[], $2::text[], $3::int[]) AS f(id, sex, birth_year)
          WHERE p.id = f.id`,
        [fills.map((f) => f.personId), fills.map((f) => f.sex), fills.map((f) => f.birthYear)],
      );
    },

    async finishSequences(): Promise<void> {
      for (const table of ["persons", "career_events"]) {
        await session.execute(
          `SELECT setval(pg_get_serial_sequence('${table}', 'id'), greatest((SELECT max(id) FROM ${table}), 1))`,
        );
      }
    },
  };
}
