import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkIntakeDurability } from "../../../../test/intake-durability";
import type { TandemStore } from "../../../../test/tandem-process";
import { makeTempDir, removeTempDirs } from "../../../../test/temp";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";

/**
 * Issue 7: "the acknowledgement is sent only after the write is durable". `tandem serve` runs as a
 * child process, is killed with SIGKILL under a load of submissions and restarted; every reference
 * acknowledged with a 201 must be in the database. (The timed version is bench/public-intake.)
 */
describe.each(testEngines())("public intake survives kill -9 (%s)", (engine) => {
  const dirs: string[] = [];
  let database: TestDatabase | undefined;

  afterAll(async () => {
    await database?.close();
    removeTempDirs(...dirs);
  });

  it("loses no acknowledged submission", { timeout: 300_000 }, async () => {
    let store: TandemStore;
    if (engine === "pglite") {
      const dir = makeTempDir("tandem-durability-");
      dirs.push(dir);
      store = { kind: "pglite", dataDir: path.join(dir, "data") };
    } else {
      database = await createTestDatabase("postgres");
      store = { kind: "postgres", url: database.url ?? "" };
    }
    const result = await checkIntakeDurability(store, {
      workers: 4,
      killAfterAcknowledged: 60,
      killAfterMs: 20_000,
    });
    expect(result.acknowledged).toBeGreaterThan(0);
    // Killed mid-load: requests were in flight and got no answer.
    expect(result.unacknowledged).toBeGreaterThan(0);
    expect(result.lost).toEqual([]);
    expect(result.found).toBe(result.acknowledged);
  });
});
