import type { Kysely } from "kysely";
import type { DB } from "./db/schema";
import type { UsersService } from "./features/users/users.service";

export const FIRST_ADMIN_USERNAME = "admin";

/** An org tree always has a root: the national headquarters. */
export async function ensureRootUnit(db: Kysely<DB>): Promise<number> {
  const root = await db
    .selectFrom("org_units")
    .select("id")
    .where("parent_id", "is", null)
    .orderBy("id")
    .executeTakeFirst();
  if (root) return root.id;
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto("org_units")
      .values({
        code: "HQ",
        name: "National Headquarters",
        kind: "hq",
        parent_id: null,
        path: "/tmp/",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .updateTable("org_units")
      .set({ path: `/${id}/` })
      .where("id", "=", id)
      .execute();
    return id;
  });
}

export type FirstAdmin =
  | {
      readonly isCreated: true;
      readonly username: string;
      readonly password: string;
      readonly isGenerated: boolean;
    }
  | { readonly isCreated: false; readonly username: string };

/** Creates the first administrator when there is no user at all; the password is returned once. */
export async function ensureFirstAdmin(
  db: Kysely<DB>,
  users: UsersService,
  password: string | undefined,
): Promise<FirstAdmin> {
  if (await users.hasAnyUser()) return { isCreated: false, username: FIRST_ADMIN_USERNAME };
  const rootId = await ensureRootUnit(db);
  const created = await users.addUser({
    username: FIRST_ADMIN_USERNAME,
    displayName: "Administrator",
    role: "admin",
    orgUnitId: rootId,
    ...(password === undefined ? {} : { password }),
  });
  return {
    isCreated: true,
    username: FIRST_ADMIN_USERNAME,
    password: created.password,
    isGenerated: created.isGenerated,
  };
}
