import type { AuditEntryInput, AuditRecorder } from "../src/server/audit/recorder";

/**
 * An audit recorder that keeps entries in memory, for asserting what a write recorded. An entry
 * recorded within a transaction is kept as soon as it is recorded (the test asserts after commit).
 */
export function createMemoryAuditRecorder(): AuditRecorder & { entries: AuditEntryInput[] } {
  const entries: AuditEntryInput[] = [];
  return {
    entries,
    record(entry) {
      entries.push(entry);
      return Promise.resolve();
    },
    recordWithin(_trx, entry) {
      entries.push(entry);
      return Promise.resolve();
    },
  };
}
