import type { OrgUnit } from "../../../../core/schemas/org-units";

/**
 * The units from the top of the user's tree down to `unitId` (the breadcrumb). A unit whose parent
 * is not in the list (outside the user's scope) starts the path. Empty when the unit is not in the
 * list.
 */
export function unitPath(units: readonly OrgUnit[], unitId: number): OrgUnit[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const path: OrgUnit[] = [];
  const seen = new Set<number>();
  for (
    let unit = byId.get(unitId);
    unit && !seen.has(unit.id);
    unit = unit.parentId === null ? undefined : byId.get(unit.parentId)
  ) {
    seen.add(unit.id);
    path.unshift(unit);
  }
  return path;
}

/** Unit ids by code, to open a unit named in a result's rows. */
export function unitIdsByCode(units: readonly OrgUnit[]): Map<string, number> {
  return new Map(units.map((unit) => [unit.code, unit.id]));
}
