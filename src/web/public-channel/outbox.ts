import type { CreatePublicIssueInput, PublicIssueReceipt } from "../../core/schemas/public-channel";

/** What the page sends: the form's fields, the honeypot and the idempotency key. */
export type Submission = Omit<CreatePublicIssueInput, "clientId"> & { readonly clientId: string };

/** An error the API answered with: its code and details (`{ error: { code, details } }`). */
export interface ApiFailure {
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/**
 * One submission kept in the browser until the resident has seen its receipt:
 * `waiting` — not sent yet (no connection, server busy); `sent` — the receipt is here, to be shown;
 * `refused` — the server said no (e.g. text too long): the resident edits it or deletes it.
 */
export interface OutboxEntry {
  readonly clientId: string;
  readonly submission: Submission;
  readonly savedAt: number;
  readonly state: "waiting" | "sent" | "refused";
  readonly attempts: number;
  /** Not before this time (ms): the server asked to wait (rate limit). */
  readonly notBefore: number | null;
  readonly receipt: PublicIssueReceipt | null;
  readonly failure: ApiFailure | null;
}

/** The outbox in IndexedDB, shared by the page and its service worker (same origin, same store). */
export interface OutboxStore {
  put(entry: OutboxEntry): Promise<void>;
  get(clientId: string): Promise<OutboxEntry | undefined>;
  /** Every entry, oldest first. */
  list(): Promise<OutboxEntry[]>;
  remove(clientId: string): Promise<void>;
  close(): void;
}

export const OUTBOX_DB = "tandem-resident";
const STORE = "outbox";

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("IndexedDB request failed"));
  });
}

/** Resolves once the transaction is committed (durable), not merely when its requests succeed. */
function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error("IndexedDB write failed"));
    transaction.onabort = () => reject(transaction.error ?? new Error("IndexedDB write aborted"));
  });
}

/** Opens (creating on first use) the outbox database. Rejects where IndexedDB is unavailable. */
export async function openOutbox(name: string = OUTBOX_DB): Promise<OutboxStore> {
  const request = indexedDB.open(name, 1);
  request.onupgradeneeded = () => {
    request.result.createObjectStore(STORE, { keyPath: "clientId" });
  };
  const db = await promised(request);
  const write = async (work: (store: IDBObjectStore) => void) => {
    const transaction = db.transaction(STORE, "readwrite", { durability: "strict" });
    work(transaction.objectStore(STORE));
    await committed(transaction);
  };
  const read = <T>(work: (store: IDBObjectStore) => IDBRequest<T>) =>
    promised(work(db.transaction(STORE, "readonly").objectStore(STORE)));
  return {
    put: (entry) => write((store) => store.put(entry)),
    get: (clientId) => read((store) => store.get(clientId) as IDBRequest<OutboxEntry | undefined>),
    async list() {
      const entries = await read((store) => store.getAll() as IDBRequest<OutboxEntry[]>);
      return entries.sort((a, b) => a.savedAt - b.savedAt);
    },
    remove: (clientId) => write((store) => store.delete(clientId)),
    close: () => db.close(),
  };
}

/** A version 4 UUID from the browser's random generator (randomUUID needs a secure context). */
export function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A new submission, waiting to be sent. */
export function waitingEntry(submission: Submission, savedAt: number): OutboxEntry {
  return {
    clientId: submission.clientId,
    submission,
    savedAt,
    state: "waiting",
    attempts: 0,
    notBefore: null,
    receipt: null,
    failure: null,
  };
}
