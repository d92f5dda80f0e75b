import type { Transaction } from "kysely";
import { isAppError } from "../../core/errors";
import type { DB } from "../db/schema";
import type { AuditEntryInput, AuditRecorder } from "./recorder";

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
 * Runs a write in a transaction and appends its `success` entry in that same transaction, so the
 * write and its entry commit together (one commit, not two). A write refused with an AppError rolls
 * back, and its `failure` entry is recorded in a transaction of its own. `transaction` opens the
 * transaction and hands `work` a handle that carries it (e.g. a repository's store).
 */
export async function recordWriteWithin<S extends { readonly trx: Transaction<DB> }, T>(
  audit: AuditRecorder,
  entry: Omit<AuditEntryInput, "outcome" | "entityId"> & { entityId: string | null },
  transaction: (work: (store: S) => Promise<T>) => Promise<T>,
  work: (store: S) => Promise<T>,
  describe: (
    result: T,
  ) => Partial<Pick<AuditEntryInput, "entityId" | "orgUnitId" | "fields">> = () => ({}),
): Promise<T> {
  try {
    return await transaction(async (store) => {
      const result = await work(store);
      await audit.recordWithin(store.trx, { ...entry, ...describe(result), outcome: "success" });
      return result;
    });
  } catch (error) {
    if (isAppError(error)) await audit.record({ ...entry, outcome: "failure" });
    throw error;
  }
}
