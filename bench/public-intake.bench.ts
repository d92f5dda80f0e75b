import { randomInt } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import Fastify from "fastify";
import { sql } from "kysely";
import { makeReferenceCode } from "../src/core/community/reference-code";
import { ensureRootUnit } from "../src/server/bootstrap";
import { loadConfig, formatConfigProblems } from "../src/server/config";
import type { Database } from "../src/server/db/client";
import { startServer } from "../src/server/main";
import { generateToken, hashToken } from "../src/server/security/tokens";
import {
  checkIntakeDurability,
  intakeSubmission,
  UNLIMITED_SUBMITS,
  type DurabilityResult,
} from "../test/intake-durability";
import { benchEngines, createFreshDatabase, type BenchEngine } from "./engines";
import { benchDir, formatNumber, printTable } from "./lib";

/** Concurrent connections of the load (one loopback address, as behind a carrier's NAT). */
const CONNECTIONS = 10;
/** Every measured run stops after this many seconds even if its requests are not all sent. */
const MAX_SECONDS = 30;
const WARM_UP_REQUESTS = 300;
const BENCH_SECRET_KEY = "5".repeat(64);

export interface LoadFigures {
  readonly requests: number;
  readonly ok: number;
  readonly other: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

export interface PublicIntakeResult {
  readonly engine: BenchEngine;
  readonly tandem: LoadFigures;
  readonly bare: LoadFigures;
  readonly ratio: number;
  /** Tandem ÷ bare of each round, in order: their spread shows the machine's noise. */
  readonly roundRatios: readonly number[];
  readonly durability: DurabilityResult;
}

interface Listening {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The load generator, run in a worker thread of its own so that it never shares the server's event
 * loop. (autocannon's own `workers` option never reports when stopped early, so it is not used; inside a
 * worker thread it leaves its histograms encoded, so the script aggregates them.)
 */
const LOAD_WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const autocannon = require("autocannon");
// autocannon notices the end of a run at its next sample tick (sampleInt, below): the time is
// measured here, around the whole run.
const started = performance.now();
const instance = autocannon(workerData.options, (error, raw) => {
  const seconds = (performance.now() - started) / 1000;
  clearTimeout(timer);
  if (error) return parentPort.postMessage({ error: String(error) });
  // Inside a worker thread autocannon leaves its histograms encoded: aggregate them here.
  const result = autocannon.aggregateResult([raw], workerData.options);
  parentPort.postMessage({ result: {
    ok: result["2xx"], other: result.non2xx + result.errors + result.timeouts,
    seconds, p50Ms: result.latency.p50, p99Ms: result.latency.p99 } });
});
const timer = setTimeout(() => instance.stop(), workerData.maxMs);
`;

/** POSTs `amount` submissions over CONNECTIONS connections, stopping after MAX_SECONDS at most. */
function load(url: string, amount: number): Promise<LoadFigures> {
  const options = {
    url,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(intakeSubmission),
    connections: CONNECTIONS,
    amount,
    // A run's end is noticed at the next tick: at autocannon's default (1 s) a run of 2 s would
    // count as 2 or 3 s, and a ratio could only be 1/2, 2/3 or 1.
    sampleInt: 50,
    timeout: 10,
  };
  const worker = new Worker(LOAD_WORKER, {
    eval: true,
    workerData: { options, maxMs: MAX_SECONDS * 1000 },
  });
  return new Promise((resolve, reject) => {
    worker.once("error", reject);
    worker.once(
      "message",
      (message: { error?: string; result?: Omit<LoadFigures, "requests" | "perSecond"> }) => {
        void worker.terminate();
        if (!message.result) {
          reject(new Error(message.error ?? "the load generator failed"));
          return;
        }
        const r = message.result;
        resolve({ ...r, requests: r.ok + r.other, perSecond: r.ok / r.seconds });
      },
    );
  });
}

/**
 * The baseline: a bare Fastify app whose one route does what the intake must at least do — parse
 * the JSON, make a reference and a secret's hash, and INSERT one row into community_issues with
 * the same columns, through the same Kysely driver — then answers 201. No validation, no lookups,
 * no history row, no audit entry, no rate limit.
 */
async function startBareApp(database: Database): Promise<Listening> {
  const db = database.db;
  const unitId = await ensureRootUnit(db);
  const category = await db
    .selectFrom("issue_categories")
    .select("id")
    .where("code", "=", intakeSubmission.category)
    .executeTakeFirstOrThrow();
  const app = Fastify({ logger: false });
  app.post("/api/public/issues", async (request, reply) => {
    const body = request.body as typeof intakeSubmission;
    const reference = makeReferenceCode(randomInt);
    const secret = generateToken();
    const now = new Date();
    const dueOn = new Date(now.getTime() + 14 * 86_400_000).toISOString().slice(0, 10);
    await sql`
      INSERT INTO community_issues (reference, source, category_id, description, place,
        is_anonymous, woman_officer_requested, org_unit_id, due_on, follow_up_secret_hash,
        language, created_at, updated_at)
      VALUES (${reference}, 'public_channel', ${category.id}, ${body.description}, ${body.place},
        ${body.isAnonymous}, ${body.womanOfficerRequested}, ${unitId}, ${dueOn},
        ${hashToken(secret)}, ${body.language}, ${now}, ${now})`.execute(db);
    return reply.status(201).send({ reference, followUpSecret: secret });
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/api/public/issues`, close: () => app.close() };
}

/** The real server (startServer), limits raised through TANDEM_PUBLIC_SUBMITS_* as an operator would. */
async function startTandem(store: Record<string, string>): Promise<Listening> {
  const loaded = loadConfig({
    ...store,
    PORT: "0",
    HOST: "127.0.0.1",
    TANDEM_DEMO: "false",
    LOG_LEVEL: "warn",
    TANDEM_ADMIN_PASSWORD: "bench-password-1234",
    TANDEM_SECRET_KEY: BENCH_SECRET_KEY,
    ...UNLIMITED_SUBMITS,
  });
  if (!loaded.ok) throw new Error(formatConfigProblems(loaded.problems));
  const server = await startServer(loaded.config);
  const address = server.app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/api/public/issues`, close: () => server.close() };
}

/** Alternating rounds per side: the machine's speed drifts (other work on the host), both sides see it. */
const ROUNDS = 6;

/** Sums a side's rounds: the throughput over all of them, the worst round's latencies. */
function combine(list: readonly LoadFigures[]): LoadFigures {
  const ok = list.reduce((n, r) => n + r.ok, 0);
  const seconds = list.reduce((n, r) => n + r.seconds, 0);
  return {
    requests: list.reduce((n, r) => n + r.requests, 0),
    ok,
    other: list.reduce((n, r) => n + r.other, 0),
    seconds,
    perSecond: ok / seconds,
    p50Ms: Math.max(...list.map((r) => r.p50Ms)),
    p99Ms: Math.max(...list.map((r) => r.p99Ms)),
  };
}

/**
 * Warms both up, then measures ROUNDS rounds of `amount` submissions per side in ABBA order (bare
 * first in one round, Tandem first in the next), so that a drift in the machine's speed falls on
 * both sides alike. Answers each side's sum and each round's Tandem ÷ bare.
 */
async function measurePair(
  tandemUrl: string,
  bareUrl: string,
  amount: number,
): Promise<{ tandem: LoadFigures; bare: LoadFigures; roundRatios: number[] }> {
  await load(bareUrl, WARM_UP_REQUESTS);
  await load(tandemUrl, WARM_UP_REQUESTS);
  const runs = { tandem: [] as LoadFigures[], bare: [] as LoadFigures[] };
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? (["bare", "tandem"] as const) : (["tandem", "bare"] as const);
    for (const side of order)
      runs[side].push(await load(side === "bare" ? bareUrl : tandemUrl, amount));
  }
  const roundRatios = runs.tandem.map((t, i) => t.perSecond / (runs.bare[i]?.perSecond ?? NaN));
  return { tandem: combine(runs.tandem), bare: combine(runs.bare), roundRatios };
}

async function benchEngine(
  engine: BenchEngine,
  amount: number,
  durabilityAcks: number,
): Promise<PublicIntakeResult> {
  const bareDb = await createFreshDatabase(engine, "public-intake-bare");
  const tandemDb =
    engine === "postgres" ? await createFreshDatabase(engine, "public-intake-tandem") : undefined;
  await tandemDb?.close();
  const tandemDir = path.join(benchDir("pglite"), "public-intake-tandem");
  fs.rmSync(tandemDir, { recursive: true, force: true });
  const bare = await startBareApp(bareDb.database);
  const tandem = await startTandem(
    tandemDb?.url ? { DATABASE_URL: tandemDb.url } : { TANDEM_DATA_DIR: tandemDir },
  );
  let figures: { tandem: LoadFigures; bare: LoadFigures; roundRatios: number[] };
  try {
    figures = await measurePair(tandem.url, bare.url, amount);
  } finally {
    await tandem.close();
    await bare.close();
    await bareDb.drop();
    await tandemDb?.drop();
  }

  const durabilityDb =
    engine === "postgres" ? await createFreshDatabase(engine, "public-intake-kill") : undefined;
  await durabilityDb?.close();
  const killDir = path.join(benchDir("pglite"), "public-intake-kill");
  fs.rmSync(killDir, { recursive: true, force: true });
  let durability: DurabilityResult;
  try {
    durability = await checkIntakeDurability(
      durabilityDb?.url
        ? { kind: "postgres", url: durabilityDb.url }
        : { kind: "pglite", dataDir: killDir },
      { workers: CONNECTIONS, killAfterAcknowledged: durabilityAcks, killAfterMs: 20_000 },
    );
  } finally {
    await durabilityDb?.drop();
  }
  return {
    engine,
    ...figures,
    ratio: figures.tandem.perSecond / figures.bare.perSecond,
    durability,
  };
}

const rate = (f: LoadFigures) => `${formatNumber(f.perSecond, 0)} req/s`;

/** Prints one engine's figures as soon as they are measured. */
function printResult(r: PublicIntakeResult, amount: number): void {
  printTable(
    `(e) public intake, ${r.engine}: ${CONNECTIONS} connections, ${ROUNDS} rounds × ${amount} submissions per side, ABBA order (≤ ${MAX_SECONDS} s each)`,
    [
      "engine",
      "Tandem",
      "Tandem p99",
      "bare route",
      "bare p99",
      "Tandem ÷ bare",
      "rounds: lowest – highest",
      "not 201",
    ],
    [
      [
        r.engine,
        rate(r.tandem),
        `${formatNumber(r.tandem.p99Ms, 0)} ms`,
        rate(r.bare),
        `${formatNumber(r.bare.p99Ms, 0)} ms`,
        `${formatNumber(r.ratio, 2)}×`,
        `${formatNumber(Math.min(...r.roundRatios), 2)} – ${formatNumber(Math.max(...r.roundRatios), 2)}`,
        `${r.tandem.other} / ${r.bare.other}`,
      ],
    ],
  );
  printTable(
    `(e) durability, ${r.engine}: tandem serve killed with SIGKILL under load, restarted`,
    [
      "engine",
      "acknowledged (201)",
      "found after restart",
      "lost",
      "no answer",
      "restart → /readyz",
    ],
    [
      [
        r.engine,
        String(r.durability.acknowledged),
        String(r.durability.found),
        String(r.durability.lost.length),
        String(r.durability.unacknowledged),
        `${formatNumber(r.durability.restartSeconds, 1)} s`,
      ],
    ],
  );
}

/**
 * (e) Public intake (issue 7): `POST /api/public/issues` of the real server against a bare Fastify
 * route doing the same single INSERT, same engine, same load (autocannon on loopback, bounded in
 * count and time); then the durability check (SIGKILL under load, restart, count the acknowledged
 * references). Target: Tandem ≥ 0.5× the bare route's throughput; 0 acknowledged submissions lost.
 */
export async function benchPublicIntake(
  amount = 1000,
  durabilityAcks = 1000,
): Promise<PublicIntakeResult[]> {
  const results: PublicIntakeResult[] = [];
  for (const engine of benchEngines()) {
    const result = await benchEngine(engine, amount, durabilityAcks);
    results.push(result);
    printResult(result, amount);
  }
  return results;
}
