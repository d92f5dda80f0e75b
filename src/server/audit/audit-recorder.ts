import { CompiledQuery, type Kysely, type Transaction } from "kysely";
import { computeEntryHash, GENESIS_HASH, type AuditEntryContent } from "../../core/audit/chain";
import type { BulkSession } from "../db/client";
import type { DB } from "../db/schema";
import type { AuditActor, AuditEntryInput, AuditRecorder } from "./recorder";

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

/**
 * Appends one entry inside the caller's transaction: takes the chain's advisory lock, reads the last
 * entry and inserts the next with id = last id + 1 and its hash, so several processes on one
 * PostgreSQL append to one correct chain.
 */
async function appendEntry(run: Run, entry: AuditEntryInput, occurredAt: Date): Promise<void> {
  checkInput(entry);
  await run(`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`, []);
  const last = (await run("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1", []))[0];
  const content: AuditEntryContent = {
    id: (last ? Number(last.id) : 0) + 1,
    occurredAt,
    actorUserId: entry.actor.userId,
    actorUsername: entry.actor.username,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    orgUnitId: entry.orgUnitId,
    fields: [...entry.fields],
    outcome: entry.outcome,
    ip: clip(entry.actor.ip, MAX_IP),
    userAgent: clip(entry.actor.userAgent, MAX_USER_AGENT),
  };
  const prevHash = last ? String(last.hash) : GENESIS_HASH;
  await run(
    `INSERT INTO audit_log (id, occurred_at, actor_user_id, actor_username, action, entity_type,
       entity_id, org_unit_id, fields, outcome, ip, user_agent, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      content.id,
      content.occurredAt,
      content.actorUserId,
      content.actorUsername,
      content.action,
      content.entityType,
      content.entityId,
      content.orgUnitId,
      content.fields,
      content.outcome,
      content.ip,
      content.userAgent,
      prevHash,
      computeEntryHash(prevHash, content),
    ],
  );
}

/** Runs statements on a Kysely transaction's connection. */
function runOn(trx: Transaction<DB>): Run {
  return async (statement, params) =>
    (await trx.executeQuery<Record<string, unknown>>(CompiledQuery.raw(statement, [...params])))
      .rows;
}

/**
 * Appends entries to the hash chain in `audit_log`; the time comes from `now`. `record` appends in a
 * transaction of its own: call it after the write has committed, never inside another transaction
 * (PGlite has one connection). `recordWithin` appends inside the write's own transaction; a write
 * that runs in a bulk session records its entry there with `recordInSession`.
 */
export function createAuditRecorder(
  db: Kysely<DB>,
  options: { now?: () => Date } = {},
): AuditRecorder {
  const now = options.now ?? (() => new Date());
  return {
    async record(entry) {
      checkInput(entry);
      await db
        .transaction()
        .execute((trx) => appendEntry(runOn(trx), entry, new Date(now().getTime())));
    },
    recordWithin(trx, entry) {
      return appendEntry(runOn(trx), entry, new Date(now().getTime()));
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
  return appendEntry((statement, params) => session.execute(statement, params), entry, occurredAt);
}
