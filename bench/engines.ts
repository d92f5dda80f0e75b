import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { openDatabase, type Database } from "../src/server/db/client";
import { migrate } from "../src/server/db/migrate";
import { benchDir } from "./lib";

export type BenchEngine = "pglite" | "postgres";

export interface FreshDatabase {
  readonly database: Database;
  /** The PGlite data directory, kept after close for later benchmarks. */
  readonly dataDir?: string;
  /** The PostgreSQL database's URL, for a child process to open. */
  readonly url?: string;
  /** Closes this process's connection (a child can then open the database); drop() still works after. */
  close(): Promise<void>;
  drop(): Promise<void>;
}

/** Closes once, however often it is called. */
function closeOnce(database: Database): () => Promise<void> {
  let closing: Promise<void> | null = null;
  return () => (closing ??= database.close());
}

let counter = 0;

/** The engines to measure: PGlite always; PostgreSQL when TANDEM_BENCH_DATABASE_URL names a server. */
export function benchEngines(): BenchEngine[] {
  return process.env.TANDEM_BENCH_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

/** A new, migrated, empty database on the engine (a fresh data directory or a fresh PostgreSQL database). */
export async function createFreshDatabase(
  engine: BenchEngine,
  name: string,
): Promise<FreshDatabase> {
  if (engine === "pglite") {
    const dataDir = path.join(benchDir("pglite"), name);
    fs.rmSync(dataDir, { recursive: true, force: true });
    const database = await openDatabase({ kind: "pglite", dataDir });
    await migrate(database);
    const close = closeOnce(database);
    return { database, dataDir, close, drop: close };
  }
  const adminUrl = process.env.TANDEM_BENCH_DATABASE_URL ?? "";
  const dbName = `tandem_bench_${process.pid}_${++counter}_${name.replace(/\W/g, "_")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const database = await openDatabase({ kind: "postgres", url: url.toString() });
  await migrate(database);
  const close = closeOnce(database);
  return {
    database,
    url: url.toString(),
    close,
    async drop() {
      await close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await c.end();
    },
  };
}
