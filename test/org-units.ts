import { sql, type Kysely } from "kysely";
import type { DB } from "../src/server/db/schema";

/** Row counts and an MD5 over org_units and org_unit_versions: proves that a refused write wrote nothing. */
export async function orgUnitsFingerprint(
  db: Kysely<DB>,
): Promise<{ units: number; versions: number; checksum: string }> {
  const { rows } = await sql<{ units: number; versions: number; checksum: string }>`
    SELECT (SELECT count(*)::int FROM org_units) AS units,
           (SELECT count(*)::int FROM org_unit_versions) AS versions,
           md5(
             coalesce((SELECT string_agg(concat_ws('|', id, code, name, kind, specialisation, parent_id, path, opened_on, closed_on), ';' ORDER BY id) FROM org_units), '')
             || '#' ||
             coalesce((SELECT string_agg(concat_ws('|', org_unit_id, valid_from, valid_to, code, name, kind, specialisation, parent_id, path, is_closed), ';' ORDER BY id) FROM org_unit_versions), '')
           ) AS checksum`.execute(db);
  const row = rows[0];
  if (!row) throw new Error("no fingerprint");
  return row;
}
