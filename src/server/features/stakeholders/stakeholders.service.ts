import { requireTextWithinLimits } from "../../../core/community/text-limits";
import { AppError } from "../../../core/errors";
import type {
  CreateStakeholderInput,
  Stakeholder,
  StakeholderListQuery,
  UpdateStakeholderInput,
} from "../../../core/schemas/stakeholders";
import { recordWrite } from "../../audit/record-write";
import type { AuditActor, AuditRecorder } from "../../audit/recorder";
import { isPathInScope, requireUnitPathInScope, type Scope } from "../../http/scope";
import type { StakeholdersRepository, StakeholdersWriter } from "./stakeholders.repository";

/** API field → column, for the audit trail (names only). */
const columns: Readonly<Record<string, string>> = {
  name: "name",
  type: "type",
  services: "services",
  contacts: "contacts",
  isActive: "is_active",
  unitIds: "stakeholder_coverage",
};
const fieldsOf = (input: object) => Object.keys(input).map((key) => columns[key] ?? key);

function checkTexts(input: UpdateStakeholderInput): void {
  requireTextWithinLimits([
    ["name", "name", input.name],
    ["services", "services", input.services],
    ["contacts", "contacts", input.contacts],
  ]);
}

/**
 * The stakeholder directory. A caller sees the organisations serving their area (covering a unit
 * in their subtree or above it) and may write one only when every unit it covers, before and
 * after, lies in their subtree: a province keeps its own directory, HQ the national entries.
 * Nothing is deleted; an organisation no longer used is marked inactive.
 */
export function createStakeholdersService(deps: {
  repo: StakeholdersRepository;
  audit: AuditRecorder;
  now: () => Date;
}) {
  const { repo } = deps;
  const notFound = (id: number) =>
    new AppError("community.not_found", { entity: "stakeholder", id });

  /** Every unit exists and lies in the scope; duplicates are refused. */
  const requireUnitsInScope = async (
    writer: StakeholdersWriter,
    scope: Scope,
    unitIds: readonly number[],
  ) => {
    const duplicate = unitIds.find((id, i) => unitIds.indexOf(id) !== i);
    if (duplicate !== undefined) {
      throw new AppError("community.invalid_value", {
        field: "unitIds",
        value: duplicate,
        reason: "duplicate",
      });
    }
    const paths = await writer.unitPaths(unitIds);
    for (const id of unitIds) {
      const path = paths.get(id);
      if (path === undefined || !isPathInScope(scope, path)) {
        throw new AppError("org_unit.not_found", { id });
      }
    }
  };

  const read = async (scope: Scope, id: number): Promise<Stakeholder> => {
    const found = await repo.find(scope, id);
    if (!found) throw notFound(id);
    return found;
  };

  return {
    async list(scope: Scope, query: StakeholderListQuery): Promise<Stakeholder[]> {
      const unitPath =
        query.unit === undefined
          ? undefined
          : await requireUnitPathInScope(scope, query.unit, async (id) =>
              (await repo.unitPaths([id])).get(id),
            );
      return repo.list(scope, {
        ...(unitPath === undefined ? {} : { unitPath }),
        ...(query.type === undefined ? {} : { type: query.type }),
        ...(query.active === undefined ? {} : { isActive: query.active }),
        ...(query.q ? { nameContains: query.q } : {}),
      });
    },

    read,

    /** `readScope` decides what the answer shows; `scope` (community.write) what may be written. */
    create(
      scope: Scope,
      readScope: Scope,
      actor: AuditActor,
      input: CreateStakeholderInput,
    ): Promise<Stakeholder> {
      return recordWrite(
        deps.audit,
        {
          actor,
          action: "stakeholder.create",
          entityType: "stakeholder",
          entityId: null,
          orgUnitId: input.unitIds[0] ?? null,
          fields: fieldsOf({ ...input, isActive: true }),
        },
        async () => {
          checkTexts(input);
          const id = await repo.transaction(async (writer) => {
            await requireUnitsInScope(writer, scope, input.unitIds);
            return writer.insert(
              {
                name: input.name,
                type: input.type,
                services: input.services ?? "",
                contacts: input.contacts ?? "",
                isActive: input.isActive ?? true,
              },
              input.unitIds,
            );
          });
          return read(readScope, id);
        },
        (created) => ({ entityId: String(created.id) }),
      );
    },

    update(
      scope: Scope,
      readScope: Scope,
      actor: AuditActor,
      id: number,
      input: UpdateStakeholderInput,
    ): Promise<Stakeholder> {
      return recordWrite(
        deps.audit,
        {
          actor,
          action: "stakeholder.update",
          entityType: "stakeholder",
          entityId: String(id),
          orgUnitId: null,
          fields: fieldsOf(input),
        },
        async () => {
          checkTexts(input);
          await repo.transaction(async (writer) => {
            const current = await writer.lockCoverage(id);
            // One covered unit outside the scope and the entry belongs to someone else's directory.
            if (current === undefined || !current.every((path) => isPathInScope(scope, path))) {
              throw notFound(id);
            }
            if (input.unitIds !== undefined) {
              await requireUnitsInScope(writer, scope, input.unitIds);
              await writer.replaceCoverage(id, input.unitIds);
            }
            const { unitIds: _unitIds, ...changes } = input;
            await writer.update(id, changes, deps.now());
          });
          return read(readScope, id);
        },
      );
    },
  };
}

export type StakeholdersService = ReturnType<typeof createStakeholdersService>;
