import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database, type Engine } from "../src/server/db/client";
import { migrate } from "../src/server/db/migrate";

/** The engines a database suite runs on: always PGlite, plus PostgreSQL when a server is given. */
export function testEngines(): Engine[] {
  return process.env.TANDEM_TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

export interface TestDatabaseOptions {
  /** Apply the migrations (default true); false gives an empty database for migration tests. */
  readonly isMigrated?: boolean;
}

export interface TestDatabase extends Database {
  /** Connection URL of the throwaway PostgreSQL database; null for PGlite. */
  readonly url: string | null;
}

function adminUrl(): string {
  const url = process.env.TANDEM_TEST_DATABASE_URL;
  if (!url) throw new Error("TANDEM_TEST_DATABASE_URL is not set");
  return url;
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database: PGlite in memory, or a new PostgreSQL database dropped again on close. */
export async function createTestDatabase(
  engine: Engine,
  options: TestDatabaseOptions = {},
): Promise<TestDatabase> {
  let database: Database;
  let url: string | null = null;
  let dropDatabase = () => Promise.resolve();
  if (engine === "pglite") {
    database = await openDatabase({ kind: "pglite-memory" });
  } else {
    const name = `tandem_test_${randomBytes(6).toString("hex")}`;
    await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
    const target = new URL(adminUrl());
    target.pathname = `/${name}`;
    url = target.toString();
    dropDatabase = async () => {
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    };
    try {
      database = await openDatabase({ kind: "postgres", url });
    } catch (error) {
      await dropDatabase();
      throw error;
    }
  }
  if (options.isMigrated ?? true) await migrate(database);
  let isClosed = false;
  return {
    db: database.db,
    engine: database.engine,
    url,
    bulkTransaction: (work) => database.bulkTransaction(work),
    async close() {
      if (isClosed) return;
      isClosed = true;
      await database.close();
      await dropDatabase();
    },
  };
}
