import { isAppError } from "../../core/errors";
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
