import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliEnv, runTandem } from "../../../test/cli";
import { makeTempDir, removeTempDirs } from "../../../test/temp";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../test/test-db";
import { loadConfig } from "../../server/config";
import { openDatabase, type Database } from "../../server/db/client";
import { verifyPassword } from "../../server/security/password";

describe.each(testEngines())("tandem user (%s)", (engine) => {
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
      env = cliEnv({ DATABASE_URL: server.url ?? "" });
    } else {
      env = cliEnv({ TANDEM_DATA_DIR: path.join(root, "data") });
    }
  });
  afterAll(async () => {
    await server?.close();
    removeTempDirs(root);
  });

  // The steps build on each other, in order, on one database.
  it("adds a user with a password read from standard input", async () => {
    const result = await tandem(
      ["user", "add", "alice", "--role", "hq-analyst", "--password-stdin"],
      "alice-password-1\n",
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("User alice created.\n");
  });

  it("adds a user with a generated password, shown once", async () => {
    const result = await tandem(["user", "add", "bob", "--role", "admin", "--name", "Bob B."]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^User bob created\.\nPassword: [a-km-zA-HJ-NP-Z2-9]{20} \(shown only once\)\n$/,
    );
  });

  it.each([
    [["alice", "--role", "admin"], "long-enough-password", "A user named alice already exists."],
    [["carol", "--role", "admin"], "short", "at least 12 characters"],
    [["dave", "--role", "admin", "--unit", "NOPE"], "long-enough-password", "org unit"],
  ])("refuses user add %j and exits 1", async (args, password, message) => {
    const result = await tandem(["user", "add", ...args, "--password-stdin"], password);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe("");
  });

  it("resets a password from standard input and revokes the user's sessions", async () => {
    await withCliDatabase(async (database) => {
      const alice = await database.db
        .selectFrom("users")
        .select("id")
        .where("username", "=", "alice")
        .executeTakeFirstOrThrow();
      await database.db
        .insertInto("sessions")
        .values({
          token_hash: "h",
          user_id: alice.id,
          csrf_token: "c".repeat(43),
          expires_at: new Date(Date.now() + 3.6e6),
        })
        .execute();
    });
    const result = await tandem(
      ["user", "reset-password", "alice", "--password-stdin"],
      "alice-password-2\n",
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      "Password of alice reset; every session of this user was revoked.\n",
    );
  });

  it("refuses to reset the password of an unknown user", async () => {
    const result = await tandem(["user", "reset-password", "ghost"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("Error: There is no user named ghost.\n");
  });

  it("left exactly the users, roles, passwords and sessions the commands describe", async () => {
    await withCliDatabase(async (database) => {
      const users = await database.db
        .selectFrom("users as u")
        .innerJoin("role_assignments as ra", "ra.user_id", "u.id")
        .innerJoin("org_units as ou", "ou.id", "ra.org_unit_id")
        .select(["u.username", "u.display_name", "u.password_hash", "ra.role", "ou.parent_id"])
        .orderBy("u.username")
        .execute();
      expect(users.map((u) => [u.username, u.display_name, u.role, u.parent_id])).toEqual([
        ["alice", "alice", "hq-analyst", null],
        ["bob", "Bob B.", "admin", null],
      ]);
      const hash = users[0]?.password_hash ?? "";
      expect(await verifyPassword(hash, "alice-password-2")).toBe(true);
      expect(await verifyPassword(hash, "alice-password-1")).toBe(false);
      expect(await database.db.selectFrom("sessions").selectAll().execute()).toEqual([]);
    });
  });
});
