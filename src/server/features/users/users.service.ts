import { isRole } from "../../../core/access/permissions";
import { AppError } from "../../../core/errors";
import { SYSTEM_ACTOR } from "../../audit/audit-recorder";
import type { AuditActor, AuditRecorder } from "../../audit/recorder";
import { generatePassword, hashPassword } from "../../security/password";
import type { UsersRepository } from "./users.repository";

export interface AddUserInput {
  username: string;
  displayName?: string;
  role: string;
  orgUnitId: number;
  password?: string;
  /** Who creates the user, for the audit trail; the command line and bootstrap act as "system". */
  actor?: AuditActor;
}

export function createUsersService(repo: UsersRepository, audit: AuditRecorder) {
  return {
    /** Creates a user; when no password is given, a random one is generated and returned once. */
    async addUser(
      input: AddUserInput,
    ): Promise<{ id: number; password: string; isGenerated: boolean }> {
      if (!/^[a-z0-9._-]{3,64}$/.test(input.username)) {
        throw new AppError("request.invalid", {
          field: "username",
          value: input.username,
          rule: "[a-z0-9._-]{3,64}",
        });
      }
      if (!isRole(input.role))
        throw new AppError("request.invalid", { field: "role", value: input.role });
      if (await repo.findByUsername(input.username))
        throw new AppError("user.exists", { username: input.username });
      const password = input.password ?? generatePassword();
      const id = await repo.insertWithRole({
        username: input.username,
        displayName: input.displayName ?? input.username,
        passwordHash: await hashPassword(password),
        role: input.role,
        orgUnitId: input.orgUnitId,
      });
      // Taken between the check above and the insert (another process): the same answer as the check.
      if (id === undefined) throw new AppError("user.exists", { username: input.username });
      await audit.record({
        actor: input.actor ?? SYSTEM_ACTOR,
        action: "user.create",
        entityType: "user",
        entityId: String(id),
        orgUnitId: input.orgUnitId,
        fields: ["username", "display_name", "password", "role", "org_unit_id"],
        outcome: "success",
      });
      return { id, password, isGenerated: input.password === undefined };
    },

    async resetPassword(
      username: string,
      password?: string,
      actor: AuditActor = SYSTEM_ACTOR,
    ): Promise<{ password: string; isGenerated: boolean }> {
      const user = await repo.findByUsername(username);
      if (!user) throw new AppError("user.not_found", { username });
      const next = password ?? generatePassword();
      await repo.updatePassword(user.id, await hashPassword(next));
      await audit.record({
        actor,
        action: "user.password_reset",
        entityType: "user",
        entityId: String(user.id),
        orgUnitId: (await repo.listRoles(user.id))[0]?.orgUnitId ?? null,
        fields: ["password"],
        outcome: "success",
      });
      return { password: next, isGenerated: password === undefined };
    },

    hasAnyUser: async () => (await repo.count()) > 0,
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
