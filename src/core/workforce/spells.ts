import { csvLine } from "../csv/write";
import type { CareerEventType } from "../schemas/workforce-events";

/** A career event with the state that holds after it (null = unchanged from the previous state). */
export interface CareerEventFact {
  readonly type: CareerEventType;
  /** ISO date, YYYY-MM-DD. */
  readonly date: string;
  readonly rankId: number | null;
  readonly orgUnitId: number | null;
  readonly jobRoleId: number | null;
}

/** A continuous stretch in one rank, unit and role, [validFrom, validTo); validTo null = still open. */
export interface Spell {
  readonly validFrom: string;
  validTo: string | null;
  readonly rankId: number;
  readonly orgUnitId: number;
  readonly jobRoleId: number | null;
  readonly isLeadership: boolean;
  readonly onLeave: boolean;
}

export type SpellError = {
  readonly code: "event_before_hire" | "missing_initial_state";
  readonly index: number;
};

/**
 * Derives spells from one person's events, given in date order (ties in recording order).
 * Events on the same day as the open spell's start replace that spell rather than leave a zero-length one.
 * A re-hire after an exit opens a new spell. Throws nothing: problems come back as `errors`.
 */
export function deriveSpells(
  events: readonly CareerEventFact[],
  leadershipRoleIds: ReadonlySet<number>,
): { spells: Spell[]; errors: SpellError[] } {
  const spells: Spell[] = [];
  const errors: SpellError[] = [];
  let open: Spell | null = null;
  let last: { rankId: number; orgUnitId: number; jobRoleId: number | null } | null = null;

  const close = (date: string) => {
    if (!open) return;
    if (open.validFrom === date) spells.pop();
    else open.validTo = date;
    open = null;
  };

  events.forEach((event, index) => {
    if (event.type === "exit") {
      if (!open) errors.push({ code: "event_before_hire", index });
      close(event.date);
      return;
    }
    if (event.type !== "hire" && !open) {
      errors.push({ code: "event_before_hire", index });
      return;
    }
    const base = event.type === "hire" ? last : (open ?? last);
    const rankId = event.rankId ?? base?.rankId;
    const orgUnitId = event.orgUnitId ?? base?.orgUnitId;
    if (rankId === undefined || orgUnitId === undefined) {
      errors.push({ code: "missing_initial_state", index });
      return;
    }
    const jobRoleId = event.jobRoleId ?? base?.jobRoleId ?? null;
    const onLeave =
      event.type === "leave_start"
        ? true
        : event.type === "leave_end" || event.type === "hire"
          ? false
          : (open?.onLeave ?? false);
    close(event.date);
    const spell: Spell = {
      validFrom: event.date,
      validTo: null,
      rankId,
      orgUnitId,
      jobRoleId,
      isLeadership: jobRoleId !== null && leadershipRoleIds.has(jobRoleId),
      onLeave,
    };
    spells.push(spell);
    open = spell;
    last = { rankId, orgUnitId, jobRoleId };
  });
  return { spells, errors };
}

/** The columns of `career_spells`, in the order of `spellCsvLine`. */
export const SPELL_COLUMNS = [
  "person_id",
  "valid_from",
  "valid_to",
  "rank_id",
  "org_unit_id",
  "job_role_id",
  "is_leadership",
  "on_leave",
] as const;

/** One spell as a CSV line for COPY into `career_spells`. */
export function spellCsvLine(personId: number, s: Spell): string {
  return csvLine([
    personId,
    s.validFrom,
    s.validTo,
    s.rankId,
    s.orgUnitId,
    s.jobRoleId,
    s.isLeadership,
    s.onLeave,
  ]);
}
