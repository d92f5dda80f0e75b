import { AppError } from "../../../core/errors";
import { planChange, planMove } from "../../../core/org-units/history";
import type {
  CreateOrgUnitInput,
  OrgUnit,
  OrgUnitHistory,
  UpdateOrgUnitInput,
} from "../../../core/schemas/org-units";
import { recordWrite } from "../../audit/record-write";
import type { AuditActor, AuditRecorder } from "../../audit/recorder";
import { isPathInScope, type Scope } from "../../http/scope";
import type { OrgUnitsRepository } from "./org-units.repository";

const withoutPath = ({ path: _path, ...unit }: OrgUnit & { path: string }): OrgUnit => unit;

export function createOrgUnitsService(deps: {
  repo: OrgUnitsRepository;
  audit: AuditRecorder;
  today: () => string;
}) {
  const { repo } = deps;

  /** A unit in the caller's scope; one outside reads as absent (its existence is not disclosed). */
  const requireUnit = async (scope: Scope, id: number) => {
    const unit = await repo.getUnit(id);
    if (!unit || !isPathInScope(scope, unit.path)) throw new AppError("org_unit.not_found", { id });
    return unit;
  };
  const requireOpen = (unit: OrgUnit) => {
    if (unit.closedOn !== null) throw new AppError("org_unit.is_closed", { id: unit.id });
  };
  /** Changes take effect today or on a past date after `after`; never in the future. */
  const effectiveDate = (date: string | undefined, after?: string) => {
    const today = deps.today();
    const value = date ?? today;
    if (value > today || (after !== undefined && value <= after)) {
      throw new AppError("org_unit.date_out_of_range", {
        date: value,
        after: after ?? null,
        max: today,
      });
    }
    return value;
  };
  const reload = async (id: number) => withoutPath((await repo.getUnit(id)) ?? raise(id));
  const entry = (actor: AuditActor, action: string, id: number | null, fields: string[]) => ({
    actor,
    action,
    entityType: "org_unit",
    entityId: id === null ? null : String(id),
    orgUnitId: id,
    fields,
  });

  return {
    /** Today's tree, or the tree as of a past date `at` (scoped in that tree). */
    async list(scope: Scope, query: { at?: string; includeClosed?: boolean }): Promise<OrgUnit[]> {
      if (query.at !== undefined && query.at < deps.today()) {
        return repo.listAsOf(await repo.scopeAsOf(scope, query.at), query.at);
      }
      return repo.listInScope(scope, { includeClosed: query.includeClosed ?? false });
    },

    async history(scope: Scope, id: number): Promise<OrgUnitHistory> {
      const unit = await requireUnit(scope, id);
      const versions = await repo.versionsOf(id);
      return {
        unit: withoutPath(unit),
        versions: versions.map(({ id: _id, orgUnitId: _unit, path: _path, ...v }) => v),
      };
    },

    create(scope: Scope, actor: AuditActor, input: CreateOrgUnitInput): Promise<OrgUnit> {
      const fields = ["code", "name", "kind", "specialisation", "parent_id", "opened_on"];
      return recordWrite(
        deps.audit,
        entry(actor, "org_unit.create", null, fields),
        async () => {
          const parent = await requireUnit(scope, input.parentId);
          requireOpen(parent);
          const openedOn = effectiveDate(input.openedOn);
          if (openedOn < parent.openedOn) {
            throw new AppError("org_unit.date_out_of_range", {
              date: openedOn,
              after: parent.openedOn,
              max: deps.today(),
            });
          }
          const { id } = await repo.transaction(async (history) => {
            if (await history.isCodeTaken(input.code, null))
              throw new AppError("org_unit.code_taken", { code: input.code });
            return history.insertUnit({
              code: input.code,
              name: input.name,
              kind: input.kind,
              specialisation: input.specialisation ?? null,
              parent,
              openedOn,
            });
          });
          return reload(id);
        },
        (unit) => ({ entityId: String(unit.id), orgUnitId: unit.id }),
      );
    },

    update(
      scope: Scope,
      actor: AuditActor,
      id: number,
      input: UpdateOrgUnitInput,
    ): Promise<OrgUnit> {
      const { effectiveOn, ...changes } = input;
      const fields = Object.keys(changes);
      return recordWrite(deps.audit, entry(actor, "org_unit.update", id, fields), async () => {
        const unit = await requireUnit(scope, id);
        requireOpen(unit);
        const date = effectiveDate(effectiveOn);
        await repo.transaction(async (history) => {
          if (changes.code !== undefined && (await history.isCodeTaken(changes.code, id)))
            throw new AppError("org_unit.code_taken", { code: changes.code });
          const current = await history.currentVersion(id);
          const writes = planChange(current ? [current] : [], date, (state) => ({
            ...state,
            ...changes,
          }));
          await history.apply(writes, date);
        });
        return reload(id);
      });
    },

    move(
      scope: Scope,
      actor: AuditActor,
      id: number,
      input: { parentId: number; effectiveOn?: string },
    ): Promise<OrgUnit> {
      return recordWrite(
        deps.audit,
        entry(actor, "org_unit.move", id, ["parent_id", "path"]),
        async () => {
          const unit = await requireUnit(scope, id);
          if (unit.parentId === null) throw new AppError("org_unit.is_root", { id });
          requireOpen(unit);
          const parent = await requireUnit(scope, input.parentId);
          requireOpen(parent);
          const date = effectiveDate(input.effectiveOn);
          await repo.transaction(async (history) => {
            const { writes } = planMove(await history.currentSubtree(unit.path), id, parent, date);
            await history.apply(writes, date);
          });
          return reload(id);
        },
      );
    },

    close(
      scope: Scope,
      actor: AuditActor,
      id: number,
      input: { closedOn?: string },
    ): Promise<OrgUnit> {
      return recordWrite(
        deps.audit,
        entry(actor, "org_unit.close", id, ["closed_on"]),
        async () => {
          const unit = await requireUnit(scope, id);
          if (unit.parentId === null) throw new AppError("org_unit.is_root", { id });
          requireOpen(unit);
          const date = effectiveDate(input.closedOn, unit.openedOn);
          const children = await repo.countOpenChildren(id, date);
          if (children > 0)
            throw new AppError("org_unit.has_open_children", { id, count: children });
          const staff = await repo.countStaffFrom(id, date);
          if (staff > 0) throw new AppError("org_unit.has_staff", { id, count: staff, date });
          await repo.transaction(async (history) => {
            const current = await history.currentVersion(id);
            const writes = planChange(current ? [current] : [], date, (state) => ({
              ...state,
              isClosed: true,
            }));
            await history.apply(writes, date);
          });
          return reload(id);
        },
      );
    },
  };
}

function raise(id: number): never {
  throw new AppError("org_unit.not_found", { id });
}

export type OrgUnitsService = ReturnType<typeof createOrgUnitsService>;
