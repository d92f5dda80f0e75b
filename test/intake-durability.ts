import { sql } from "kysely";
import { openDatabase } from "../src/server/db/client";
import { spawnTandem, type TandemStore } from "./tandem-process";

/** A valid anonymous submission of the public channel (no unit: the national root). */
export const intakeSubmission = {
  category: "online_scam",
  description: "Someone called pretending to be from the bank and asked for my PIN",
  place: "Phum Thmei",
  isAnonymous: true,
  womanOfficerRequested: false,
  language: "km",
} as const;

/** Limits high enough that a load from one loopback address is never turned away. */
export const UNLIMITED_SUBMITS = {
  TANDEM_PUBLIC_SUBMITS_PER_ADDRESS_HOUR: "1000000",
  TANDEM_PUBLIC_SUBMITS_PER_SECOND: "100000",
} as const;

export interface DurabilityOptions {
  /** Concurrent submitters. */
  readonly workers: number;
  /** SIGKILL the server once this many submissions were acknowledged… */
  readonly killAfterAcknowledged: number;
  /** …or after this long under load, whichever comes first. */
  readonly killAfterMs: number;
}

export interface DurabilityResult {
  /** Submissions answered 201 with a reference before the kill. */
  readonly acknowledged: number;
  /** Of those, how many the restarted server's database holds. */
  readonly found: number;
  /** Acknowledged references missing from the database (should be none). */
  readonly lost: readonly string[];
  /** Requests that got no 201 (in flight at the kill, refused after it). */
  readonly unacknowledged: number;
  /** Milliseconds of load before the kill. */
  readonly loadMs: number;
  /** Seconds from the restart to /readyz (recovery after the kill). */
  readonly restartSeconds: number;
}

/**
 * The public channel's durability promise, checked from outside: `tandem serve` runs as a child
 * process on `store`, submitters keep posting problems, the server is killed with SIGKILL in the
 * middle, restarted on the same store, stopped, and every reference that was acknowledged with a
 * 201 is looked up in the database. An acknowledgement is sent only after the commit, so none
 * may be missing.
 */
export async function checkIntakeDurability(
  store: TandemStore,
  options: DurabilityOptions,
): Promise<DurabilityResult> {
  const server = await spawnTandem(store, UNLIMITED_SUBMITS);
  const acknowledged: string[] = [];
  let unacknowledged = 0;
  let isKilled = false;
  const started = Date.now();
  let killing: Promise<void> | undefined;
  const kill = () => {
    isKilled = true;
    killing ??= server.kill9();
    return killing;
  };
  const timer = setTimeout(() => void kill(), options.killAfterMs);

  const submitter = async () => {
    while (!isKilled) {
      try {
        const response = await fetch(`${server.url}/api/public/issues`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(intakeSubmission),
        });
        const text = await response.text();
        if (response.status === 201) {
          acknowledged.push((JSON.parse(text) as { reference: string }).reference);
          if (acknowledged.length >= options.killAfterAcknowledged) void kill();
        } else {
          unacknowledged++;
        }
      } catch {
        // The connection broke: the server is gone. No acknowledgement, nothing promised.
        unacknowledged++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.workers }, submitter));
  clearTimeout(timer);
  await kill();
  const loadMs = Date.now() - started;

  const restartAt = Date.now();
  const restarted = await spawnTandem(store, UNLIMITED_SUBMITS);
  const restartSeconds = (Date.now() - restartAt) / 1000;
  await restarted.stop();

  const database = await openDatabase(
    store.kind === "pglite" ? { kind: "pglite", dataDir: store.dataDir } : store,
  );
  try {
    const rows =
      acknowledged.length === 0
        ? []
        : (
            await sql<{ reference: string }>`
              SELECT reference FROM community_issues WHERE reference = ANY(${acknowledged}::text[])`.execute(
              database.db,
            )
          ).rows;
    const stored = new Set(rows.map((r) => r.reference));
    const lost = acknowledged.filter((reference) => !stored.has(reference));
    return {
      acknowledged: acknowledged.length,
      found: acknowledged.length - lost.length,
      lost,
      unacknowledged,
      loadMs,
      restartSeconds,
    };
  } finally {
    await database.close();
  }
}
