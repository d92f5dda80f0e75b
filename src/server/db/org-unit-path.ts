import type { Kysely } from "kysely";
import type { DB } from "./schema";

/** The materialised path of an org unit, open or closed; undefined when there is no such unit. */
export async function findOrgUnitPath(db: Kysely<DB>, id: number): Promise<string | undefined> {
  const row = await db
    .selectFrom("org_units")
    .select("path")
    .where("id", "=", id)
    .executeTakeFirst();
  return row?.path;
}
