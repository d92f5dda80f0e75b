import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { sendSubmission } from "./api";
import { flushOutbox } from "./flush";
import { createMemoryOutbox } from "./memory-outbox";
import {
  openOutbox,
  waitingEntry,
  type OutboxEntry,
  type OutboxStore,
  type Submission,
} from "./outbox";
import { announceOutboxChange, onOutboxChange, requestBackgroundSync } from "./outbox-signal";

export interface Outbox {
  /** Oldest first; null until the store is open. */
  readonly entries: readonly OutboxEntry[] | null;
  /** IndexedDB is unavailable: what waits is kept only while the page stays open. */
  readonly isVolatile: boolean;
  readonly isSending: boolean;
  /** Seconds until the server's wait is over (0: nothing to wait for), as of the last refresh. */
  readonly waitSeconds: number;
  /** Keeps the submission (durably), then tries to send it. */
  submit(submission: Submission): Promise<void>;
  /** Sends what waits (the resident's "try now", the connection's return). */
  flush(): Promise<void>;
  remove(clientId: string): Promise<void>;
}

/**
 * The page's outbox: every submission is written to IndexedDB before it is sent, and what could
 * not be sent is sent on the connection's return (`online`), on the next page load, when the
 * server's wait is over, and by Background Sync where the browser has it.
 */
export function useOutbox(): Outbox {
  const store = useRef<OutboxStore | null>(null);
  const [entries, setEntries] = useState<readonly OutboxEntry[] | null>(null);
  const [isVolatile, setVolatile] = useState(false);
  const [isSending, setSending] = useState(false);
  const [waitSeconds, setWaitSeconds] = useState(0);

  const refresh = useCallback(async () => {
    if (!store.current) return;
    const list = await store.current.list();
    const until = Math.max(0, ...list.map((e) => (e.state === "waiting" ? (e.notBefore ?? 0) : 0)));
    setEntries(list);
    setWaitSeconds(Math.max(0, Math.ceil((until - Date.now()) / 1000)));
  }, []);

  const flush = useCallback(async () => {
    const current = store.current;
    if (!current) return;
    setSending(true);
    try {
      await flushOutbox(current, sendSubmission, Date.now);
    } finally {
      setSending(false);
      announceOutboxChange();
      await refresh();
    }
  }, [refresh]);

  useEffect(() => {
    let isActive = true;
    const opened = openOutbox().catch(() => {
      setVolatile(true);
      return createMemoryOutbox();
    });
    void opened.then(async (opened) => {
      if (!isActive) return opened.close();
      store.current = opened;
      await refresh();
      await flush();
    });
    const stopListening = onOutboxChange(() => void refresh());
    const onOnline = () => void flush();
    window.addEventListener("online", onOnline);
    return () => {
      isActive = false;
      stopListening();
      window.removeEventListener("online", onOnline);
      store.current?.close();
      store.current = null;
    };
  }, [flush, refresh]);

  // The server asked to wait (rate limit, busy): try again when the wait is over.
  useEffect(() => {
    const times = (entries ?? [])
      .filter((e) => e.state === "waiting" && e.notBefore !== null)
      .map((e) => e.notBefore ?? 0);
    if (times.length === 0) return;
    const timer = window.setTimeout(
      () => void flush(),
      Math.max(0, Math.min(...times) - Date.now()),
    );
    return () => window.clearTimeout(timer);
  }, [entries, flush]);

  const submit = useCallback(
    async (submission: Submission) => {
      const current = store.current;
      if (!current) throw new Error("the outbox is not open yet");
      await current.put(waitingEntry(submission, Date.now()));
      await refresh();
      void requestBackgroundSync();
      await flush();
    },
    [flush, refresh],
  );

  const remove = useCallback(
    async (clientId: string) => {
      await store.current?.remove(clientId);
      announceOutboxChange();
      await refresh();
    },
    [refresh],
  );

  return { entries, isVolatile, isSending, waitSeconds, submit, flush, remove };
}
