import { sql, type Kysely } from "kysely";
import type { AuditEntry, AuditFilters } from "../../../core/schemas/audit";
import type { DB } from "../../db/schema";
import { inScope, type Scope } from "../../http/scope";
import { findOrgUnitPath } from "../../db/org-unit-path";

export interface AuditQuery {
  readonly filters: Omit<AuditFilters, "unit">;
  /** Materialised path of the unit filter (its subtree), already checked against the scope. */
  readonly unitPath?: string;
  readonly scope: Scope;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export type AuditRecord = AuditEntry & { readonly prevHash: string };

function toEntry<T extends { occurredAt: Date }>(
  row: T,
): Omit<T, "occurredAt"> & { occurredAt: string } {
  return { ...row, occurredAt: row.occurredAt.toISOString() };
}

export function createAuditRepository(db: Kysely<DB>) {
  /**
   * Entries matching the filters within the caller's scope. An entry is placed at the path of its org
   * unit; one without a unit (system events, sign-ins of unknown names) at the root, so only a
   * national scope sees it. Scoping goes through the shared `inScope` helper.
   */
  function select(query: AuditQuery) {
    const { filters, scope, unitPath } = query;
    const rootPath = sql<string>`(SELECT path FROM org_units WHERE parent_id IS NULL ORDER BY id LIMIT 1)`;
    const from = filters.from === undefined ? undefined : new Date(`${filters.from}T00:00:00Z`);
    const to =
      filters.to === undefined
        ? undefined
        : new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + DAY_MS);
    const { action, user } = filters;
    const q = db
      .selectFrom("audit_log as a")
      .leftJoin("org_units as ou", "ou.id", "a.org_unit_id")
      .where((eb) =>
        eb.and([
          inScope(sql<string>`COALESCE(${eb.ref("ou.path")}, ${rootPath})`, scope),
          ...(unitPath === undefined ? [] : [eb("ou.path", "like", `${escapeLike(unitPath)}%`)]),
          ...(user === undefined ? [] : [eb("a.actor_username", "=", user)]),
          ...(action === undefined
            ? []
            : action.endsWith(".")
              ? [eb("a.action", "like", `${escapeLike(action)}%`)]
              : [eb("a.action", "=", action)]),
          ...(from === undefined ? [] : [eb("a.occurred_at", ">=", from)]),
          ...(to === undefined ? [] : [eb("a.occurred_at", "<", to)]),
        ]),
      );
    return q.select([
      "a.id as id",
      "a.occurred_at as occurredAt",
      "a.actor_user_id as actorUserId",
      "a.actor_username as actorUsername",
      "a.action as action",
      "a.entity_type as entityType",
      "a.entity_id as entityId",
      "a.org_unit_id as orgUnitId",
      "a.fields as fields",
      "a.outcome as outcome",
      "a.ip as ip",
      "a.user_agent as userAgent",
      "a.prev_hash as prevHash",
      "a.hash as hash",
    ]);
  }

  return {
    /** Newest first; only entries with an id below `before` when given. */
    async list(
      query: AuditQuery,
      page: { before?: number; limit: number },
    ): Promise<AuditRecord[]> {
      let q = select(query);
      if (page.before !== undefined) q = q.where("a.id", "<", page.before);
      const rows = await q.orderBy("a.id", "desc").limit(page.limit).execute();
      return rows.map(toEntry);
    },

    /** Every matching entry, newest first, fetched in batches so a large log never sits in memory. */
    async *stream(query: AuditQuery, batchSize = 1000): AsyncGenerator<AuditRecord> {
      let before: number | undefined;
      for (;;) {
        let q = select(query);
        if (before !== undefined) q = q.where("a.id", "<", before);
        const rows = await q.orderBy("a.id", "desc").limit(batchSize).execute();
        for (const row of rows) yield toEntry(row);
        const last = rows.at(-1);
        if (!last || rows.length < batchSize) return;
        before = last.id;
      }
    },

    findUnitPath: (unitId: number) => findOrgUnitPath(db, unitId),
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
