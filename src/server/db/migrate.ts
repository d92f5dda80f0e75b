import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql, type Kysely } from "kysely";
import { AppError } from "../../core/errors";
import type { Database } from "./client";
import type { DB } from "./schema";

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

export interface MigrationStatus {
  readonly applied: number[];
  readonly pending: Migration[];
  readonly latestKnown: number;
}

const migrationsDir = fileURLToPath(new URL("./migrations/", import.meta.url));

/** Reads `NNNN_name.sql` files in version order. */
export function loadMigrations(dir: string = migrationsDir): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      return {
        version: Number.parseInt(file.slice(0, 4), 10),
        name: file.slice(5, -4),
        sql: text,
        checksum: createHash("sha256").update(text).digest("hex"),
      };
    });
}

const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`;

/** Every migration runner takes this transaction-level advisory lock (any fixed number will do). */
const MIGRATION_LOCK = "SELECT pg_advisory_xact_lock(7263311)";

async function ensureMigrationsTable(db: Kysely<DB>): Promise<void> {
  await sql.raw(CREATE_MIGRATIONS_TABLE).execute(db);
}

/**
 * Compares the database with the code. Refuses a schema newer than the code (an older binary
 * against a newer database) and an applied migration whose file has since changed.
 */
export async function getMigrationStatus(
  db: Kysely<DB>,
  migrations: readonly Migration[] = loadMigrations(),
): Promise<MigrationStatus> {
  await ensureMigrationsTable(db);
  const rows = await db
    .selectFrom("schema_migrations")
    .select(["version", "checksum"])
    .orderBy("version")
    .execute();
  const known = new Map(migrations.map((m) => [m.version, m]));
  const latestKnown = migrations.at(-1)?.version ?? 0;
  for (const row of rows) {
    const migration = known.get(row.version);
    if (!migration) {
      throw new AppError("db.schema_newer_than_code", {
        databaseVersion: row.version,
        codeVersion: latestKnown,
      });
    }
    if (migration.checksum !== row.checksum) {
      throw new AppError("db.migration_changed", { version: row.version, name: migration.name });
    }
  }
  const applied = new Set(rows.map((r) => r.version));
  return {
    applied: [...applied],
    pending: migrations.filter((m) => !applied.has(m.version)),
    latestKnown,
  };
}

/**
 * Applies pending migrations, each in its own transaction. Returns the versions applied.
 * Several processes may start at once on one PostgreSQL server: runners take turns under an
 * advisory lock, and each re-checks under the lock that a migration is still pending.
 */
export async function migrate(
  database: Database,
  migrations: readonly Migration[] = loadMigrations(),
): Promise<number[]> {
  await database.bulkTransaction(async (session) => {
    await session.execute(MIGRATION_LOCK);
    await session.runScript(CREATE_MIGRATIONS_TABLE);
  });
  const { pending } = await getMigrationStatus(database.db, migrations);
  const done: number[] = [];
  for (const migration of pending) {
    const isApplied = await database.bulkTransaction(async (session) => {
      await session.execute(MIGRATION_LOCK);
      const existing = await session.execute(
        "SELECT checksum FROM schema_migrations WHERE version = $1",
        [migration.version],
      );
      if (existing[0] && existing[0].checksum !== migration.checksum) {
        throw new AppError("db.migration_changed", {
          version: migration.version,
          name: migration.name,
        });
      }
      if (existing[0]) return false;
      await session.runScript(migration.sql);
      await session.execute(
        "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
        [migration.version, migration.name, migration.checksum],
      );
      return true;
    });
    if (isApplied) done.push(migration.version);
  }
  return done;
}
