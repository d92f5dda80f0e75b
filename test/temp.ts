import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** A new empty directory under the system temp dir; remove it with `removeTempDirs`. */
export function makeTempDir(prefix = "tandem-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeTempDirs(...dirs: readonly string[]): void {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
}

/** SHA-256 over every file's relative path and content under `dir`, to prove a tree was left untouched. */
export function checksumTree(dir: string): string {
  const hash = createHash("sha256");
  const files = fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) {
    hash.update(path.relative(dir, file)).update("\0").update(fs.readFileSync(file)).update("\0");
  }
  return `${files.length}:${hash.digest("hex")}`;
}

/** The pid of a process that has exited (and so cannot own a lock). */
export async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.once("exit", resolve));
  if (child.pid === undefined) throw new Error("no pid");
  return child.pid;
}

/** A process that stays alive until killed. */
export function spawnSleeper(): { pid: number; kill(): Promise<void> } {
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], {
    stdio: "ignore",
  });
  if (child.pid === undefined) throw new Error("no pid");
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    pid: child.pid,
    async kill() {
      child.kill("SIGKILL");
      await exited;
    },
  };
}
