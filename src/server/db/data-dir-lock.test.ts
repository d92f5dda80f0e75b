import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { deadPid, makeTempDir, removeTempDirs, spawnSleeper } from "../../../test/temp";
import { AppError } from "../../core/errors";
import { acquireDataDirLock, ensureWritableDir } from "./data-dir-lock";

function errorOf(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("data directory lock", () => {
  const dirs: string[] = [];
  const newDir = () => {
    const dir = makeTempDir();
    dirs.push(dir);
    return dir;
  };
  const lockFile = (dir: string) => path.join(dir, "tandem.lock");
  afterEach(() => removeTempDirs(...dirs.splice(0)));

  it("writes the owner's pid and removes the file on release", () => {
    const dir = newDir();
    const lock = acquireDataDirLock(dir);
    expect(fs.readFileSync(lockFile(dir), "utf8")).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
    lock.release();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });

  it("refuses a second lock on the same directory in the same process", () => {
    const dir = newDir();
    const lock = acquireDataDirLock(dir);
    const error = errorOf(() => acquireDataDirLock(path.join(dir, ".")));
    expect(error.code).toBe("db.data_dir_locked");
    expect(error.details.pid).toBe(process.pid);
    lock.release();
    acquireDataDirLock(dir).release();
  });

  it("refuses a directory locked by another live process", async () => {
    const dir = newDir();
    const owner = spawnSleeper();
    try {
      fs.writeFileSync(lockFile(dir), String(owner.pid));
      const error = errorOf(() => acquireDataDirLock(dir));
      expect(error.code).toBe("db.data_dir_locked");
      expect(error.details).toEqual({ dir, pid: owner.pid });
      expect(fs.readFileSync(lockFile(dir), "utf8")).toBe(String(owner.pid));
    } finally {
      await owner.kill();
    }
    const lock = acquireDataDirLock(dir);
    expect(fs.readFileSync(lockFile(dir), "utf8")).toBe(String(process.pid));
    lock.release();
  });

  it.each([
    ["a dead process", async () => String(await deadPid())],
    ["garbage", () => Promise.resolve("not a pid")],
    [
      "a previous run of this very pid (a restarted container)",
      () => Promise.resolve(String(process.pid)),
    ],
  ])("takes over a stale lock left by %s", async (_case, content) => {
    const dir = newDir();
    fs.writeFileSync(lockFile(dir), await content());
    const lock = acquireDataDirLock(dir);
    expect(fs.readFileSync(lockFile(dir), "utf8")).toBe(String(process.pid));
    lock.release();
  });

  it("reports a data directory that cannot be created, with the system's reason", () => {
    const parent = newDir();
    const file = path.join(parent, "a-file");
    fs.writeFileSync(file, "not a directory");
    const error = errorOf(() => ensureWritableDir(path.join(file, "data")));
    expect(error.code).toBe("db.data_dir_not_writable");
    expect(error.details).toEqual({ dir: path.join(file, "data"), cause: "ENOTDIR" });
  });
});
