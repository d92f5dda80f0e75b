import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asSuperuser } from "../../../test/audit-tamper";
import { cliEnv, runTandem } from "../../../test/cli";
import { makeTempDir, removeTempDirs } from "../../../test/temp";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../test/test-db";
import { buildApp } from "../../server/app";
import { SYSTEM_ACTOR, toInboxRow } from "../../server/audit/audit-recorder";
import { loadConfig } from "../../server/config";
import { openDatabase, type Database } from "../../server/db/client";

describe.each(testEngines())("tandem audit verify (%s)", (engine) => {
  let root: string;
  let server: TestDatabase | undefined;
  let env: NodeJS.ProcessEnv;
  const tandem = (args: string[], input?: string) => runTandem(args, env, input);

  /** Opens the CLI's database in this process (the CLI has exited, so the embedded one is free). */
  async function withCliDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
    const loaded = loadConfig(env);
    if (!loaded.ok) throw new Error("bad test config");
    const database = await openDatabase(loaded.config.database);
    try {
      return await work(database);
    } finally {
      await database.close();
    }
  }

  beforeAll(async () => {
    root = makeTempDir();
    if (engine === "postgres") {
      server = await createTestDatabase(engine, { isMigrated: false });
      env = cliEnv({ DATABASE_URL: server.url ?? "", TANDEM_SECRET_KEY: "ab".repeat(32) });
    } else {
      env = cliEnv({ TANDEM_DATA_DIR: path.join(root, "data") });
    }
  });
  afterAll(async () => {
    await server?.close();
    removeTempDirs(root);
  });

  // The steps build on each other, in order, on one database.
  it("reports an empty trail as intact", async () => {
    const result = await tandem(["audit", "verify"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("No entries, chain intact.\n");
  });

  it("counts the entries the user commands recorded, as the system", async () => {
    for (const name of ["alice", "bob"]) {
      const added = await tandem(
        ["user", "add", name, "--role", "auditor", "--password-stdin"],
        "a-long-password-1\n",
      );
      expect(added.code).toBe(0);
    }
    expect((await tandem(["user", "reset-password", "bob"])).code).toBe(0);
    const result = await tandem(["audit", "verify"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^3 entries, chain intact\.\nLast entry 3, hash [0-9a-f]{64}\. /);
    const rows = await withCliDatabase((database) =>
      database.db
        .selectFrom("audit_log")
        .select(["id", "action", "actor_username", "actor_user_id", "fields"])
        .orderBy("id")
        .execute(),
    );
    expect(rows).toEqual([
      {
        id: 1,
        action: "user.create",
        actor_username: "system",
        actor_user_id: null,
        fields: ["username", "display_name", "password", "role", "org_unit_id"],
      },
      {
        id: 2,
        action: "user.create",
        actor_username: "system",
        actor_user_id: null,
        fields: ["username", "display_name", "password", "role", "org_unit_id"],
      },
      {
        id: 3,
        action: "user.password_reset",
        actor_username: "system",
        actor_user_id: null,
        fields: ["password"],
      },
    ]);
  });

  it("counts the entries a stopped server left in the inbox, which the next server start links", async () => {
    await withCliDatabase((database) =>
      database.db
        .insertInto("audit_inbox")
        .values(
          toInboxRow(
            {
              actor: SYSTEM_ACTOR,
              action: "community_issue.resident_create",
              entityType: "community_issue",
              entityId: "1",
              orgUnitId: 1,
              fields: ["description"],
              outcome: "success",
            },
            new Date(),
          ),
        )
        .execute(),
    );
    const waiting = await tandem(["audit", "verify"]);
    expect(waiting.code).toBe(0);
    expect(waiting.stdout).toMatch(
      /^3 entries, chain intact\.\n.*\n1 more entry waits in the inbox to join the chain: /,
    );
    await withCliDatabase(async (database) => {
      await buildApp({ database }).then((app) => app.close());
    });
    const linked = await tandem(["audit", "verify"]);
    expect(linked.stdout).toMatch(
      /^4 entries, chain intact\.\nLast entry 4, hash [0-9a-f]{64}\. [^\n]*\n$/,
    );
  });

  it("fails naming an entry changed behind the triggers' back", async () => {
    await withCliDatabase((database) =>
      asSuperuser(database.db, async (trx) => {
        await sql`UPDATE audit_log SET actor_username = 'nobody' WHERE id = 2`.execute(trx);
      }),
    );
    const result = await tandem(["audit", "verify"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "The audit chain is broken at entry 2: its content does not match its hash (it was changed after it was written).\n" +
        "The 1 entry before it verifies.\n",
    );
  });

  it("fails naming the entry after a deleted one", async () => {
    await withCliDatabase((database) =>
      asSuperuser(database.db, async (trx) => {
        await sql`DELETE FROM audit_log WHERE id = 1`.execute(trx);
      }),
    );
    const result = await tandem(["audit", "verify"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "The audit chain is broken at entry 2: entries before it are missing (expected entry 1).\n" +
        "No entry before it verifies.\n",
    );
  });
});
