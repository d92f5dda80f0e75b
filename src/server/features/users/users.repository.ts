import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";

export interface UserRecord {
  id: number;
  username: string;
  displayName: string;
  passwordHash: string;
  locale: string;
  isDisabled: boolean;
}

export function createUsersRepository(db: Kysely<DB>) {
  return {
    async findByUsername(username: string): Promise<UserRecord | undefined> {
      const row = await db
        .selectFrom("users")
        .select(["id", "username", "display_name", "password_hash", "locale", "is_disabled"])
        .where("username", "=", username)
        .executeTakeFirst();
      return (
        row && {
          id: row.id,
          username: row.username,
          displayName: row.display_name,
          passwordHash: row.password_hash,
          locale: row.locale,
          isDisabled: row.is_disabled,
        }
      );
    },

    async count(): Promise<number> {
      const row = await db
        .selectFrom("users")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Inserts the user and their role assignment in one transaction; undefined when the username is taken. */
    async insertWithRole(input: {
      username: string;
      displayName: string;
      passwordHash: string;
      role: string;
      orgUnitId: number;
    }): Promise<number | undefined> {
      return db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto("users")
          .values({
            username: input.username,
            display_name: input.displayName,
            password_hash: input.passwordHash,
          })
          .onConflict((oc) => oc.column("username").doNothing())
          .returning("id")
          .executeTakeFirst();
        if (!inserted) return undefined;
        const { id } = inserted;
        await trx
          .insertInto("role_assignments")
          .values({ user_id: id, role: input.role, org_unit_id: input.orgUnitId })
          .execute();
        return id;
      });
    },

    /** Changes the password and revokes every session of the user, atomically. */
    async updatePassword(userId: number, passwordHash: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable("users")
          .set({ password_hash: passwordHash, password_changed_at: new Date() })
          .where("id", "=", userId)
          .execute();
        await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
      });
    },

    async updateLocale(userId: number, locale: string): Promise<void> {
      await db.updateTable("users").set({ locale }).where("id", "=", userId).execute();
    },

    async listRoles(
      userId: number,
    ): Promise<Array<{ role: string; orgUnitId: number; path: string }>> {
      return db
        .selectFrom("role_assignments as ra")
        .innerJoin("org_units as ou", "ou.id", "ra.org_unit_id")
        .select(["ra.role as role", "ra.org_unit_id as orgUnitId", "ou.path as path"])
        .where("ra.user_id", "=", userId)
        .orderBy("ra.id")
        .execute();
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
