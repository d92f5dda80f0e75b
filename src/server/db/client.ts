import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PGlite, types as pgliteTypes } from "@electric-sql/pglite";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { AppError } from "../../core/errors";
import type { Config } from "../config";
import { acquireDataDirLock, ensureWritableDir } from "./data-dir-lock";
import { PgliteDialect } from "./pglite-driver";
import type { DB } from "./schema";

export type Engine = "pglite" | "postgres";

/** A transaction on one connection that can also stream CSV with COPY (bulk loads, imports). */
export interface BulkSession {
  /** Runs COPY table (columns) FROM STDIN (FORMAT csv) with the given CSV chunks (whole lines); returns rows copied. */
  copyCsv(
    table: string,
    columns: readonly string[],
    chunks: Iterable<string> | AsyncIterable<string>,
  ): Promise<number>;
  execute(statement: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]>;
  /** Runs a multi-statement SQL script (no parameters), e.g. a migration file. */
  runScript(script: string): Promise<void>;
}

export interface Database {
  readonly db: Kysely<DB>;
  readonly engine: Engine;
  /** Runs `work` in one transaction on one connection; everything is rolled back if it throws. */
  bulkTransaction<T>(work: (session: BulkSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

/** Both engines read int8/numeric as numbers and dates as 'YYYY-MM-DD' strings. */
const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === INT8 || oid === NUMERIC) return (v: string) => Number(v);
    if (oid === DATE) return (v: string) => v;
    return pg.types.getTypeParser(oid, format ?? "text") as (v: string) => unknown;
  }) as pg.CustomTypesConfig["getTypeParser"],
};

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types: pgTypes,
    connectionTimeoutMillis: 5000,
  });
  // An idle connection the server drops (restart, failover, a forced DROP DATABASE) must not crash
  // the process: the pool discards it and opens a new one on the next query.
  pool.on("error", (error) => {
    process.emitWarning(
      `PostgreSQL dropped an idle connection: ${error.message}`,
      "TandemDatabaseWarning",
    );
  });
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end();
    throw new AppError("db.unreachable", { url: redactUrl(url), cause: (error as Error).message });
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: "postgres",
    async bulkTransaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work({
          async copyCsv(table, columns, chunks) {
            const stream = client.query(
              copyFrom(`COPY ${table} (${columns.join(", ")}) FROM STDIN WITH (FORMAT csv)`),
            );
            await pipeline(Readable.from(chunks), stream);
            return Number(stream.rowCount);
          },
          async execute(statement, params = []) {
            return (await client.query(statement, [...params])).rows as Record<string, unknown>[];
          },
          async runScript(script) {
            await client.query(script);
          },
        });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
      // Kysely ends the pool only if it ever ran a query; the connection check above did not.
      if (!pool.ended) await pool.end();
    },
  };
}

async function openPglite(dataDir: string | null): Promise<Database> {
  const parsers = {
    [pgliteTypes.INT8]: (v: string) => Number(v),
    [pgliteTypes.NUMERIC]: (v: string) => Number(v),
    [pgliteTypes.DATE]: (v: string) => v,
  };
  let lock: { release(): void } | null = null;
  let client: PGlite;
  if (dataDir === null) {
    client = new PGlite({ parsers });
  } else {
    ensureWritableDir(dataDir);
    lock = acquireDataDirLock(dataDir);
    const pgdata = path.join(dataDir, "pgdata");
    const isExisting = fs.existsSync(pgdata) && fs.readdirSync(pgdata).length > 0;
    if (isExisting && !fs.existsSync(path.join(pgdata, "PG_VERSION"))) {
      lock.release();
      throw new AppError("db.data_dir_corrupt", { dir: pgdata, cause: "PG_VERSION is missing" });
    }
    client = new PGlite(pgdata, { parsers });
  }
  try {
    await client.waitReady;
    await client.query("select 1");
  } catch (error) {
    lock?.release();
    throw new AppError("db.data_dir_corrupt", { dir: dataDir ?? ":memory:", cause: String(error) });
  }
  const db = new Kysely<DB>({ dialect: new PgliteDialect(client) });
  return {
    db,
    engine: "pglite",
    async bulkTransaction(work) {
      // Holding Kysely's only connection keeps every other query out until the transaction ends.
      return db.connection().execute(async (conn) => {
        await sql`begin`.execute(conn);
        try {
          const result = await work({
            async copyCsv(table, columns, chunks) {
              let copied = 0;
              let batch: string[] = [];
              let size = 0;
              const flush = async () => {
                if (batch.length === 0) return;
                const res = await client.query(
                  `COPY ${table} (${columns.join(", ")}) FROM '/dev/blob' WITH (FORMAT csv)`,
                  [],
                  { blob: new Blob(batch) },
                );
                copied += res.affectedRows ?? 0;
                batch = [];
                size = 0;
              };
              for await (const chunk of chunks) {
                const text = String(chunk);
                batch.push(text);
                size += text.length;
                if (size >= 16 * 1024 * 1024) await flush();
              }
              await flush();
              return copied;
            },
            async execute(statement, params = []) {
              return (await client.query<Record<string, unknown>>(statement, [...params])).rows;
            },
            async runScript(script) {
              await client.exec(script);
            },
          });
          await sql`commit`.execute(conn);
          return result;
        } catch (error) {
          await sql`rollback`.execute(conn);
          throw error;
        }
      });
    },
    async close() {
      await db.destroy();
      await client.close();
      lock?.release();
    },
  };
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}

export function openDatabase(
  target: Config["database"] | { kind: "pglite-memory" },
): Promise<Database> {
  switch (target.kind) {
    case "postgres":
      return openPostgres(target.url);
    case "pglite":
      return openPglite(target.dataDir);
    case "pglite-memory":
      return openPglite(null);
  }
}
