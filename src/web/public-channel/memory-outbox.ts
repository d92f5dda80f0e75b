import type { OutboxEntry, OutboxStore } from "./outbox";

/**
 * The outbox where IndexedDB is unavailable (some private modes): the same behaviour while the
 * page stays open, and the page says that a reload would lose what waits.
 */
export function createMemoryOutbox(): OutboxStore {
  const entries = new Map<string, OutboxEntry>();
  return {
    put: (entry) => {
      entries.set(entry.clientId, entry);
      return Promise.resolve();
    },
    get: (clientId) => Promise.resolve(entries.get(clientId)),
    list: () => Promise.resolve([...entries.values()].sort((a, b) => a.savedAt - b.savedAt)),
    remove: (clientId) => {
      entries.delete(clientId);
      return Promise.resolve();
    },
    close: () => undefined,
  };
}
