import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";

export interface AssignmentRow {
  id: number;
  userId: number;
  role: string;
  orgUnitId: number;
  path: string;
}

export interface AccountRow {
  id: number;
  username: string;
  displayName: string;
  isDisabled: boolean;
}

/** SQL of user administration: accounts, their role assignments (with unit paths for scoping). */
export function createUsersAdminRepository(db: Kysely<DB>) {
  const assignments = () =>
    db
      .selectFrom("role_assignments as ra")
      .innerJoin("org_units as ou", "ou.id", "ra.org_unit_id")
      .select([
        "ra.id as id",
        "ra.user_id as userId",
        "ra.role as role",
        "ra.org_unit_id as orgUnitId",
        "ou.path as path",
      ]);
  const accounts = () =>
    db
      .selectFrom("users")
      .select(["id", "username", "display_name as displayName", "is_disabled as isDisabled"]);

  return {
    listAccounts: (): Promise<AccountRow[]> => accounts().orderBy("username").execute(),
    findAccount: (id: number): Promise<AccountRow | undefined> =>
      accounts().where("id", "=", id).executeTakeFirst(),
    listAssignments: (userIds?: readonly number[]): Promise<AssignmentRow[]> => {
      const query = assignments().orderBy("ra.id");
      if (userIds === undefined) return query.execute();
      if (userIds.length === 0) return Promise.resolve([]);
      return query.where("ra.user_id", "in", userIds).execute();
    },
    findAssignment: (id: number): Promise<AssignmentRow | undefined> =>
      assignments().where("ra.id", "=", id).executeTakeFirst(),

    /** Disabling also ends every session of the account, in the same transaction. */
    async setDisabled(userId: number, isDisabled: boolean): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable("users")
          .set({ is_disabled: isDisabled })
          .where("id", "=", userId)
          .execute();
        if (isDisabled) await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
      });
    },

    /** Undefined when the user already holds this role at this unit. */
    async addAssignment(
      userId: number,
      role: string,
      orgUnitId: number,
    ): Promise<number | undefined> {
      const row = await db
        .insertInto("role_assignments")
        .values({ user_id: userId, role, org_unit_id: orgUnitId })
        .onConflict((oc) => oc.columns(["user_id", "role", "org_unit_id"]).doNothing())
        .returning("id")
        .executeTakeFirst();
      return row?.id;
    },

    async removeAssignment(id: number): Promise<void> {
      await db.deleteFrom("role_assignments").where("id", "=", id).execute();
    },

    async unitPath(orgUnitId: number): Promise<string | undefined> {
      const row = await db
        .selectFrom("org_units")
        .select("path")
        .where("id", "=", orgUnitId)
        .where("closed_on", "is", null)
        .executeTakeFirst();
      return row?.path;
    },

    async rootPath(): Promise<string | undefined> {
      const row = await db
        .selectFrom("org_units")
        .select("path")
        .where("parent_id", "is", null)
        .orderBy("id")
        .executeTakeFirst();
      return row?.path;
    },

    /** Enabled accounts holding `admin` at the root unit, other than those excluded. */
    async countRootAdmins(
      exclude: { userId?: number; assignmentId?: number } = {},
    ): Promise<number> {
      let query = db
        .selectFrom("role_assignments as ra")
        .innerJoin("org_units as ou", "ou.id", "ra.org_unit_id")
        .innerJoin("users as u", "u.id", "ra.user_id")
        .select((eb) => eb.fn.count<number>("ra.user_id").distinct().as("n"))
        .where("ra.role", "=", "admin")
        .where("ou.parent_id", "is", null)
        .where("u.is_disabled", "=", false);
      if (exclude.userId !== undefined) query = query.where("ra.user_id", "<>", exclude.userId);
      if (exclude.assignmentId !== undefined)
        query = query.where("ra.id", "<>", exclude.assignmentId);
      return Number((await query.executeTakeFirstOrThrow()).n);
    },
  };
}

export type UsersAdminRepository = ReturnType<typeof createUsersAdminRepository>;
