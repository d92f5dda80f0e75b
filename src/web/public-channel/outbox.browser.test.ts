/**
 * The outbox in a real Chromium (IndexedDB, Web Locks, fetch): the page's own modules are bundled
 * by Vite and loaded into a page; each test drives them there and checks what they stored and
 * sent. Without CHROMIUM_PATH it is skipped (with a warning), except in CI, where it fails.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { build, type Rolldown } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type Harness = typeof import("./outbox") & typeof import("./flush") & typeof import("./api");
declare global {
  interface Window {
    harness: Harness;
  }
}

const here = path.dirname(fileURLToPath(import.meta.url));
const ORIGIN = "http://localhost:4173";
const chromiumPath = process.env.CHROMIUM_PATH;
const canRun = chromiumPath !== undefined || process.env.CI === "true";
if (!canRun) console.warn("outbox.browser.test: CHROMIUM_PATH is not set; skipped.");

/** The outbox, its flush and its sender, as one ES module. */
async function bundleHarness(): Promise<string> {
  const entry = "virtual:outbox-harness";
  const resolved = "\0outbox-harness";
  const output = await build({
    configFile: false,
    logLevel: "silent",
    root: here,
    plugins: [
      {
        name: "outbox-harness",
        enforce: "pre",
        resolveId: (id) => (id.endsWith(entry) ? resolved : null),
        load: (id) =>
          id === resolved
            ? ["outbox", "flush", "api"].map((m) => `export * from "${here}/${m}.ts";`).join("\n")
            : null,
      },
    ],
    build: {
      write: false,
      minify: false,
      rolldownOptions: {
        input: entry,
        preserveEntrySignatures: "strict",
        output: { format: "es" },
      },
    },
  });
  const [result] = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
  const chunk = result?.output.find((file) => file.type === "chunk");
  if (!chunk || chunk.type !== "chunk") throw new Error("the harness was not bundled");
  return chunk.code;
}

describe.skipIf(!canRun)("the residents' outbox in Chromium", () => {
  let browser: Browser;
  let page: Page;
  let testNumber = 0;

  beforeAll(async () => {
    const code = await bundleHarness();
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ["--headless", "--no-sandbox", "--disable-gpu"],
    });
    page = await browser.newPage();
    await page.route(`${ORIGIN}/`, (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<!doctype html><script type="module">import * as h from "/harness.js"; window.harness = h;</script>`,
      }),
    );
    await page.route(`${ORIGIN}/harness.js`, (route) =>
      route.fulfill({ contentType: "text/javascript", body: code }),
    );
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => "harness" in window);
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A database of its own for each test. */
  const dbName = () => `outbox-test-${++testNumber}`;

  it("writes a submission durably before sending it, sends it once, and keeps the receipt", async () => {
    const result = await page.evaluate(async (name) => {
      const h = window.harness;
      const store = await h.openOutbox(name);
      const clientId = h.newClientId();
      const submission = {
        clientId,
        category: "other",
        description: "d",
        isAnonymous: true,
        womanOfficerRequested: false,
        language: "km" as const,
      };
      await store.put(h.waitingEntry(submission, 1000));
      const seenBeforeSend: boolean[] = [];
      const send = async () => {
        // A second connection sees the entry: it was committed before the send began.
        const other = await h.openOutbox(name);
        seenBeforeSend.push((await other.get(clientId))?.state === "waiting");
        other.close();
        return {
          kind: "sent" as const,
          receipt: {
            reference: "ABCDEFGHJK",
            followUpSecret: "s",
            followUpUrl: "/follow-up/ABCDEFGHJK#s",
          },
        };
      };
      const first = await h.flushOutbox(store, send, () => 2000);
      const second = await h.flushOutbox(store, send, () => 3000);
      store.close();
      const reopened = await h.openOutbox(name);
      const kept = await reopened.get(clientId);
      reopened.close();
      return { clientId, seenBeforeSend, first, second, kept };
    }, dbName());
    expect(result.clientId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(result.seenBeforeSend).toEqual([true]);
    expect(result.first).toEqual({ sent: 1, waiting: 0, refused: 0 });
    expect(result.second).toEqual(result.first);
    expect(result.kept).toMatchObject({
      state: "sent",
      attempts: 1,
      receipt: { reference: "ABCDEFGHJK" },
    });
  });

  it("keeps everything waiting while offline, then sends oldest first", async () => {
    const result = await page.evaluate(async (name) => {
      const h = window.harness;
      const store = await h.openOutbox(name);
      const base = {
        category: "other",
        isAnonymous: true,
        womanOfficerRequested: false,
        language: "en" as const,
      };
      await store.put(
        h.waitingEntry({ ...base, clientId: h.newClientId(), description: "second" }, 2000),
      );
      await store.put(
        h.waitingEntry({ ...base, clientId: h.newClientId(), description: "first" }, 1000),
      );
      const tried: string[] = [];
      const offline = await h.flushOutbox(
        store,
        (s) => {
          tried.push(s.description);
          return Promise.resolve({ kind: "offline" as const });
        },
        () => 5000,
      );
      const attempts = (await store.list()).map((e) => [
        e.submission.description,
        e.state,
        e.attempts,
      ]);
      const online = await h.flushOutbox(
        store,
        (s) => {
          tried.push(s.description);
          return Promise.resolve({
            kind: "sent" as const,
            receipt: { reference: s.description, followUpSecret: "x", followUpUrl: "/" },
          });
        },
        () => 6000,
      );
      store.close();
      return { offline, attempts, online, tried };
    }, dbName());
    expect(result.offline).toEqual({ sent: 0, waiting: 2, refused: 0 });
    expect(result.attempts).toEqual([
      ["first", "waiting", 1],
      ["second", "waiting", 0],
    ]);
    expect(result.online).toEqual({ sent: 2, waiting: 0, refused: 0 });
    expect(result.tried).toEqual(["first", "first", "second"]);
  });

  it("sends an entry once when two senders flush at the same time (the page and the worker)", async () => {
    const calls = await page.evaluate(async (name) => {
      const h = window.harness;
      const [a, b] = await Promise.all([h.openOutbox(name), h.openOutbox(name)]);
      await a.put(
        h.waitingEntry(
          {
            clientId: h.newClientId(),
            category: "other",
            description: "d",
            isAnonymous: true,
            womanOfficerRequested: false,
            language: "en",
          },
          1,
        ),
      );
      let count = 0;
      const slow = async () => {
        count++;
        await new Promise((resolve) => setTimeout(resolve, 50));
        return {
          kind: "sent" as const,
          receipt: { reference: "R", followUpSecret: "x", followUpUrl: "/" },
        };
      };
      await Promise.all([h.flushOutbox(a, slow, Date.now), h.flushOutbox(b, slow, Date.now)]);
      a.close();
      b.close();
      return count;
    }, dbName());
    expect(calls).toBe(1);
  });

  it("keeps a refused submission with the server's reason and does not send it again", async () => {
    const result = await page.evaluate(async (name) => {
      const h = window.harness;
      const store = await h.openOutbox(name);
      await store.put(
        h.waitingEntry(
          {
            clientId: h.newClientId(),
            category: "other",
            description: "d",
            isAnonymous: true,
            womanOfficerRequested: false,
            language: "en",
          },
          1,
        ),
      );
      let count = 0;
      const refuse = () => {
        count++;
        return Promise.resolve({
          kind: "refused" as const,
          failure: { code: "community.text_too_long", details: { field: "description" } },
        });
      };
      const first = await h.flushOutbox(store, refuse, () => 10);
      const second = await h.flushOutbox(store, refuse, () => 20);
      const [entry] = await store.list();
      store.close();
      return { first, second, count, failure: entry?.failure };
    }, dbName());
    expect(result.first).toEqual({ sent: 0, waiting: 0, refused: 1 });
    expect(result.second).toEqual(result.first);
    expect(result.count).toBe(1);
    expect(result.failure).toEqual({
      code: "community.text_too_long",
      details: { field: "description" },
    });
  });

  it("waits as long as the server asks before trying again", async () => {
    const tries = await page.evaluate(async (name) => {
      const h = window.harness;
      const store = await h.openOutbox(name);
      await store.put(
        h.waitingEntry(
          {
            clientId: h.newClientId(),
            category: "other",
            description: "d",
            isAnonymous: true,
            womanOfficerRequested: false,
            language: "en",
          },
          1,
        ),
      );
      const at: number[] = [];
      const busy = (now: number) => () => {
        at.push(now);
        return Promise.resolve({ kind: "later" as const, afterSeconds: 30 });
      };
      for (const now of [1_000, 20_000, 30_999, 31_000, 40_000]) {
        await h.flushOutbox(store, busy(now), () => now);
      }
      store.close();
      return at;
    }, dbName());
    expect(tries).toEqual([1_000, 31_000]);
  });

  it("reads the server's answers: receipt, refusal, rate limit, busy, no connection", async () => {
    const answers: Array<{ status: number; body: object } | "abort"> = [
      {
        status: 201,
        body: {
          reference: "ABCDEFGHJK",
          followUpSecret: "s",
          followUpUrl: "/follow-up/ABCDEFGHJK#s",
        },
      },
      {
        status: 400,
        body: { error: { code: "public.submission_refused", details: { field: "website" } } },
      },
      {
        status: 429,
        body: { error: { code: "public.rate_limited", details: { retryAfterSeconds: 7 } } },
      },
      { status: 503, body: { error: { code: "service.unavailable", details: {} } } },
      "abort",
    ];
    const bodies: string[] = [];
    await page.route(`${ORIGIN}/api/public/issues`, async (route) => {
      bodies.push(route.request().postData() ?? "");
      const answer = answers.shift();
      if (answer === undefined || answer === "abort") return route.abort("internetdisconnected");
      return route.fulfill({
        status: answer.status,
        contentType: "application/json",
        body: JSON.stringify(answer.body),
      });
    });
    const outcomes = await page.evaluate(async () => {
      const h = window.harness;
      const submission = {
        clientId: h.newClientId(),
        category: "other",
        description: "d",
        isAnonymous: true,
        womanOfficerRequested: false,
        language: "en" as const,
      };
      const results = [];
      for (let i = 0; i < 5; i++) results.push(await h.sendSubmission(submission));
      return results;
    });
    expect(outcomes).toEqual([
      {
        kind: "sent",
        receipt: {
          reference: "ABCDEFGHJK",
          followUpSecret: "s",
          followUpUrl: "/follow-up/ABCDEFGHJK#s",
        },
      },
      {
        kind: "refused",
        failure: { code: "public.submission_refused", details: { field: "website" } },
      },
      { kind: "later", afterSeconds: 7 },
      { kind: "later", afterSeconds: 30 },
      { kind: "offline" },
    ]);
    // Every attempt carries the same idempotency key.
    const ids = new Set(bodies.map((body) => (JSON.parse(body) as { clientId: string }).clientId));
    expect(ids.size).toBe(1);
  });
});
