/**
 * The audit trail's write side, shared by every feature (issue 4). Services receive an
 * `AuditRecorder` through their deps and call `record` for every write, sign-in event, read of
 * person-level data and export. Entries name changed *fields*, never their values.
 */
import type { Transaction } from "kysely";
import type { AuditOutcome } from "../../core/schemas/audit";
import type { DB } from "../db/schema";

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

export interface AuditRecorder {
  /** Appends one entry to the hash chain; resolves once it is durable (committed). */
  record(entry: AuditEntryInput): Promise<void>;
  /**
   * Appends one entry inside the caller's transaction, so that it commits (or rolls back) with the
   * write it describes: one commit instead of two. The chain's lock is then held until that
   * transaction ends, so call it as the transaction's last step.
   */
  recordWithin(trx: Transaction<DB>, entry: AuditEntryInput): Promise<void>;
}
