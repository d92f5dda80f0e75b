import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";
import { findOrgUnitPath } from "../../db/org-unit-path";

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
  /** Two-step sign-in is set up (a confirmed TOTP secret). */
  isTwoFactorEnabled: boolean;
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
      .selectFrom("users as u")
      .leftJoin("user_totp as t", (join) =>
        join.onRef("t.user_id", "=", "u.id").on("t.confirmed_at", "is not", null),
      )
      .select((eb) => [
        "u.id as id",
        "u.username as username",
        "u.display_name as displayName",
        "u.is_disabled as isDisabled",
        eb("t.user_id", "is not", null).$castTo<boolean>().as("isTwoFactorEnabled"),
      ]);

  return {
    listAccounts: (): Promise<AccountRow[]> => accounts().orderBy("u.username").execute(),
    findAccount: (id: number): Promise<AccountRow | undefined> =>
      accounts().where("u.id", "=", id).executeTakeFirst(),
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

    /**
     * Removes the user's TOTP secret and recovery codes and ends every session of theirs, in one
     * transaction. False, changing nothing, when two-step sign-in was not on.
     */
    async resetTwoFactor(userId: number): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const removed = await trx
          .deleteFrom("user_totp")
          .where("user_id", "=", userId)
          .where("confirmed_at", "is not", null)
          .returning("user_id")
          .executeTakeFirst();
        if (!removed) return false;
        await trx.deleteFrom("user_recovery_codes").where("user_id", "=", userId).execute();
        await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
        return true;
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

    unitPath: (orgUnitId: number) => findOrgUnitPath(db, orgUnitId, { isOpenOnly: true }),

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
