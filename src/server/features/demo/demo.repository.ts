import type { DemoJobRole, DemoRank, DemoRankGroup, DemoUnit } from "../../../core/demo/country";
import type { DemoTargetRow } from "../../../core/demo/targets";
import type { BulkSession } from "../../db/client";

export interface RegisterState {
  readonly persons: number;
  readonly ranks: number;
  /** Rank groups and job roles: configuration the demo would collide with. */
  readonly configured: number;
  readonly units: number;
  readonly root: { id: number; path: string } | null;
}

/** SQL of the demo load; runs inside the caller's bulk transaction. */
export function createDemoRepository(session: BulkSession) {
  const one = async (statement: string, params: unknown[] = []) =>
    (await session.execute(statement, params))[0] ?? {};
  return {
    async readState(): Promise<RegisterState> {
      const row = await one(
        `SELECT (SELECT count(*) FROM persons) AS persons, (SELECT count(*) FROM ranks) AS ranks,
                (SELECT count(*) FROM rank_groups) + (SELECT count(*) FROM job_roles) AS configured,
                (SELECT count(*) FROM org_units) AS units,
                (SELECT id FROM org_units WHERE parent_id IS NULL ORDER BY id LIMIT 1) AS root_id,
                (SELECT path FROM org_units WHERE parent_id IS NULL ORDER BY id LIMIT 1) AS root_path`,
      );
      return {
        persons: Number(row.persons),
        ranks: Number(row.ranks),
        configured: Number(row.configured),
        units: Number(row.units),
        root: row.root_id == null ? null : { id: Number(row.root_id), path: String(row.root_path) },
      };
    },

    async insertRankScheme(
      groups: readonly DemoRankGroup[],
      ranks: readonly DemoRank[],
    ): Promise<number[]> {
      const groupIds = new Map<string, number>();
      for (const g of groups) {
        const row = await one(
          "INSERT INTO rank_groups (code, name, ordinal, is_top) VALUES ($1, $2, $3, $4) RETURNING id",
          [g.code, g.name, g.ordinal, g.isTop],
        );
        groupIds.set(g.code, Number(row.id));
      }
      const rankIds: number[] = [];
      for (const r of ranks) {
        const row = await one(
          "INSERT INTO ranks (code, name, ordinal, rank_group_id) VALUES ($1, $2, $3, $4) RETURNING id",
          [r.code, r.name, r.ordinal, groupIds.get(r.groupCode)],
        );
        rankIds[r.ordinal - 1] = Number(row.id);
      }
      return rankIds;
    },

    async insertJobRoles(roles: readonly DemoJobRole[]): Promise<number[]> {
      const ids: number[] = [];
      for (const r of roles) {
        const row = await one(
          "INSERT INTO job_roles (code, name, specialisation, is_leadership) VALUES ($1, $2, $3, $4) RETURNING id",
          [r.code, r.name, r.specialisation, r.isLeadership],
        );
        ids.push(Number(row.id));
      }
      return ids;
    },

    /** Inserts the tree; an existing root stands in for the demo's HQ. Returns the id of each demo unit. */
    async insertUnits(units: readonly DemoUnit[], root: RegisterState["root"]): Promise<number[]> {
      const maxRow = await one("SELECT coalesce(max(id), 0) AS max FROM org_units");
      let nextId = Number(maxRow.max) + 1;
      const ids: number[] = [];
      const paths: string[] = [];
      for (const unit of units) {
        if (unit.parentIndex === null && root) {
          ids[unit.index] = root.id;
          paths[unit.index] = root.path;
          continue;
        }
        const id = nextId++;
        const parentPath = unit.parentIndex === null ? "/" : (paths[unit.parentIndex] ?? "/");
        ids[unit.index] = id;
        paths[unit.index] = `${parentPath}${id}/`;
        await session.execute(
          "INSERT INTO org_units (id, code, name, kind, specialisation, parent_id, path) VALUES ($1, $2, $3, $4, $5, $6, $7)",
          [
            id,
            unit.code,
            unit.name,
            unit.kind,
            unit.specialisation,
            unit.parentIndex === null ? null : ids[unit.parentIndex],
            paths[unit.index],
          ],
        );
      }
      return ids;
    },

    /** The demo's representation targets; the rank group by code (null: all ranks). */
    async insertTargets(targets: ReadonlyArray<DemoTargetRow & { unitId: number }>): Promise<void> {
      for (const t of targets) {
        await session.execute(
          `INSERT INTO representation_targets
             (org_unit_id, rank_group_id, target_year, target_share_bp, note, created_at, updated_at)
           SELECT $1, (SELECT id FROM rank_groups WHERE code = $2), $3, $4, $5, $6, $6
           ON CONFLICT DO NOTHING`,
          [t.unitId, t.rankGroupCode, t.targetYear, t.basisPoints, t.note, t.createdAt],
        );
      }
    },

    async nextPersonId(): Promise<number> {
      return Number((await one("SELECT coalesce(max(id), 0) + 1 AS next FROM persons")).next);
    },

    copy: (table: string, columns: readonly string[], lines: readonly string[]) =>
      session.copyCsv(table, columns, lines),

    /** Identity columns were given explicit values: move their sequences past them, then refresh statistics. */
    async finish(meta: Record<string, string>): Promise<void> {
      for (const table of ["org_units", "persons"]) {
        await session.execute(
          `SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`,
        );
      }
      for (const [key, value] of Object.entries(meta)) {
        await session.execute(
          "INSERT INTO app_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()",
          [key, value],
        );
      }
    },

    analyze: () => session.execute("ANALYZE"),
  };
}
