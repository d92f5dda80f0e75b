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

  /** A session of the user, written straight to the database; returns the user's id. */
  async function addSession(database: Database, username: string, tokenHash: string) {
    const user = await database.db
      .selectFrom("users")
      .select("id")
      .where("username", "=", username)
      .executeTakeFirstOrThrow();
    await database.db
      .insertInto("sessions")
      .values({
        token_hash: tokenHash,
        user_id: user.id,
        csrf_token: "c".repeat(43),
        expires_at: new Date(Date.now() + 3.6e6),
      })
      .execute();
    return user.id;
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
    await withCliDatabase((database) => addSession(database, "alice", "h"));
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

  it("resets the two-step sign-in of a user who lost their phone, and audits it", async () => {
    await withCliDatabase(async (database) => {
      const aliceId = await addSession(database, "alice", "h2");
      await database.db
        .insertInto("user_totp")
        .values({
          user_id: aliceId,
          secret_encrypted: "v1.sealed",
          created_at: new Date(),
          confirmed_at: new Date(),
        })
        .execute();
      await database.db
        .insertInto("user_recovery_codes")
        .values([1, 2].map((n) => ({ user_id: aliceId, code_hash: String(n).repeat(64) })))
        .execute();
    });
    const result = await tandem(["user", "reset-2fa", "alice"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      "Two-step sign-in of alice reset; every session of this user was revoked. " +
        "If their role requires it, they set it up again at their next sign-in.\n",
    );
    await withCliDatabase(async (database) => {
      const count = async (table: "user_totp" | "user_recovery_codes" | "sessions") =>
        (await database.db.selectFrom(table).select("user_id").execute()).length;
      expect([
        await count("user_totp"),
        await count("user_recovery_codes"),
        await count("sessions"),
      ]).toEqual([0, 0, 0]);
      const entry = await database.db
        .selectFrom("audit_log")
        .select(["actor_username", "action", "entity_type", "fields", "outcome"])
        .orderBy("id", "desc")
        .executeTakeFirstOrThrow();
      expect(entry).toEqual({
        actor_username: "system",
        action: "user.two_factor_reset",
        entity_type: "user",
        fields: ["totp_secret", "recovery_codes"],
        outcome: "success",
      });
    });
  });

  it.each([
    ["alice", "Error: Two-step sign-in is not turned on for this account.\n"],
    ["ghost", "Error: There is no user named ghost.\n"],
  ])("refuses to reset the two-step sign-in of %s and exits 1", async (username, message) => {
    const result = await tandem(["user", "reset-2fa", username]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(message);
    expect(result.stdout).toBe("");
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
