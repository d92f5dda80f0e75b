import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir, removeTempDirs } from "../../../../test/temp";
import { AppError } from "../../../core/errors";
import { findChromium } from "./report-pdf";

describe("findChromium", () => {
  const dir = makeTempDir();
  const present = path.join(dir, "chromium");
  fs.writeFileSync(present, "");
  afterAll(() => removeTempDirs(dir));

  it("takes the configured executable, and only that one", () => {
    expect(findChromium(present, [])).toBe(present);
    expect(() => findChromium(path.join(dir, "missing"), [present])).toThrow(AppError);
  });

  it("else looks in the usual places, in order", () => {
    expect(findChromium(null, [path.join(dir, "nope"), present])).toBe(present);
  });

  it("names every place it looked when there is none", () => {
    const missing = [path.join(dir, "a"), path.join(dir, "b")];
    const error = (() => {
      try {
        findChromium(null, missing);
        return null;
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "reports.chromium_missing",
      details: { path: missing.join(", ") },
    });
  });
});
