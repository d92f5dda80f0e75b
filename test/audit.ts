import { toInboxRow } from "../src/server/audit/audit-recorder";
import type { AuditEntryInput, AuditRecorder } from "../src/server/audit/recorder";

/**
 * An audit recorder that keeps entries in memory, for asserting what a write recorded. An entry
 * handed to a write as an inbox row is kept as soon as it is handed (the test asserts after commit).
 */
export function createMemoryAuditRecorder(): AuditRecorder & { entries: AuditEntryInput[] } {
  const entries: AuditEntryInput[] = [];
  return {
    entries,
    record(entry) {
      entries.push(entry);
      return Promise.resolve();
    },
    inboxRow(entry) {
      entries.push(entry);
      return toInboxRow(entry, new Date());
    },
    linkPending() {
      return Promise.resolve();
    },
    linkSoon() {},
  };
}
