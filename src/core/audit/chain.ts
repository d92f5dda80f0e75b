import { createHash } from "node:crypto";
import type { AuditOutcome } from "../schemas/audit";
import { canonicalJson } from "./canonical-json";

/**
 * The audit hash chain (decision 0007): `hash = SHA-256(prev_hash ‖ canonical JSON of the entry)`,
 * hex-encoded. The first entry's predecessor is `GENESIS_HASH`. Ids are contiguous from 1, so a
 * missing id is a removed entry. Pure: rows in, first break out.
 */
export const GENESIS_HASH = "0".repeat(64);

/** The hashed content of an entry: every column except `prev_hash` and `hash`. */
export interface AuditEntryContent {
  readonly id: number;
  readonly occurredAt: Date;
  readonly actorUserId: number | null;
  readonly actorUsername: string | null;
  readonly action: string;
  readonly entityType: string | null;
  readonly entityId: string | null;
  readonly orgUnitId: number | null;
  readonly fields: readonly string[];
  readonly outcome: AuditOutcome;
  readonly ip: string | null;
  readonly userAgent: string | null;
}

export interface AuditChainRow extends AuditEntryContent {
  readonly prevHash: string;
  readonly hash: string;
}

export type ChainBreakReason = "hash_mismatch" | "prev_hash_mismatch" | "gap" | "reordered";

export interface ChainBreak {
  /** The first entry that does not verify. */
  readonly id: number;
  readonly reason: ChainBreakReason;
  /** `gap`: the id that should have come next. */
  readonly expectedId?: number;
  /** `prev_hash_mismatch` / `reordered`: the prev_hash the entry carries. */
  readonly prevHash?: string;
  /** `reordered`: the entry whose hash this entry's prev_hash names. */
  readonly linkedId?: number;
}

export interface ChainReport {
  /** Entries that verified before the first break (all of them when `broken` is null). */
  readonly count: number;
  /** Hash of the last verified entry (GENESIS_HASH for an empty log). */
  readonly headHash: string;
  readonly broken: ChainBreak | null;
}

/** The columns of `audit_log`, in order: the hashed content, then the entry's links. */
export const AUDIT_LOG_COLUMNS = [
  "id",
  "occurred_at",
  "actor_user_id",
  "actor_username",
  "action",
  "entity_type",
  "entity_id",
  "org_unit_id",
  "fields",
  "outcome",
  "ip",
  "user_agent",
  "prev_hash",
  "hash",
] as const;

/** An entry as a row of `audit_log` holds it, keyed by column name. */
export interface AuditLogRow {
  readonly id: number;
  readonly occurred_at: Date;
  readonly actor_user_id: number | null;
  readonly actor_username: string | null;
  readonly action: string;
  readonly entity_type: string | null;
  readonly entity_id: string | null;
  readonly org_unit_id: number | null;
  readonly fields: readonly string[];
  readonly outcome: AuditOutcome;
  readonly ip: string | null;
  readonly user_agent: string | null;
  readonly prev_hash: string;
  readonly hash: string;
}

/** The hashed content of a row (or of a row still without its links). */
export function entryContentOf(row: Omit<AuditLogRow, "prev_hash" | "hash">): AuditEntryContent {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    actorUserId: row.actor_user_id,
    actorUsername: row.actor_username,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    orgUnitId: row.org_unit_id,
    fields: row.fields,
    outcome: row.outcome,
    ip: row.ip,
    userAgent: row.user_agent,
  };
}

/** A row as the verifier walks it. */
export function chainRowOf(row: AuditLogRow): AuditChainRow {
  return { ...entryContentOf(row), prevHash: row.prev_hash, hash: row.hash };
}

/** The canonical JSON that is hashed: column names as keys, so any tool can recompute it. */
export function canonicalEntry(entry: AuditEntryContent): string {
  return canonicalJson({
    id: entry.id,
    occurred_at: entry.occurredAt,
    actor_user_id: entry.actorUserId,
    actor_username: entry.actorUsername,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    org_unit_id: entry.orgUnitId,
    fields: entry.fields,
    outcome: entry.outcome,
    ip: entry.ip,
    user_agent: entry.userAgent,
  });
}

export function computeEntryHash(prevHash: string, entry: AuditEntryContent): string {
  return createHash("sha256")
    .update(prevHash, "utf8")
    .update(canonicalEntry(entry), "utf8")
    .digest("hex");
}

/**
 * Walks entries pushed in id order and stops at the first break. A broken link (prev_hash that is
 * not the previous entry's hash) is reported as `prev_hash_mismatch`; `classifyLinkBreak` turns it
 * into `reordered` when the hash it names belongs to another entry.
 */
export function createChainVerifier() {
  let count = 0;
  let headHash = GENESIS_HASH;
  let lastId = 0;
  let broken: ChainBreak | null = null;
  return {
    push(row: AuditChainRow): ChainBreak | null {
      if (broken) return broken;
      if (row.id !== lastId + 1) {
        broken = { id: row.id, reason: "gap", expectedId: lastId + 1 };
      } else if (row.prevHash !== headHash) {
        broken = { id: row.id, reason: "prev_hash_mismatch", prevHash: row.prevHash };
      } else if (computeEntryHash(row.prevHash, row) !== row.hash) {
        broken = { id: row.id, reason: "hash_mismatch" };
      } else {
        count += 1;
        headHash = row.hash;
        lastId = row.id;
      }
      return broken;
    },
    report(): ChainReport {
      return { count, headHash, broken };
    },
  };
}

/** `linkedId`: the entry whose hash equals the broken entry's prev_hash, if any. */
export function classifyLinkBreak(brk: ChainBreak, linkedId: number | undefined): ChainBreak {
  if (brk.reason !== "prev_hash_mismatch" || linkedId === undefined) return brk;
  return { ...brk, reason: "reordered", linkedId };
}

/** Verifies a whole chain held in memory (rows in any order; they are walked by id). */
export function verifyChain(rows: readonly AuditChainRow[]): ChainReport {
  const ordered = [...rows].sort((a, b) => a.id - b.id);
  const verifier = createChainVerifier();
  for (const row of ordered) if (verifier.push(row)) break;
  const report = verifier.report();
  if (!report.broken) return report;
  const { prevHash } = report.broken;
  const linked = prevHash === undefined ? undefined : ordered.find((r) => r.hash === prevHash);
  return { ...report, broken: classifyLinkBreak(report.broken, linked?.id) };
}
