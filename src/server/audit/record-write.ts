import { isAppError } from "../../core/errors";
import type { AuditEntryInput, AuditInboxRow, AuditRecorder } from "./recorder";

/**
 * Runs a write and records it in the audit trail once it is committed: `success`, or `failure`
 * when it was refused with an AppError (the attempt is evidence too). The entity id may come from
 * the result (a created row). Call it outside any transaction: the recorder has its own.
 */
export async function recordWrite<T>(
  audit: AuditRecorder,
  entry: Omit<AuditEntryInput, "outcome" | "entityId"> & { entityId: string | null },
  work: () => Promise<T>,
  describe: (
    result: T,
  ) => Partial<Pick<AuditEntryInput, "entityId" | "orgUnitId" | "fields">> = () => ({}),
): Promise<T> {
  let result: T;
  try {
    result = await work();
  } catch (error) {
    if (isAppError(error)) await audit.record({ ...entry, outcome: "failure" });
    throw error;
  }
  await audit.record({ ...entry, ...describe(result), outcome: "success" });
  return result;
}

/**
 * Runs a write in a transaction that also appends its `success` entry to the audit inbox, so the
 * write and its entry commit together (one commit, no lock held until it); the entry is linked into
 * the chain moments later, with the entries of the writes that commit meanwhile. `work` must write the inbox row it is given, in its transaction (the entity id may
 * be filled in there, e.g. a created row's id). A write refused with an AppError rolls back, and its
 * `failure` entry is recorded in a transaction of its own. `transaction` opens the transaction and
 * hands `work` a handle that carries it (e.g. a repository's store).
 */
export async function recordWriteWithin<S, T>(
  audit: AuditRecorder,
  entry: Omit<AuditEntryInput, "outcome" | "entityId"> & { entityId: string | null },
  transaction: (work: (store: S) => Promise<T>) => Promise<T>,
  work: (store: S, inboxRow: AuditInboxRow) => Promise<T>,
): Promise<T> {
  let result: T;
  try {
    result = await transaction((store) =>
      work(store, audit.inboxRow({ ...entry, outcome: "success" })),
    );
  } catch (error) {
    if (isAppError(error)) await audit.record({ ...entry, outcome: "failure" });
    throw error;
  }
  audit.linkSoon();
  return result;
}
