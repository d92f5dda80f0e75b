import type { CareerEventType } from "../schemas/workforce-events";

/** Where a person serves on the snapshot date, according to the register. */
export interface ServingState {
  readonly rankId: number;
  readonly rankOrdinal: number;
  readonly unitId: number;
  readonly roleId: number | null;
}

/** What a snapshot row says about a serving officer. */
export interface SnapshotPost {
  readonly rankId: number;
  readonly rankOrdinal: number;
  readonly unitId: number;
  /** null when the file has no role column or the cell is empty: the role is then left as it is. */
  readonly roleId: number | null;
  /** The date of hire the file gives, used for a person the register does not know yet. */
  readonly hireDate: string | null;
}

/** An event to record; null fields keep the person's previous value (see deriveSpells). */
export interface EventDraft {
  readonly type: CareerEventType;
  readonly date: string;
  readonly rankId: number | null;
  readonly unitId: number | null;
  readonly roleId: number | null;
  readonly reason: string | null;
}

/**
 * The events that make the register agree with one snapshot row on `asOf`.
 *
 * - Not serving on `asOf` (unknown, or left earlier): a hire. A person new to the register is
 *   hired on the file's hire date when it has one, a returning person on `asOf`.
 * - Serving: one event per difference, all dated `asOf`: promotion or demotion (by rank order),
 *   transfer (unit), role change (role, only when the file gives one).
 */
export function diffSnapshotRow(
  post: SnapshotPost,
  serving: ServingState | undefined,
  asOf: string,
  isNewPerson: boolean,
): EventDraft[] {
  if (!serving) {
    const date =
      isNewPerson && post.hireDate !== null && post.hireDate <= asOf ? post.hireDate : asOf;
    return [
      {
        type: "hire",
        date,
        rankId: post.rankId,
        unitId: post.unitId,
        roleId: post.roleId,
        reason: null,
      },
    ];
  }
  const events: EventDraft[] = [];
  if (post.rankId !== serving.rankId) {
    events.push({
      type: post.rankOrdinal > serving.rankOrdinal ? "promotion" : "demotion",
      date: asOf,
      rankId: post.rankId,
      unitId: null,
      roleId: null,
      reason: null,
    });
  }
  if (post.unitId !== serving.unitId) {
    events.push({
      type: "transfer",
      date: asOf,
      rankId: null,
      unitId: post.unitId,
      roleId: null,
      reason: null,
    });
  }
  if (post.roleId !== null && post.roleId !== serving.roleId) {
    events.push({
      type: "role_change",
      date: asOf,
      rankId: null,
      unitId: null,
      roleId: post.roleId,
      reason: null,
    });
  }
  return events;
}

/** A serving officer of the covered units who is absent from the snapshot has left on `asOf`. */
export function exitDraft(asOf: string): EventDraft {
  return { type: "exit", date: asOf, rankId: null, unitId: null, roleId: null, reason: "other" };
}

/**
 * The smallest subtree holding every unit of a file: the longest common prefix, by whole segments,
 * of the units' materialised paths (`/1/4/17/`). Returns "/" for an empty list.
 */
export function commonAncestorPath(paths: Iterable<string>): string {
  let common: string[] | null = null;
  for (const path of paths) {
    const segments = path.split("/").filter(Boolean);
    if (common === null) {
      common = segments;
      continue;
    }
    let i = 0;
    while (i < common.length && i < segments.length && common[i] === segments[i]) i++;
    common = common.slice(0, i);
  }
  return common && common.length ? `/${common.join("/")}/` : "/";
}
