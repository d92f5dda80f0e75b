import type { PublicIssueReceipt } from "../../core/schemas/public-channel";
import type { ApiFailure, OutboxEntry, OutboxStore, Submission } from "./outbox";

/**
 * How one attempt to send ended: `sent` with the receipt; `offline` (no answer at all);
 * `later` (the server is busy or asked to wait); `refused` (the submission itself is wrong).
 */
export type SendOutcome =
  | { readonly kind: "sent"; readonly receipt: PublicIssueReceipt }
  | { readonly kind: "offline" }
  | { readonly kind: "later"; readonly afterSeconds: number }
  | { readonly kind: "refused"; readonly failure: ApiFailure };

export type Sender = (submission: Submission) => Promise<SendOutcome>;

/** What a flush did, for the page to show. */
export interface FlushReport {
  readonly sent: number;
  readonly waiting: number;
  readonly refused: number;
}

/** When the server gives no Retry-After: try again after this long. */
export const DEFAULT_RETRY_SECONDS = 30;

const OUTBOX_LOCK = "tandem-outbox";

/** Where Web Locks are missing: senders of this page (or worker) take turns. */
let localQueue: Promise<unknown> = Promise.resolve();

/**
 * Runs `work` while holding the outbox lock (Web Locks: shared by tabs and the service worker),
 * so that two senders never send the same entry at once. Without Web Locks, a lock per realm.
 */
export function withOutboxLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) {
    return new Promise<T>((resolve, reject) => {
      locks.request(OUTBOX_LOCK, () => work().then(resolve, reject)).catch(reject);
    });
  }
  const run = localQueue.then(work, work);
  localQueue = run.catch(() => undefined);
  return run;
}

function afterAttempt(entry: OutboxEntry, outcome: SendOutcome, now: number): OutboxEntry {
  const attempts = entry.attempts + 1;
  switch (outcome.kind) {
    case "sent":
      return { ...entry, attempts, state: "sent", receipt: outcome.receipt, failure: null };
    case "offline":
      return { ...entry, attempts, notBefore: null };
    case "later":
      return { ...entry, attempts, notBefore: now + outcome.afterSeconds * 1000 };
    case "refused":
      return { ...entry, attempts, state: "refused", failure: outcome.failure };
  }
}

/**
 * Sends every waiting entry whose time has come, oldest first, under the outbox lock. Each entry is
 * re-read inside the lock, so one that another sender has sent meanwhile is not sent again; the
 * server's idempotency key (`clientId`) covers an answer lost on the way back. An entry stays in
 * the outbox until the resident has seen its receipt (or deleted a refused one). When the
 * connection is down, the remaining entries are not tried: the next flush will.
 */
export function flushOutbox(
  store: OutboxStore,
  send: Sender,
  now: () => number,
): Promise<FlushReport> {
  return withOutboxLock(async () => {
    for (const { clientId } of await store.list()) {
      const entry = await store.get(clientId);
      if (!entry || entry.state !== "waiting") continue;
      if (entry.notBefore !== null && entry.notBefore > now()) continue;
      const outcome = await send(entry.submission);
      await store.put(afterAttempt(entry, outcome, now()));
      if (outcome.kind === "offline") break;
    }
    const entries = await store.list();
    const count = (state: OutboxEntry["state"]) => entries.filter((e) => e.state === state).length;
    return { sent: count("sent"), waiting: count("waiting"), refused: count("refused") };
  });
}
