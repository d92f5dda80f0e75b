import type { Kysely } from "kysely";
import { demoUserSpecs } from "../core/demo/users";
import { isAppError } from "../core/errors";
import type { DB } from "./db/schema";
import type { UsersService } from "./features/users/users.service";

export interface DemoCredential {
  readonly username: string;
  readonly role: string;
  readonly unitCode: string;
  readonly password: string;
}

/**
 * Creates one user per role at units of the demo country (`core/demo/users.ts`), each with a
 * generated password returned once. Accounts that exist already, and units the register lacks,
 * are skipped: running it again creates nothing and reveals no password.
 */
export async function createDemoUsers(
  db: Kysely<DB>,
  users: Pick<UsersService, "addUser">,
): Promise<DemoCredential[]> {
  const units = await db
    .selectFrom("org_units")
    .select(["id", "code", "parent_id"])
    .where("code", "in", [...new Set(demoUserSpecs.map((s) => s.unitCode))])
    .execute();
  const root = await db
    .selectFrom("org_units")
    .select("id")
    .where("parent_id", "is", null)
    .orderBy("id")
    .executeTakeFirst();
  const unitId = (code: string) =>
    units.find((u) => u.code === code)?.id ?? (code === "HQ" ? root?.id : undefined);
  const created: DemoCredential[] = [];
  for (const spec of demoUserSpecs) {
    const orgUnitId = unitId(spec.unitCode);
    if (orgUnitId === undefined) continue;
    try {
      const { password } = await users.addUser({
        username: spec.username,
        displayName: spec.displayName,
        role: spec.role,
        orgUnitId,
      });
      created.push({ username: spec.username, role: spec.role, unitCode: spec.unitCode, password });
    } catch (error) {
      if (isAppError(error) && error.code === "user.exists") continue;
      throw error;
    }
  }
  return created;
}
