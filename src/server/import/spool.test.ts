import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeTempDir, removeTempDirs } from "../../../test/temp";
import { createSpoolDir, STALE_SPOOL_MS, sweepStaleSpoolDirs } from "./spool";

describe("spool directories", () => {
  const dirs: string[] = [];
  afterEach(() => removeTempDirs(...dirs.splice(0)));

  it("are private to their user", async () => {
    const dir = await createSpoolDir();
    dirs.push(dir);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  });

  it("are swept once stale, and only then", async () => {
    const root = makeTempDir();
    dirs.push(root);
    const stale = path.join(root, "tandem-spool-old");
    const fresh = path.join(root, "tandem-spool-new");
    const other = path.join(root, "someone-else");
    for (const dir of [stale, fresh, other]) fs.mkdirSync(dir);
    fs.writeFileSync(path.join(stale, "upload"), "service numbers");
    const now = Date.now();
    const old = new Date(now - STALE_SPOOL_MS - 1000);
    fs.utimesSync(stale, old, old);
    fs.utimesSync(other, old, old);
    expect(await sweepStaleSpoolDirs(now, STALE_SPOOL_MS, root)).toEqual([stale]);
    expect(fs.existsSync(fresh) && fs.existsSync(other)).toBe(true);
  });
});
