import type { AuditEntryInput, AuditRecorder } from "../src/server/audit/recorder";

/** An audit recorder that keeps entries in memory, for asserting what a write recorded. */
export function createMemoryAuditRecorder(): AuditRecorder & { entries: AuditEntryInput[] } {
  const entries: AuditEntryInput[] = [];
  return {
    entries,
    record(entry) {
      entries.push(entry);
      return Promise.resolve();
    },
  };
}
