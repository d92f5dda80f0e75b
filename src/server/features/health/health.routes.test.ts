import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import { buildApp } from "../../app";
import { loadMigrations } from "../../db/migrate";

describe.each(testEngines())("health routes (%s)", (engine) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const latest = loadMigrations().at(-1);

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await buildApp({ database });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("answers /healthz without touching the database", async () => {
    const response = await app.inject({ method: "GET", url: "/healthz" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok" });
  });

  it("reports ready with the engine and the schema version", async () => {
    const response = await app.inject({ method: "GET", url: "/readyz" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: "ready",
      engine,
      schemaVersion: latest?.version,
      pendingMigrations: 0,
    });
  });

  it("answers 503 while the last migration is pending, and ready again once it is applied", async () => {
    if (!latest) throw new Error("no migrations");
    const applied = await database.db
      .selectFrom("schema_migrations")
      .selectAll()
      .where("version", "=", latest.version)
      .executeTakeFirstOrThrow();
    await database.db
      .deleteFrom("schema_migrations")
      .where("version", "=", latest.version)
      .execute();
    try {
      const response = await app.inject({ method: "GET", url: "/readyz" });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({
        status: "not_ready",
        engine,
        pendingMigrations: 1,
        reason: "migrations_pending",
      });
    } finally {
      await database.db.insertInto("schema_migrations").values(applied).execute();
    }
    const after = await app.inject({ method: "GET", url: "/readyz" });
    expect(after.statusCode).toBe(200);
  });

  it("answers 503 with the error code when the schema is newer than the code", async () => {
    await database.db
      .insertInto("schema_migrations")
      .values({ version: 9999, name: "from_the_future", checksum: "x" })
      .execute();
    try {
      const response = await app.inject({ method: "GET", url: "/readyz" });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({
        status: "not_ready",
        schemaVersion: null,
        reason: "db.schema_newer_than_code",
      });
    } finally {
      await database.db.deleteFrom("schema_migrations").where("version", "=", 9999).execute();
    }
  });
});
