import { AppError } from "../../../core/errors";
import { checkRankOrder, normaliseRankOrder } from "../../../core/register-config/rank-order";
import type {
  CreateJobRoleInput,
  CreateRankGroupInput,
  CreateRankInput,
  JobRole,
  Rank,
  RankGroup,
  RankScheme,
  UpdateJobRoleInput,
  UpdateRankGroupInput,
  UpdateRankInput,
} from "../../../core/schemas/register-config";
import { recordWrite } from "../../audit/record-write";
import type { AuditActor, AuditRecorder } from "../../audit/recorder";
import { isPathInScope, type Scope } from "../../http/scope";
import type {
  CodeTable,
  RegisterConfigRepository,
  RegisterConfigWriter,
} from "./register-config.repository";

/** API field → column, for the audit trail (field names only, never values). */
const columns: Readonly<Record<string, string>> = {
  code: "code",
  name: "name",
  isTop: "is_top",
  rankGroupId: "rank_group_id",
  isActive: "is_active",
  specialisation: "specialisation",
  isLeadership: "is_leadership",
};
const fieldsOf = (input: object) => Object.keys(input).map((key) => columns[key] ?? key);

type Entity = "rank_group" | "rank" | "job_role";

/**
 * The rank scheme (rank groups with ordered ranks) and the job roles. Everyone reads them; writing
 * needs `register.configure` at the root unit, as the scheme is national. Nothing is deleted:
 * career history names these rows, so a rank or role goes out of use by being marked inactive, and
 * a code is fixed once a career event names it (names may change).
 */
export function createRegisterConfigService(deps: {
  repo: RegisterConfigRepository;
  audit: AuditRecorder;
}) {
  const { repo } = deps;

  const requireRoot = async (scope: Scope) => {
    const root = await repo.rootPath();
    if (root === undefined || !isPathInScope(scope, root))
      throw new AppError("auth.forbidden", { action: "register.configure" });
  };
  const notFound = (entity: Entity, id: number) =>
    new AppError("register.not_found", { entity, id });
  const requireFreeCode = async (
    writer: RegisterConfigWriter,
    table: CodeTable,
    code: string,
    exceptId: number | null,
  ) => {
    if (await writer.isCodeTaken(table, code, exceptId))
      throw new AppError("register.code_taken", { code });
  };
  /** A code may change until a career event names the row, and only to one no other row has. */
  const requireNewCode = async (
    writer: RegisterConfigWriter,
    table: CodeTable,
    current: { id: number; code: string },
    code: string | undefined,
    isInUse: () => boolean | Promise<boolean>,
  ) => {
    if (code === undefined || code === current.code) return;
    if (await isInUse()) throw new AppError("register.code_in_use", { code: current.code });
    await requireFreeCode(writer, table, code, current.id);
  };
  /** Gives every rank its ordinal again after a rank was added or changed group. */
  const renumber = async (writer: RegisterConfigWriter) => {
    const { groups, ranks } = await writer.places();
    await writer.writeRankOrder(normaliseRankOrder(groups, ranks));
  };
  const entry = (
    actor: AuditActor,
    action: string,
    entityType: Entity,
    id: number | null,
    fields: string[],
  ) => ({
    actor,
    action,
    entityType,
    entityId: id === null ? null : String(id),
    orgUnitId: null,
    fields,
  });
  const created = (row: { id: number }) => ({ entityId: String(row.id) });

  const scheme = async (): Promise<RankScheme> => {
    const [groups, ranks] = await Promise.all([repo.listRankGroups(), repo.listRanks()]);
    return {
      groups: groups.map((group) => {
        const own = ranks.filter((r) => r.rankGroupId === group.id);
        return { ...group, isInUse: own.some((r) => r.isInUse), ranks: own };
      }),
    };
  };
  const group = async (id: number): Promise<RankGroup> => {
    const found = (await scheme()).groups.find((g) => g.id === id);
    if (!found) throw notFound("rank_group", id);
    return found;
  };
  const rank = async (id: number): Promise<Rank> =>
    (await repo.findRank(id)) ?? raise(notFound("rank", id));
  const role = async (id: number): Promise<JobRole> =>
    (await repo.findRole(id)) ?? raise(notFound("job_role", id));

  return {
    scheme,
    roles: () => repo.listRoles(),

    createRankGroup(
      scope: Scope,
      actor: AuditActor,
      input: CreateRankGroupInput,
    ): Promise<RankGroup> {
      return recordWrite(
        deps.audit,
        entry(actor, "rank_group.create", "rank_group", null, [
          "code",
          "name",
          "is_top",
          "ordinal",
        ]),
        async () => {
          await requireRoot(scope);
          const id = await repo.transaction(async (writer) => {
            await requireFreeCode(writer, "rank_groups", input.code, null);
            return writer.insertRankGroup({
              code: input.code,
              name: input.name,
              isTop: input.isTop ?? false,
            });
          });
          return group(id);
        },
        created,
      );
    },

    updateRankGroup(
      scope: Scope,
      actor: AuditActor,
      id: number,
      input: UpdateRankGroupInput,
    ): Promise<RankGroup> {
      return recordWrite(
        deps.audit,
        entry(actor, "rank_group.update", "rank_group", id, fieldsOf(input)),
        async () => {
          await requireRoot(scope);
          await repo.transaction(async (writer) => {
            const current = (await writer.findRankGroup(id)) ?? raise(notFound("rank_group", id));
            await requireNewCode(writer, "rank_groups", current, input.code, () =>
              writer.isGroupInUse(id),
            );
            await writer.updateRankGroup(id, {
              ...(input.code === undefined ? {} : { code: input.code }),
              ...(input.name === undefined ? {} : { name: input.name }),
              ...(input.isTop === undefined ? {} : { is_top: input.isTop }),
            });
          });
          return group(id);
        },
      );
    },

    createRank(scope: Scope, actor: AuditActor, input: CreateRankInput): Promise<Rank> {
      return recordWrite(
        deps.audit,
        entry(actor, "rank.create", "rank", null, [
          "code",
          "name",
          "rank_group_id",
          "is_active",
          "ordinal",
        ]),
        async () => {
          await requireRoot(scope);
          const id = await repo.transaction(async (writer) => {
            if (!(await writer.findRankGroup(input.rankGroupId)))
              throw notFound("rank_group", input.rankGroupId);
            await requireFreeCode(writer, "ranks", input.code, null);
            const id = await writer.insertRank({ ...input, isActive: input.isActive ?? true });
            await renumber(writer);
            return id;
          });
          return rank(id);
        },
        created,
      );
    },

    updateRank(scope: Scope, actor: AuditActor, id: number, input: UpdateRankInput): Promise<Rank> {
      const movesGroup = input.rankGroupId !== undefined;
      return recordWrite(
        deps.audit,
        entry(actor, "rank.update", "rank", id, [
          ...fieldsOf(input),
          ...(movesGroup ? ["ordinal"] : []),
        ]),
        async () => {
          await requireRoot(scope);
          await repo.transaction(async (writer) => {
            const current = (await writer.findRank(id)) ?? raise(notFound("rank", id));
            await requireNewCode(writer, "ranks", current, input.code, () => current.isInUse);
            if (input.rankGroupId !== undefined && !(await writer.findRankGroup(input.rankGroupId)))
              throw notFound("rank_group", input.rankGroupId);
            if (input.isActive === false && current.isActive) {
              const count = await writer.countInPost(id);
              if (count > 0)
                throw new AppError("register.rank_in_post", { code: current.code, count });
            }
            await writer.updateRank(id, {
              ...(input.code === undefined ? {} : { code: input.code }),
              ...(input.name === undefined ? {} : { name: input.name }),
              ...(input.rankGroupId === undefined ? {} : { rank_group_id: input.rankGroupId }),
              ...(input.isActive === undefined ? {} : { is_active: input.isActive }),
            });
            if (input.rankGroupId !== undefined && input.rankGroupId !== current.rankGroupId)
              await renumber(writer);
          });
          return rank(id);
        },
      );
    },

    /** New seniority order: every rank id once, most junior first; ordinals become 1…N. */
    reorderRanks(scope: Scope, actor: AuditActor, rankIds: readonly number[]): Promise<RankScheme> {
      return recordWrite(
        deps.audit,
        entry(actor, "rank.reorder", "rank", null, ["ordinal"]),
        async () => {
          await requireRoot(scope);
          await repo.transaction(async (writer) => {
            const { groups, ranks } = await writer.places();
            const problem = checkRankOrder(groups, ranks, rankIds);
            if (problem !== null) throw new AppError("register.rank_order_invalid", { problem });
            await writer.writeRankOrder(rankIds);
          });
          return scheme();
        },
      );
    },

    createRole(scope: Scope, actor: AuditActor, input: CreateJobRoleInput): Promise<JobRole> {
      return recordWrite(
        deps.audit,
        entry(actor, "job_role.create", "job_role", null, [
          "code",
          "name",
          "specialisation",
          "is_leadership",
          "is_active",
        ]),
        async () => {
          await requireRoot(scope);
          const id = await repo.transaction(async (writer) => {
            await requireFreeCode(writer, "job_roles", input.code, null);
            return writer.insertRole({
              code: input.code,
              name: input.name,
              specialisation: input.specialisation ?? null,
              isLeadership: input.isLeadership ?? false,
              isActive: input.isActive ?? true,
            });
          });
          return role(id);
        },
        created,
      );
    },

    updateRole(
      scope: Scope,
      actor: AuditActor,
      id: number,
      input: UpdateJobRoleInput,
    ): Promise<JobRole> {
      return recordWrite(
        deps.audit,
        entry(actor, "job_role.update", "job_role", id, fieldsOf(input)),
        async () => {
          await requireRoot(scope);
          await repo.transaction(async (writer) => {
            const current = (await writer.findRole(id)) ?? raise(notFound("job_role", id));
            await requireNewCode(writer, "job_roles", current, input.code, () => current.isInUse);
            await writer.updateRole(id, {
              ...(input.code === undefined ? {} : { code: input.code }),
              ...(input.name === undefined ? {} : { name: input.name }),
              ...(input.specialisation === undefined
                ? {}
                : { specialisation: input.specialisation }),
              ...(input.isLeadership === undefined ? {} : { is_leadership: input.isLeadership }),
              ...(input.isActive === undefined ? {} : { is_active: input.isActive }),
            });
            if (input.isLeadership !== undefined && input.isLeadership !== current.isLeadership)
              await writer.setSpellLeadership(id, input.isLeadership);
          });
          return role(id);
        },
      );
    },
  };
}

function raise(error: AppError): never {
  throw error;
}

export type RegisterConfigService = ReturnType<typeof createRegisterConfigService>;
