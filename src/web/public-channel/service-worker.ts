/**
 * The service worker of the residents' page (decision 0016). It keeps the page's shell (the HTML
 * and the files it used) so that /report and a follow-up link open without a connection, and it
 * sends the outbox when Background Sync wakes it. It answers nothing else: API calls and the
 * staff app's pages and files go to the network untouched.
 */
import { sendSubmission } from "./api";
import { flushOutbox } from "./flush";
import { openOutbox } from "./outbox";
import { announceOutboxChange, OUTBOX_SYNC_TAG } from "./outbox-signal";
import { isResidentPath, SHELL_PATH, SHELL_CACHE, SHELL_FILES_MESSAGE } from "./shell";

// The worker's own types (lib "webworker" cannot join the DOM lib in one program).
interface ExtendableEventLike extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface FetchEventLike extends ExtendableEventLike {
  readonly request: Request;
  readonly clientId: string;
  respondWith(response: Promise<Response>): void;
}
interface SyncEventLike extends ExtendableEventLike {
  readonly tag: string;
}
interface MessageEventLike extends ExtendableEventLike {
  readonly data: unknown;
}
interface WorkerScope {
  readonly location: Location;
  readonly clients: {
    claim(): Promise<void>;
    get(id: string): Promise<{ readonly url: string } | undefined>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: "install" | "activate", listener: (e: ExtendableEventLike) => void): void;
  addEventListener(type: "fetch", listener: (e: FetchEventLike) => void): void;
  addEventListener(type: "sync", listener: (e: SyncEventLike) => void): void;
  addEventListener(type: "message", listener: (e: MessageEventLike) => void): void;
}

const worker = self as unknown as WorkerScope;
const origin = worker.location.origin;

/** The files the shell's HTML names (scripts, styles, preloads), same origin only. */
function filesOf(html: string): string[] {
  const found = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1] ?? "");
  return [...new Set(found.filter(Boolean))];
}

async function cacheShell(): Promise<void> {
  const cache = await caches.open(SHELL_CACHE);
  const response = await fetch(SHELL_PATH, { cache: "no-cache" });
  if (!response.ok) throw new Error(`${SHELL_PATH} answered ${response.status}`);
  await cache.put(SHELL_PATH, response.clone());
  await cache.addAll(filesOf(await response.text()));
}

/** The page's HTML from the network (kept fresh in the cache), else the cached shell. */
async function shell(request: Request): Promise<Response> {
  const cache = await caches.open(SHELL_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(SHELL_PATH, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(SHELL_PATH);
    if (cached) return cached;
    throw error;
  }
}

/** A hashed file of the page: from the cache, else fetched and kept. */
async function asset(request: Request): Promise<Response> {
  const cache = await caches.open(SHELL_CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function fromResidentPage(clientId: string): Promise<boolean> {
  if (!clientId) return false;
  const client = await worker.clients.get(clientId);
  return client !== undefined && isResidentPath(new URL(client.url).pathname);
}

worker.addEventListener("install", (event) => {
  event.waitUntil(cacheShell().then(() => worker.skipWaiting()));
});

worker.addEventListener("activate", (event) => {
  event.waitUntil(worker.clients.claim());
});

worker.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== origin) return;
  if (request.mode === "navigate" && isResidentPath(url.pathname)) {
    event.respondWith(shell(request));
  } else if (url.pathname.startsWith("/assets/")) {
    event.respondWith(
      caches.match(request).then(async (cached) => {
        if (cached) return cached;
        return (await fromResidentPage(event.clientId)) ? asset(request) : fetch(request);
      }),
    );
  }
});

/** The page lists the files it loaded after the worker started (its language, its fonts). */
worker.addEventListener("message", (event) => {
  const data = event.data as { type?: unknown; files?: unknown };
  if (data.type !== SHELL_FILES_MESSAGE || !Array.isArray(data.files)) return;
  const files = data.files.filter(
    (file): file is string => typeof file === "string" && file.startsWith("/assets/"),
  );
  event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll(files)));
});

worker.addEventListener("sync", (event) => {
  if (event.tag !== OUTBOX_SYNC_TAG) return;
  event.waitUntil(
    openOutbox().then(async (store) => {
      try {
        const report = await flushOutbox(store, sendSubmission, Date.now);
        announceOutboxChange();
        // Still waiting: a rejected sync is retried by the browser later.
        if (report.waiting > 0) throw new Error("the outbox is still waiting");
      } finally {
        store.close();
      }
    }),
  );
});
