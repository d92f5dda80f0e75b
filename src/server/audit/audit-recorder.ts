import { sql, type Kysely } from "kysely";
import { computeEntryHash, GENESIS_HASH, type AuditEntryContent } from "../../core/audit/chain";
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

/**
 * Appends entries to the hash chain in `audit_log`. In one transaction it takes the chain's advisory
 * lock, reads the last entry and inserts the next with id = last id + 1 and its hash, so several
 * processes on one PostgreSQL append to one correct chain. The time comes from `now`.
 * Call it after the write has committed, never inside another transaction (PGlite has one connection).
 */
export function createAuditRecorder(
  db: Kysely<DB>,
  options: { now?: () => Date } = {},
): AuditRecorder {
  const now = options.now ?? (() => new Date());
  return {
    async record(entry) {
      checkInput(entry);
      await db.transaction().execute(async (trx) => {
        await sql`SELECT pg_advisory_xact_lock(${sql.lit(AUDIT_CHAIN_LOCK_KEY)})`.execute(trx);
        const last = await trx
          .selectFrom("audit_log")
          .select(["id", "hash"])
          .orderBy("id", "desc")
          .limit(1)
          .executeTakeFirst();
        const content: AuditEntryContent = {
          id: (last?.id ?? 0) + 1,
          occurredAt: new Date(now().getTime()),
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
        const prevHash = last?.hash ?? GENESIS_HASH;
        await trx
          .insertInto("audit_log")
          .values({
            id: content.id,
            occurred_at: content.occurredAt,
            actor_user_id: content.actorUserId,
            actor_username: content.actorUsername,
            action: content.action,
            entity_type: content.entityType,
            entity_id: content.entityId,
            org_unit_id: content.orgUnitId,
            fields: content.fields,
            outcome: content.outcome,
            ip: content.ip,
            user_agent: content.userAgent,
            prev_hash: prevHash,
            hash: computeEntryHash(prevHash, content),
          })
          .execute();
      });
    },
  };
}
