import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cliEnv, runTandem } from "../../test/cli";
import { checksumTree, makeTempDir, removeTempDirs } from "../../test/temp";
import { acquireDataDirLock } from "../server/db/data-dir-lock";
import { runCli } from "./main";

/** Runs the CLI in this process and captures what it writes. */
async function runInProcess(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const capture = (sink: string[]) => (chunk: string | Uint8Array) => {
    sink.push(String(chunk));
    return true;
  };
  const stdout = vi.spyOn(process.stdout, "write").mockImplementation(capture(out));
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation(capture(err));
  try {
    const code = await runCli(argv);
    return { code, out: out.join(""), err: err.join("") };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

describe("tandem --help", () => {
  it.each([
    [[]],
    [["serve"]],
    [["migrate"]],
    [["demo"]],
    [["user"]],
    [["user", "add"]],
    [["user", "reset-password"]],
  ])("prints the help of %j and exits 0", async (command) => {
    const result = await runInProcess([...command, "--help"]);
    expect(result.code).toBe(0);
    expect(result.out).toContain(`Usage: ${["tandem", ...command].join(" ")}`);
  });

  it("works from the binary even with a broken environment", async () => {
    const result = await runTandem(["user", "add", "--help"], cliEnv({ PORT: "not-a-port" }));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage: tandem user add [options] <username>");
    expect(result.stdout).toContain("--password-stdin");
  });

  it("exits 1 for an unknown command or option value", async () => {
    const unknown = await runInProcess(["frobnicate"]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain("unknown command 'frobnicate'");
    const badScale = await runInProcess(["demo", "--scale", "huge"]);
    expect(badScale.code).toBe(1);
    expect(badScale.err).toContain("use one of: small, default, national");
  });
});

describe("tandem on bad input", () => {
  let root: string;

  beforeAll(() => {
    root = makeTempDir();
  });
  afterAll(() => removeTempDirs(root));

  it("lists every bad variable of a malformed environment and exits 1", async () => {
    const result = await runTandem(
      ["migrate"],
      cliEnv({ PORT: "http", DATABASE_URL: "mysql://db/x", TANDEM_DEMO: "perhaps" }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Tandem cannot start: the configuration is invalid.");
    for (const variable of ["PORT", "DATABASE_URL", "TANDEM_DEMO"]) {
      expect(result.stderr).toMatch(new RegExp(`^  ${variable}: `, "m"));
    }
  });

  it("explains a data directory that cannot be created", async () => {
    const file = path.join(root, "a-file");
    fs.writeFileSync(file, "");
    const result = await runTandem(
      ["migrate"],
      cliEnv({ TANDEM_DATA_DIR: path.join(file, "data") }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `The data directory ${path.join(file, "data")} cannot be written (ENOTDIR)`,
    );
  });

  it("refuses a corrupt data directory and leaves it untouched", async () => {
    const dataDir = path.join(root, "corrupt");
    fs.mkdirSync(path.join(dataDir, "pgdata", "base"), { recursive: true });
    fs.writeFileSync(path.join(dataDir, "pgdata", "base", "16384"), "\u0000garbage");
    const before = checksumTree(dataDir);
    const result = await runTandem(["migrate"], cliEnv({ TANDEM_DATA_DIR: dataDir }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("cannot be opened as a database (PG_VERSION is missing)");
    expect(result.stderr).toContain("It was left untouched.");
    expect(checksumTree(dataDir)).toBe(before);
  });

  it("refuses a data directory in use by another process", async () => {
    const dataDir = path.join(root, "locked");
    fs.mkdirSync(dataDir);
    const lock = acquireDataDirLock(dataDir);
    try {
      const result = await runTandem(["migrate"], cliEnv({ TANDEM_DATA_DIR: dataDir }));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `The data directory ${dataDir} is in use by another Tandem process (pid ${process.pid})`,
      );
      expect(fs.readFileSync(path.join(dataDir, "tandem.lock"), "utf8")).toBe(String(process.pid));
    } finally {
      lock.release();
    }
  });

  it("reports an unreachable PostgreSQL server with the password hidden", async () => {
    const result = await runTandem(
      ["migrate"],
      cliEnv({ DATABASE_URL: "postgres://postgres:hunter2-secret@127.0.0.1:1/x" }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "Cannot reach the PostgreSQL server at postgres://postgres:***@127.0.0.1:1/x",
    );
    expect(result.stderr + result.stdout).not.toContain("hunter2-secret");
  });
});
