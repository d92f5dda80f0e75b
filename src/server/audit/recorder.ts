/**
 * The audit trail's write side, shared by every feature (issue 4). Services receive an
 * `AuditRecorder` through their deps and call `record` for every write, sign-in event, read of
 * person-level data and export. Entries name changed *fields*, never their values.
 */
import type { AuditLogRow } from "../../core/audit/chain";
import type { AuditOutcome } from "../../core/schemas/audit";

export type { AuditOutcome };

export interface AuditActor {
  readonly userId: number | null;
  readonly username: string | null;
  readonly ip: string | null;
  readonly userAgent: string | null;
}

export interface AuditEntryInput {
  readonly actor: AuditActor;
  /** Dotted verb, e.g. `auth.sign_in`, `auth.lockout`, `user.create`, `person.read`, `personnel.export`. */
  readonly action: string;
  readonly entityType: string | null;
  readonly entityId: string | null;
  /** The org unit the entity belongs to, for filtering the audit browser by unit. */
  readonly orgUnitId: number | null;
  /** Names of the fields written or read; never their values. */
  readonly fields: readonly string[];
  readonly outcome: AuditOutcome;
}

/**
 * An entry as a row of `audit_inbox` (and of `audit_log` but for its place in the chain), keyed by
 * column name: checked (field names only) and clipped. A write that appends its entry in a
 * statement of its own passes it as JSON (e.g. `record_community_issue`, migration 0014).
 */
export type AuditInboxRow = Omit<AuditLogRow, "id" | "prev_hash" | "hash">;

export interface AuditRecorder {
  /** Appends one entry to the hash chain in a transaction of its own; resolves once committed. */
  record(entry: AuditEntryInput): Promise<void>;
  /**
   * The entry as a row of the inbox, checked and stamped now, for a write that appends it in its
   * own transaction (so that the two commit or roll back together, with no lock held until the
   * commit). Call `linkSoon` once that transaction has committed.
   */
  inboxRow(entry: AuditEntryInput): AuditInboxRow;
  /**
   * Links the inbox's entries into the chain (all committed before the call); never rejects: a
   * failure is reported and the entries wait for the next run.
   */
  linkPending(): Promise<void>;
  /**
   * Links the inbox's entries a few moments from now, in one run with the entries of every write
   * that commits meanwhile (the hot path's choice: one lock and one commit for many writes).
   */
  linkSoon(): void;
}
