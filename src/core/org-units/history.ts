import { AppError } from "../errors";
import type { OrgUnitKind } from "../schemas/org-units";

/** What a unit looks like during one stretch of time. */
export interface OrgUnitState {
  readonly code: string;
  readonly name: string;
  readonly kind: OrgUnitKind;
  readonly specialisation: string | null;
  readonly parentId: number | null;
  /** Materialised path of ids at that time, e.g. `/1/4/17/`. */
  readonly path: string;
  readonly isClosed: boolean;
}

/** One row of `org_unit_versions`: a unit's state in `[validFrom, validTo)`; `validTo` null = current. */
export interface OrgUnitVersion extends OrgUnitState {
  readonly id: number;
  readonly orgUnitId: number;
  readonly validFrom: string;
  readonly validTo: string | null;
}

/** A write to the history, decided here and carried out by the repository in one transaction. */
export type HistoryWrite =
  /** The current version started on the change's date: it is corrected in place. */
  | {
      readonly kind: "replace";
      readonly versionId: number;
      readonly orgUnitId: number;
      readonly state: OrgUnitState;
    }
  /** The current version ends on the change's date and a new one starts. */
  | {
      readonly kind: "split";
      readonly versionId: number;
      readonly orgUnitId: number;
      readonly date: string;
      readonly state: OrgUnitState;
    };

export function isVersionAt(version: Pick<OrgUnitVersion, "validFrom" | "validTo">, date: string) {
  return version.validFrom <= date && (version.validTo === null || version.validTo > date);
}

/** The open units of the tree as of `date` (closed units and units not yet opened are left out). */
export function treeAsOf(versions: readonly OrgUnitVersion[], date: string): OrgUnitVersion[] {
  return versions.filter((v) => isVersionAt(v, date) && !v.isClosed);
}

/** Ids of the units in the subtree of `unitId` as of `date` (the unit first); empty when it was not open then. */
export function subtreeAsOf(
  versions: readonly OrgUnitVersion[],
  unitId: number,
  date: string,
): number[] {
  const tree = treeAsOf(versions, date);
  const root = tree.find((v) => v.orgUnitId === unitId);
  if (!root) return [];
  return [
    root.orgUnitId,
    ...tree
      .filter((v) => v.orgUnitId !== unitId && v.path.startsWith(root.path))
      .map((v) => v.orgUnitId),
  ];
}

const stateOf = (v: OrgUnitVersion): OrgUnitState => ({
  code: v.code,
  name: v.name,
  kind: v.kind,
  specialisation: v.specialisation,
  parentId: v.parentId,
  path: v.path,
  isClosed: v.isClosed,
});

const isSameState = (a: OrgUnitState, b: OrgUnitState) =>
  a.code === b.code &&
  a.name === b.name &&
  a.kind === b.kind &&
  a.specialisation === b.specialisation &&
  a.parentId === b.parentId &&
  a.path === b.path &&
  a.isClosed === b.isClosed;

/**
 * Plans a change effective on `date` to the current versions of some units. History is appended,
 * never rewritten: a change dated before a unit's current version began is refused
 * (`org_unit.history_conflict`); one dated on that day corrects it in place. Units whose state
 * does not change get no write.
 */
export function planChange(
  current: readonly OrgUnitVersion[],
  date: string,
  change: (state: OrgUnitState, version: OrgUnitVersion) => OrgUnitState,
): HistoryWrite[] {
  const writes: HistoryWrite[] = [];
  for (const version of current) {
    if (version.validTo !== null) throw new Error(`version ${version.id} is not current`);
    const before = stateOf(version);
    const after = change(before, version);
    if (isSameState(before, after)) continue;
    if (version.validFrom > date) {
      throw new AppError("org_unit.history_conflict", {
        id: version.orgUnitId,
        date,
        validFrom: version.validFrom,
      });
    }
    writes.push(
      version.validFrom === date
        ? { kind: "replace", versionId: version.id, orgUnitId: version.orgUnitId, state: after }
        : {
            kind: "split",
            versionId: version.id,
            orgUnitId: version.orgUnitId,
            date,
            state: after,
          },
    );
  }
  return writes;
}

/**
 * Moves `unitId` under `parent` on `date`: the unit takes its new parent and every unit of its
 * current subtree (`subtree`, the unit included) is re-pathed. Refuses a move under itself or
 * one of its descendants (`org_unit.cycle`).
 */
export function planMove(
  subtree: readonly OrgUnitVersion[],
  unitId: number,
  parent: { readonly id: number; readonly path: string },
  date: string,
): { writes: HistoryWrite[]; oldPath: string; newPath: string } {
  const unit = subtree.find((v) => v.orgUnitId === unitId);
  if (!unit) throw new AppError("org_unit.not_found", { id: unitId });
  if (parent.path.startsWith(unit.path)) {
    throw new AppError("org_unit.cycle", { id: unitId, parentId: parent.id });
  }
  const oldPath = unit.path;
  const newPath = `${parent.path}${unitId}/`;
  const writes = planChange(subtree, date, (state, version) => ({
    ...state,
    parentId: version.orgUnitId === unitId ? parent.id : state.parentId,
    path: newPath + state.path.slice(oldPath.length),
  }));
  return { writes, oldPath, newPath };
}
