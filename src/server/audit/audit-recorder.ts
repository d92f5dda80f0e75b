import { CompiledQuery, sql, type Kysely, type Transaction } from "kysely";
import {
  AUDIT_LOG_COLUMNS,
  computeEntryHash,
  entryContentOf,
  GENESIS_HASH,
} from "../../core/audit/chain";
import type { BulkSession } from "../db/client";
import type { DB } from "../db/schema";
import type { AuditActor, AuditEntryInput, AuditInboxRow, AuditRecorder } from "./recorder";

/** Every appender on one database takes this transaction-level advisory lock (any fixed number). */
export const AUDIT_CHAIN_LOCK_KEY = 7263312;

/** Command line and bootstrap: no signed-in user. */
export const SYSTEM_ACTOR: AuditActor = {
  userId: null,
  username: "system",
  ip: null,
  userAgent: null,
};

/** The entry for loading the demo country (server first start and `tandem demo`): tables, no values. */
export const DEMO_LOAD_ENTRY: AuditEntryInput = {
  actor: SYSTEM_ACTOR,
  action: "demo.load",
  entityType: "register",
  entityId: null,
  orgUnitId: null,
  fields: ["org_units", "ranks", "job_roles", "persons", "career_events", "career_spells"],
  outcome: "success",
};

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_.]{0,63}$/;
const MAX_USER_AGENT = 512;
const MAX_IP = 64;

/** Field names only: anything that does not look like a name may be a value, and is refused. */
function checkInput(entry: AuditEntryInput): void {
  for (const field of entry.fields) {
    if (!FIELD_NAME.test(field)) throw new Error(`audit: "${field}" is not a field name`);
  }
}

function clip(value: string | null, max: number): string | null {
  return value === null ? null : value.slice(0, max);
}

/** Runs one SQL statement with positional parameters; a Kysely transaction or a bulk session. */
type Run = (statement: string, params: readonly unknown[]) => Promise<Record<string, unknown>[]>;

/** The entry as a row of the inbox, checked (field names only) and clipped. */
export function toInboxRow(entry: AuditEntryInput, occurredAt: Date): AuditInboxRow {
  checkInput(entry);
  return {
    occurred_at: occurredAt,
    actor_user_id: entry.actor.userId,
    actor_username: entry.actor.username,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    org_unit_id: entry.orgUnitId,
    fields: [...entry.fields],
    outcome: entry.outcome,
    ip: clip(entry.actor.ip, MAX_IP),
    user_agent: clip(entry.actor.userAgent, MAX_USER_AGENT),
  };
}

/** An inbox row as it comes back from the database (timestamps as Date, ids as numbers). */
function fromDatabase(row: Record<string, unknown>): AuditInboxRow {
  return {
    occurred_at: row.occurred_at as Date,
    actor_user_id: row.actor_user_id as number | null,
    actor_username: row.actor_username as string | null,
    action: row.action as string,
    entity_type: row.entity_type as string | null,
    entity_id: row.entity_id as string | null,
    org_unit_id: row.org_unit_id as number | null,
    fields: row.fields as string[],
    outcome: row.outcome as AuditInboxRow["outcome"],
    ip: row.ip as string | null,
    user_agent: row.user_agent as string | null,
  };
}

/** Takes the chain's transaction-level lock: every appender on one database takes turns. */
async function lockChain(run: Run): Promise<void> {
  await run(`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`, []);
}

/**
 * Appends rows to the chain, in the given order, inside the caller's transaction, which holds the
 * chain's lock: reads the last entry and inserts the next ids (last id + 1, + 2, …) with their
 * hashes in one statement, so several processes on one PostgreSQL append to one correct chain.
 */
async function appendLocked(run: Run, rows: readonly AuditInboxRow[]): Promise<void> {
  const last = (await run("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1", []))[0];
  let id = last ? Number(last.id) : 0;
  let prevHash = last ? String(last.hash) : GENESIS_HASH;
  const chained = rows.map((row) => {
    id += 1;
    const hash = computeEntryHash(prevHash, entryContentOf({ id, ...row }));
    const entry = { id, ...row, prev_hash: prevHash, hash };
    prevHash = hash;
    return entry;
  });
  // One JSON parameter, whatever the number of rows (timestamps keep their milliseconds).
  const columns = AUDIT_LOG_COLUMNS.join(", ");
  await run(
    `INSERT INTO audit_log (${columns})
     SELECT ${columns} FROM jsonb_populate_recordset(NULL::audit_log, $1::jsonb)`,
    [JSON.stringify(chained)],
  );
}

/** Takes the chain's lock and appends rows to it, inside the caller's transaction. */
async function appendToChain(run: Run, rows: readonly AuditInboxRow[]): Promise<void> {
  await lockChain(run);
  await appendLocked(run, rows);
}

/**
 * How long a write's entry may wait in the inbox before a link run starts: the entries of the
 * writes that commit meanwhile are linked in the same run (one lock, one commit for all of them).
 */
export const LINK_DELAY_MS = 50;

/**
 * Entries linked between two VACUUMs of the inbox. Every entry leaves a dead row there; PostgreSQL's
 * autovacuum reclaims them, the embedded PGlite has none, so the linker does.
 */
export const VACUUM_AFTER_LINKED = 10_000;

/** Entries linked per transaction. */
const LINK_BATCH = 500;

/**
 * Moves waiting inbox entries into the chain, in order of arrival, in one transaction: the chain's
 * lock first (linkers on one database take turns), then DELETE … RETURNING and the appends. Answers
 * how many it linked; a full batch means there may be more.
 */
async function linkBatch(run: Run): Promise<number> {
  await lockChain(run);
  const moved = await run(
    `DELETE FROM audit_inbox WHERE id IN (SELECT id FROM audit_inbox ORDER BY id LIMIT ${LINK_BATCH})
     RETURNING *`,
    [],
  );
  if (moved.length === 0) return 0;
  const ordered = moved.sort((a, b) => Number(a.id) - Number(b.id)).map(fromDatabase);
  await appendLocked(run, ordered);
  return moved.length;
}

/** Runs statements on a Kysely transaction's connection. */
function runOn(trx: Transaction<DB>): Run {
  return async (statement, params) =>
    (await trx.executeQuery<Record<string, unknown>>(CompiledQuery.raw(statement, [...params])))
      .rows;
}

/**
 * A task that runs at most once at a time: a call while it runs is answered by one more run after
 * it (which covers everything committed before the call), shared by every call that came meanwhile.
 */
function coalesced(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const start = (): Promise<void> => {
    const run = task().finally(() => {
      if (running === run) running = null;
    });
    running = run;
    return run;
  };
  return () => {
    if (running === null) return start();
    next ??= running.then(() => {
      next = null;
      return start();
    });
    return next;
  };
}

/**
 * Appends entries to the hash chain in `audit_log`; the time comes from `now`. `record` appends in a
 * transaction of its own: call it after the write has committed, never inside another transaction
 * (PGlite has one connection). A write that appends its entry to the inbox in its own statement
 * (`inboxRow`, see `recordWriteWithin`) commits with it; `linkSoon` then moves it into the chain
 * within LINK_DELAY_MS, together with every other entry that arrived meanwhile, and `linkPending`
 * at once (at start, before stopping). A failure to link is reported to `onLinkError` and leaves
 * the entries in the inbox for the next run.
 * A write that runs in a bulk session records its entry there with `recordInSession`.
 */
export function createAuditRecorder(
  db: Kysely<DB>,
  options: {
    now?: () => Date;
    onLinkError?: (error: unknown) => void;
    /** Entries linked between two VACUUMs of the inbox; VACUUM_AFTER_LINKED by default. */
    vacuumAfter?: number;
  } = {},
): AuditRecorder {
  const now = options.now ?? (() => new Date());
  const onLinkError =
    options.onLinkError ??
    ((error: unknown) =>
      process.emitWarning(`audit entries not linked yet: ${String(error)}`, "TandemAuditWarning"));
  const vacuumAfter = options.vacuumAfter ?? VACUUM_AFTER_LINKED;
  let linkedSinceVacuum = 0;
  let timer: NodeJS.Timeout | null = null;
  const link = coalesced(async () => {
    try {
      for (;;) {
        const linked = await db.transaction().execute((trx) => linkBatch(runOn(trx)));
        linkedSinceVacuum += linked;
        if (linked < LINK_BATCH) break;
      }
      if (linkedSinceVacuum >= vacuumAfter) {
        linkedSinceVacuum = 0;
        await sql`VACUUM audit_inbox`.execute(db);
      }
    } catch (error) {
      onLinkError(error);
    }
  });
  return {
    async record(entry) {
      const row = toInboxRow(entry, new Date(now().getTime()));
      await db.transaction().execute((trx) => appendToChain(runOn(trx), [row]));
    },
    inboxRow(entry) {
      return toInboxRow(entry, new Date(now().getTime()));
    },
    linkSoon() {
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        void link();
      }, LINK_DELAY_MS);
      // A process that has nothing else to do may end: a later start links what is left.
      timer.unref();
    },
    linkPending() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      return link();
    },
  };
}

/**
 * Records an entry inside a bulk session's transaction, so the entry commits (or rolls back) with
 * the write it describes: an import is never committed without its audit entry.
 */
export function recordInSession(
  session: BulkSession,
  entry: AuditEntryInput,
  occurredAt: Date = new Date(),
): Promise<void> {
  return appendToChain(
    (statement, params) => session.execute(statement, params),
    [toInboxRow(entry, occurredAt)],
  );
}
