import type { AuditActor, AuditOutcome, AuditRecorder } from "../../audit/recorder";
import type { UsersRepository } from "../users/users.repository";
import type { ClientInfo } from "./sessions";

/** Writes the sign-in events of one user (or of an unknown username: then no name is stored). */
export function createAuthAudit(deps: { audit: AuditRecorder; users: UsersRepository }) {
  return {
    async record(input: {
      action: string;
      outcome: AuditOutcome;
      user: { id: number; username: string } | undefined;
      client: ClientInfo;
      fields?: readonly string[];
    }): Promise<void> {
      const { user } = input;
      // The same queries whether or not the user exists; an unknown name is not stored (it may be a password).
      const units = await deps.users.listRoles(user?.id ?? -1);
      const actor: AuditActor = {
        userId: user?.id ?? null,
        username: user?.username ?? null,
        ...input.client,
      };
      await deps.audit.record({
        actor,
        action: input.action,
        entityType: user ? "user" : null,
        entityId: user ? String(user.id) : null,
        orgUnitId: units[0]?.orgUnitId ?? null,
        fields: input.fields ?? [],
        outcome: input.outcome,
      });
    },
  };
}

export type AuthAudit = ReturnType<typeof createAuthAudit>;
