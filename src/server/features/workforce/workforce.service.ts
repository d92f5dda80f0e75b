import { AppError } from "../../../core/errors";
import type { IndicatorAudience } from "../../../core/schemas/indicators";
import type { Headline, HeadlineResponse } from "../../../core/schemas/workforce";
import { DEFAULT_SDC_THRESHOLD } from "../../../core/sdc/suppress";
import { buildHeadline } from "../../../core/workforce/headline";
import { protectHeadline } from "../../../core/workforce/headline-disclosure";
import { isPathInScope, type Scope } from "../../http/scope";
import type { OrgUnitsRepository } from "../org-units/org-units.repository";
import type { WorkforceRepository } from "./workforce.repository";

export function createWorkforceService(deps: {
  workforce: WorkforceRepository;
  orgUnits: OrgUnitsRepository;
  today: () => string;
  /** Disclosure-control threshold k for external headlines (INDICATORS.md §8; default 5). */
  sdcThreshold?: number;
}) {
  const service = {
    /**
     * Headline numbers for a unit's subtree (default: the first unit of the caller's scope). For a
     * past date the tree of that date is used: the unit's subtree and the caller's scope as they
     * were then (a station that moved provinces in 2022 counts under its old province for 2019).
     */
    async getHeadline(scope: Scope, input: { unitId?: number; asOf?: string }): Promise<Headline> {
      const asOf = input.asOf ?? deps.today();
      const isPast = asOf < deps.today();
      const effectiveScope = isPast ? await deps.orgUnits.scopeAsOf(scope, asOf) : scope;
      const rootPath = effectiveScope.unitPaths[0];
      const key: { id: number } | { path: string } | undefined =
        input.unitId !== undefined
          ? { id: input.unitId }
          : rootPath === undefined
            ? undefined
            : { path: rootPath };
      const findToday = (k: { id: number } | { path: string }) =>
        "id" in k ? deps.orgUnits.findById(k.id) : deps.orgUnits.findByPath(k.path);
      const unit =
        key === undefined
          ? undefined
          : isPast
            ? await deps.orgUnits.findAsOf(key, asOf)
            : await findToday(key);
      // Out of scope reads as absent: the existence of other units is not disclosed.
      if (!unit || !isPathInScope(effectiveScope, unit.path)) {
        throw new AppError("org_unit.not_found", { id: input.unitId ?? null });
      }
      const [groups, rows] = await Promise.all([
        deps.workforce.listRankGroups(),
        isPast
          ? deps.workforce.countHeadcountAsOf(unit.path, asOf)
          : deps.workforce.countHeadcount(unit.path, asOf),
      ]);
      return {
        asOf,
        unit: { id: unit.id, code: unit.code, name: unit.name },
        ...buildHeadline(groups, rows),
      };
    },

    /**
     * The headline as the audience may see it: all counts for the trusted circle (`disclosure:
     * null`); for an external audience (every partner-viewer) the rank groups × sex table
     * disclosure-controlled, hidden counts and the shares they would reveal null and marked.
     */
    async getHeadlineFor(
      scope: Scope,
      input: { unitId?: number; asOf?: string; audience: IndicatorAudience },
    ): Promise<HeadlineResponse> {
      const { asOf, unit, ...numbers } = await service.getHeadline(scope, input);
      if (input.audience === "internal") return { asOf, unit, ...numbers, disclosure: null };
      return {
        asOf,
        unit,
        ...protectHeadline(numbers, deps.sdcThreshold ?? DEFAULT_SDC_THRESHOLD),
      };
    },
  };
  return service;
}

export type WorkforceService = ReturnType<typeof createWorkforceService>;
