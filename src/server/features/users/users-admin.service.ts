import { AppError } from "../../../core/errors";
import type { AdminUser, CreateUserInput } from "../../../core/schemas/users";
import { recordWrite } from "../../audit/record-write";
import type { AuditActor, AuditRecorder } from "../../audit/recorder";
import { isPathInScope, type Scope } from "../../http/scope";
import type { AccountRow, AssignmentRow, UsersAdminRepository } from "./users-admin.repository";
import type { UsersService } from "./users.service";

/**
 * User administration within the administrator's subtree. An account is visible when one of its
 * role assignments lies in the caller's scope (an account without any: to administrators of the
 * root), and manageable only when all of them do, so no one can change an account that reaches
 * beyond their own subtree. Out-of-scope accounts and units read as absent.
 */
export function createUsersAdminService(deps: {
  repo: UsersAdminRepository;
  users: Pick<UsersService, "addUser">;
  audit: AuditRecorder;
}) {
  const { repo } = deps;

  const coversRootOf = async (scope: Scope) => isPathInScope(scope, (await repo.rootPath()) ?? "-");
  const view = (
    scope: Scope,
    actorId: number | null,
    coversRoot: boolean,
    account: AccountRow,
    assignments: readonly AssignmentRow[],
  ) => {
    const inside = assignments.filter((a) => isPathInScope(scope, a.path));
    const isVisible = inside.length > 0 || (assignments.length === 0 && coversRoot);
    const user: AdminUser = {
      ...account,
      assignments: inside.map(({ id, role, orgUnitId }) => ({ id, role, orgUnitId })),
      isManageable: inside.length === assignments.length && isVisible,
      isSelf: account.id === actorId,
    };
    return { isVisible, user };
  };

  const requireManageable = async (scope: Scope, id: number) => {
    const account = await repo.findAccount(id);
    const { user } = account
      ? view(scope, null, await coversRootOf(scope), account, await repo.listAssignments([id]))
      : { user: undefined };
    if (!user?.isManageable) throw new AppError("user.not_found", { id });
    return user;
  };
  const requireUnit = async (scope: Scope, orgUnitId: number) => {
    const path = await repo.unitPath(orgUnitId);
    if (path === undefined || !isPathInScope(scope, path))
      throw new AppError("org_unit.not_found", { id: orgUnitId });
  };
  const reload = async (scope: Scope, id: number, actorId: number | null) => {
    const account = await repo.findAccount(id);
    if (!account) throw new AppError("user.not_found", { id });
    return view(
      scope,
      actorId,
      await coversRootOf(scope),
      account,
      await repo.listAssignments([id]),
    ).user;
  };
  const entry = (
    actor: AuditActor,
    action: string,
    id: number,
    orgUnitId: number | null,
    fields: string[],
  ) => ({
    actor,
    action,
    entityType: "user",
    entityId: String(id),
    orgUnitId,
    fields,
  });

  return {
    async list(scope: Scope, actorId: number | null): Promise<AdminUser[]> {
      const [accounts, assignments] = await Promise.all([
        repo.listAccounts(),
        repo.listAssignments(),
      ]);
      const byUser = new Map<number, AssignmentRow[]>();
      for (const a of assignments) byUser.set(a.userId, [...(byUser.get(a.userId) ?? []), a]);
      const coversRoot = await coversRootOf(scope);
      const views = accounts.map((a) =>
        view(scope, actorId, coversRoot, a, byUser.get(a.id) ?? []),
      );
      return views.filter((v) => v.isVisible).map((v) => v.user);
    },

    /** Creates an account with one role at a unit in scope; the password policy applies. */
    async create(
      scope: Scope,
      actor: AuditActor,
      input: CreateUserInput,
    ): Promise<{ user: AdminUser; password?: string }> {
      await requireUnit(scope, input.orgUnitId);
      const created = await deps.users.addUser({ ...input, actor });
      const user = await reload(scope, created.id, actor.userId);
      return created.isGenerated ? { user, password: created.password } : { user };
    },

    setDisabled(
      scope: Scope,
      actor: AuditActor,
      id: number,
      isDisabled: boolean,
    ): Promise<AdminUser> {
      const action = isDisabled ? "user.disable" : "user.enable";
      return recordWrite(deps.audit, entry(actor, action, id, null, ["is_disabled"]), async () => {
        await requireManageable(scope, id);
        if (actor.userId === id) throw new AppError("user.cannot_change_self", { id });
        if (isDisabled && (await repo.countRootAdmins({ userId: id })) === 0)
          throw new AppError("user.last_admin", { id });
        await repo.setDisabled(id, isDisabled);
        return reload(scope, id, actor.userId);
      });
    },

    /**
     * For a user who lost both their phone and their recovery codes: removes their TOTP secret and
     * recovery codes and ends their sessions. Where their role requires two-step sign-in, their next
     * sign-in leads to enrolment (the sign-in itself decides that). Not for one's own account, which
     * has the password-checked way on the account page.
     */
    resetTwoFactor(scope: Scope, actor: AuditActor, id: number): Promise<AdminUser> {
      const fields = ["totp_secret", "recovery_codes"];
      return recordWrite(
        deps.audit,
        entry(actor, "user.two_factor_reset", id, null, fields),
        async () => {
          const user = await requireManageable(scope, id);
          if (actor.userId === id) throw new AppError("user.two_factor_reset_self", { id });
          if (!(await repo.resetTwoFactor(id)))
            throw new AppError("auth.two_factor_not_enabled", { username: user.username });
          return reload(scope, id, actor.userId);
        },
        (user) => ({ orgUnitId: user.assignments[0]?.orgUnitId ?? null }),
      );
    },

    addRole(
      scope: Scope,
      actor: AuditActor,
      id: number,
      input: { role: string; orgUnitId: number },
    ): Promise<AdminUser> {
      const fields = ["role", "org_unit_id"];
      return recordWrite(
        deps.audit,
        entry(actor, "user.role_add", id, input.orgUnitId, fields),
        async () => {
          await requireManageable(scope, id);
          await requireUnit(scope, input.orgUnitId);
          const added = await repo.addAssignment(id, input.role, input.orgUnitId);
          if (added === undefined)
            throw new AppError("role_assignment.exists", { id, role: input.role });
          return reload(scope, id, actor.userId);
        },
      );
    },

    async removeRole(
      scope: Scope,
      actor: AuditActor,
      id: number,
      assignmentId: number,
    ): Promise<AdminUser> {
      const assignment = await repo.findAssignment(assignmentId);
      const fields = ["role", "org_unit_id"];
      return recordWrite(
        deps.audit,
        entry(actor, "user.role_remove", id, assignment?.orgUnitId ?? null, fields),
        async () => {
          await requireManageable(scope, id);
          if (!assignment || assignment.userId !== id || !isPathInScope(scope, assignment.path))
            throw new AppError("role_assignment.not_found", { id: assignmentId });
          if (actor.userId === id) throw new AppError("user.cannot_change_self", { id });
          if ((await repo.countRootAdmins({ assignmentId })) === 0)
            throw new AppError("user.last_admin", { id });
          await repo.removeAssignment(assignmentId);
          return reload(scope, id, actor.userId);
        },
      );
    },
  };
}

export type UsersAdminService = ReturnType<typeof createUsersAdminService>;
