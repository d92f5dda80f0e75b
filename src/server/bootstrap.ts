import { sql, type Kysely } from "kysely";
import { isAppError } from "../core/errors";
import type { DB } from "./db/schema";
import type { UsersService } from "./features/users/users.service";

export const FIRST_ADMIN_USERNAME = "admin";

/** An org tree always has a root: the national headquarters. Safe when several processes start at once. */
export async function ensureRootUnit(db: Kysely<DB>): Promise<number> {
  const findRoot = () =>
    db
      .selectFrom("org_units")
      .select("id")
      .where("parent_id", "is", null)
      .orderBy("id")
      .executeTakeFirst();
  const existing = await findRoot();
  if (existing) return existing.id;
  await sql`
    WITH next AS (SELECT nextval(pg_get_serial_sequence('org_units', 'id')) AS id)
    INSERT INTO org_units (id, code, name, kind, parent_id, path)
    SELECT id, 'HQ', 'National Headquarters', 'hq', NULL, '/' || id || '/' FROM next
    ON CONFLICT DO NOTHING`.execute(db);
  const root = await findRoot();
  if (!root) throw new Error("the root org unit could not be created");
  return root.id;
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
  let created: Awaited<ReturnType<UsersService["addUser"]>>;
  try {
    created = await users.addUser({
      username: FIRST_ADMIN_USERNAME,
      displayName: "Administrator",
      role: "admin",
      orgUnitId: rootId,
      ...(password === undefined ? {} : { password }),
    });
  } catch (error) {
    // Another process starting on the same database created the first admin a moment earlier.
    if (isAppError(error) && error.code === "user.exists")
      return { isCreated: false, username: FIRST_ADMIN_USERNAME };
    throw error;
  }
  return {
    isCreated: true,
    username: FIRST_ADMIN_USERNAME,
    password: created.password,
    isGenerated: created.isGenerated,
  };
}
