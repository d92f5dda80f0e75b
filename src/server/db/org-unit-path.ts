import type { Kysely } from "kysely";
import type { DB } from "./schema";

/**
 * The materialised path of an org unit, open or closed (or, with `isOpenOnly`, only if it is
 * open); undefined when there is no such unit. A transaction may be passed as `db`.
 */
export async function findOrgUnitPath(
  db: Kysely<DB>,
  id: number,
  options: { readonly isOpenOnly?: boolean } = {},
): Promise<string | undefined> {
  const row = await db
    .selectFrom("org_units")
    .select("path")
    .where("id", "=", id)
    .$if(options.isOpenOnly === true, (query) => query.where("closed_on", "is", null))
    .executeTakeFirst();
  return row?.path;
}
