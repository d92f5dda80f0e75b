import {
  deriveSpells,
  SPELL_COLUMNS,
  spellCsvLine,
  type CareerEventFact,
} from "../../core/workforce/spells";
import type { CareerEventType } from "../../core/schemas/workforce-events";
import { withNettedSpellRewrite } from "../analytics/headcount-cube";
import type { BulkSession } from "../db/client";

/** An event the derivation could not place (e.g. a promotion before any hire), by its database id. */
export interface SpellProblem {
  readonly personId: number;
  readonly eventId: number;
  readonly code: "event_before_hire" | "missing_initial_state";
}

export interface RederiveOptions {
  /** Persons per query; bounds memory whatever the number of persons. */
  readonly chunkSize?: number;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

/**
 * Recomputes `career_spells` of the given persons from their career events that are not retracted,
 * inside the caller's transaction: the one place spells are rewritten after the register changes
 * (imports, corrections). Problems are returned, not thrown, so the caller can name the file row or
 * the request that caused them; the caller decides whether to roll back.
 */
export async function rederiveSpells(
  session: BulkSession,
  personIds: readonly number[],
  options: RederiveOptions = {},
): Promise<{ spells: number; problems: SpellProblem[] }> {
  const chunkSize = options.chunkSize ?? 20_000;
  const leadership = new Set(
    (await session.execute("SELECT id FROM job_roles WHERE is_leadership")).map((r) =>
      Number(r.id),
    ),
  );
  const sorted = [...personIds].sort((a, b) => a - b);
  const problems: SpellProblem[] = [];
  let spellCount = 0;
  for (let start = 0; start < sorted.length; start += chunkSize) {
    options.signal?.throwIfAborted();
    const chunk = sorted.slice(start, start + chunkSize);
    const rows = await session.execute(
      `SELECT e.id, e.person_id, e.event_type, e.effective_date, e.rank_id, e.org_unit_id, e.job_role_id
         FROM career_events e
        WHERE e.person_id = ANY($1::bigint[])
          AND NOT EXISTS (SELECT 1 FROM career_event_retractions r WHERE r.event_id = e.id)
        ORDER BY e.person_id, e.effective_date, e.id`,
      [chunk],
    );
    const lines: string[] = [];
    let index = 0;
    while (index < rows.length) {
      const personId = Number(rows[index]?.person_id);
      const facts: CareerEventFact[] = [];
      const eventIds: number[] = [];
      for (; index < rows.length && Number(rows[index]?.person_id) === personId; index++) {
        const row = rows[index];
        eventIds.push(Number(row.id));
        facts.push({
          type: row.event_type as CareerEventType,
          date: String(row.effective_date),
          rankId: row.rank_id === null ? null : Number(row.rank_id),
          orgUnitId: row.org_unit_id === null ? null : Number(row.org_unit_id),
          jobRoleId: row.job_role_id === null ? null : Number(row.job_role_id),
        });
      }
      const { spells, errors } = deriveSpells(facts, leadership);
      for (const error of errors) {
        problems.push({ personId, eventId: eventIds[error.index] ?? 0, code: error.code });
      }
      for (const spell of spells) lines.push(spellCsvLine(personId, spell));
    }
    spellCount += await withNettedSpellRewrite(session, chunk, async () => {
      await session.execute("DELETE FROM career_spells WHERE person_id = ANY($1::bigint[])", [
        chunk,
      ]);
      return session.copyCsv("career_spells", SPELL_COLUMNS, lines);
    });
    options.onProgress?.(Math.min(start + chunkSize, sorted.length), sorted.length);
  }
  return { spells: spellCount, problems };
}
