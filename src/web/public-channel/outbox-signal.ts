/**
 * The outbox's shared signals, used by the page and its service worker: "the outbox changed"
 * between them (a BroadcastChannel), and Background Sync, which wakes the service worker to send
 * when the connection returns even after the page was closed (where the browser supports it).
 */
export const OUTBOX_SYNC_TAG = "tandem-outbox";
const CHANNEL = "tandem-outbox";

/** Tells every page of the residents' app (and the worker) that the outbox changed. */
export function announceOutboxChange(): void {
  if (typeof BroadcastChannel === "undefined") return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage("changed");
  channel.close();
}

/** Calls `listener` when another page or the service worker changed the outbox; returns a stop. */
export function onOutboxChange(listener: () => void): () => void {
  if (typeof BroadcastChannel === "undefined") return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = () => listener();
  return () => channel.close();
}

interface SyncManager {
  register(tag: string): Promise<void>;
}

/** Asks for a Background Sync (Chromium); elsewhere the page's `online` listener does the work. */
export async function requestBackgroundSync(): Promise<void> {
  if (!("serviceWorker" in navigator)) return;
  try {
    const registration = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration & {
      sync?: SyncManager;
    };
    await registration.sync?.register(OUTBOX_SYNC_TAG);
  } catch {
    // Not allowed here (permission, private mode): the page sends on `online` and on load.
  }
}
