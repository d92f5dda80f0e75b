import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const PREFIX = "tandem-spool-";
/** No import runs this long: an older spool directory was left by a killed process. */
export const STALE_SPOOL_MS = 24 * 60 * 60 * 1000;

/**
 * A private temporary directory for an upload or an import's spooled rows (personal data): created
 * with mode 0700, removed by its user when done, and swept at the next start if a crash left it.
 */
export async function createSpoolDir(): Promise<string> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), PREFIX));
  await fs.promises.chmod(dir, 0o700);
  return dir;
}

/** Removes spool directories older than `maxAgeMs` (left by a process killed mid-import). */
export async function sweepStaleSpoolDirs(
  now: number = Date.now(),
  maxAgeMs: number = STALE_SPOOL_MS,
  root: string = os.tmpdir(),
): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await fs.promises.readdir(root)) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = path.join(root, name);
    const stat = await fs.promises.stat(dir).catch(() => null);
    if (!stat?.isDirectory() || now - stat.mtimeMs < maxAgeMs) continue;
    await fs.promises.rm(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}
