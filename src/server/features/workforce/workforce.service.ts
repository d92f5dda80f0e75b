import { AppError } from "../../../core/errors";
import type { Headline } from "../../../core/schemas/workforce";
import { buildHeadline } from "../../../core/workforce/headline";
import { isPathInScope, type Scope } from "../../http/scope";
import type { OrgUnitsRepository } from "../org-units/org-units.repository";
import type { WorkforceRepository } from "./workforce.repository";

export function createWorkforceService(deps: {
  workforce: WorkforceRepository;
  orgUnits: OrgUnitsRepository;
  today: () => string;
}) {
  return {
    /** Headline numbers for a unit's subtree (default: the first unit of the caller's scope). */
    async getHeadline(scope: Scope, input: { unitId?: number; asOf?: string }): Promise<Headline> {
      const rootPath = scope.unitPaths[0];
      const unit =
        input.unitId !== undefined
          ? await deps.orgUnits.findById(input.unitId)
          : rootPath === undefined
            ? undefined
            : await deps.orgUnits.findByPath(rootPath);
      // Out of scope reads as absent: the existence of other units is not disclosed.
      if (!unit || !isPathInScope(scope, unit.path)) {
        throw new AppError("org_unit.not_found", { id: input.unitId ?? null });
      }
      const asOf = input.asOf ?? deps.today();
      const [groups, rows] = await Promise.all([
        deps.workforce.listRankGroups(),
        deps.workforce.countHeadcount(unit.path, asOf),
      ]);
      return {
        asOf,
        unit: { id: unit.id, code: unit.code, name: unit.name },
        ...buildHeadline(groups, rows),
      };
    },
  };
}

export type WorkforceService = ReturnType<typeof createWorkforceService>;
