import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { occupyPort } from "../../test/cli";
import { makeTempDir, removeTempDirs } from "../../test/temp";
import { createTestDatabase, testEngines, type TestDatabase } from "../../test/test-db";
import { AppError } from "../core/errors";
import { loadConfig, type Config } from "./config";
import { openDatabase } from "./db/client";
import { startServer } from "./main";

function configFor(env: Record<string, string>): Config {
  const result = loadConfig({ PORT: "0", TANDEM_DEMO: "false", LOG_LEVEL: "silent", ...env });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.config;
}

async function postJson(url: string, body: unknown): Promise<number> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return response.status;
}

describe.each(testEngines())("startServer (%s)", (engine) => {
  let root: string;
  let postgres: TestDatabase | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    root = makeTempDir();
    if (engine === "postgres") {
      postgres = await createTestDatabase(engine, { isMigrated: false });
      env = { DATABASE_URL: postgres.url ?? "", TANDEM_SECRET_KEY: "ab".repeat(32) };
    } else {
      env = { TANDEM_DATA_DIR: path.join(root, "data") };
    }
  });
  afterAll(async () => {
    await postgres?.close();
    removeTempDirs(root);
  });

  // The steps build on each other, in order, on one database.
  it("migrates, creates the first admin with a generated password, and serves", async () => {
    const server = await startServer(configFor(env));
    try {
      expect(server.url).toMatch(/^http:\/\/localhost:\d+$/);
      expect(server.demo).toEqual({ isLoaded: false });
      expect(server.admin).toMatchObject({ isCreated: true, username: "admin", isGenerated: true });
      const password = server.admin.isCreated ? server.admin.password : "";
      expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/);
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: "ready", engine });
      expect(await postJson(`${server.url}/api/auth/login`, { username: "admin", password })).toBe(
        200,
      );
    } finally {
      await server.close();
    }
    if (engine === "pglite") {
      expect(fs.existsSync(path.join(root, "data", "tandem.lock"))).toBe(false);
      // The embedded start made its own key for two-factor secrets, readable by the owner only.
      const key = path.join(root, "data", "secret.key");
      expect(fs.statSync(key).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(key, "utf8").trim()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
  });

  it("keeps the existing admin on the next start, and skips the demo for a configured register", async () => {
    const database = await openDatabase(configFor(env).database);
    await database.db
      .insertInto("rank_groups")
      .values({ code: "g", name: "G", ordinal: 1 })
      .execute();
    await database.close();
    const server = await startServer(
      configFor({ ...env, TANDEM_DEMO: "true", TANDEM_DEMO_SCALE: "small" }),
    );
    try {
      expect(server.admin).toEqual({ isCreated: false, username: "admin" });
      expect(server.demo).toEqual({ isLoaded: false });
    } finally {
      await server.close();
    }
  });

  it("reports a port in use as config.invalid PORT/EADDRINUSE and closes the database", async () => {
    const { port, close } = await occupyPort();
    try {
      const error = await startServer(configFor({ ...env, PORT: String(port) })).then(
        async (server) => {
          await server.close();
          return null;
        },
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("config.invalid");
      expect((error as AppError).details).toEqual({
        variable: "PORT",
        value: port,
        cause: "EADDRINUSE",
      });
    } finally {
      await close();
    }
    const reopened = await openDatabase(configFor(env).database);
    await reopened.close();
  });
});

describe("startServer on a first start with the demo", () => {
  let root: string;
  beforeAll(() => {
    root = makeTempDir();
  });
  afterAll(() => removeTempDirs(root));

  it("loads the demo country and writes the sample HR files beside the embedded database", async () => {
    const dataDir = path.join(root, "data");
    const server = await startServer(
      configFor({ TANDEM_DATA_DIR: dataDir, TANDEM_DEMO: "true", TANDEM_DEMO_SCALE: "small" }),
    );
    try {
      expect(server.demo).toMatchObject({
        isLoaded: true,
        filesDir: path.join(dataDir, "demo-files"),
      });
      const year = new Date().getUTCFullYear();
      expect(fs.readdirSync(path.join(dataDir, "demo-files"))).toContain(
        `personnel-snapshot-${year}-01-31.csv`,
      );
    } finally {
      await server.close();
    }
  });
});
