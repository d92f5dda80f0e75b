import fs from "node:fs";
import path from "node:path";
import { AppError } from "../../core/errors";

/**
 * PGlite must never be opened by two processes at once (each would overwrite the other's pages).
 * A lock file holding the owner's pid guards the data directory; a lock left by a dead process is taken over.
 */
export interface DataDirLock {
  release(): void;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function ensureWritableDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK | fs.constants.R_OK);
  } catch (error) {
    throw new AppError("db.data_dir_not_writable", {
      dir,
      cause: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
}

/**
 * Lock files held by this process. Its own pid in a lock file otherwise reads as stale (a restarted
 * container reuses pids), so a second open in the same process would take the lock over.
 */
const heldLockPaths = new Set<string>();

/**
 * Writes the file under a private name, then links it into place: the link fails if the lock exists,
 * and a reader never sees a lock file without its pid.
 */
function createAtomically(target: string, content: string): void {
  const temporary = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, content);
  try {
    fs.linkSync(temporary, target);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

export function acquireDataDirLock(dir: string): DataDirLock {
  const lockPath = path.join(path.resolve(dir), "tandem.lock");
  if (heldLockPaths.has(lockPath)) {
    throw new AppError("db.data_dir_locked", { dir, pid: process.pid });
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      createAtomically(lockPath, String(process.pid));
      heldLockPaths.add(lockPath);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          heldLockPaths.delete(lockPath);
          fs.rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
        throw new AppError("db.data_dir_not_writable", { dir, cause: String(error) });
      }
      const owner = Number.parseInt(fs.readFileSync(lockPath, "utf8"), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isProcessAlive(owner)) {
        throw new AppError("db.data_dir_locked", { dir, pid: owner });
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new AppError("db.data_dir_locked", { dir });
}
