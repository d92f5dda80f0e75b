import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir, removeTempDirs } from "../../../test/temp";
import { AppError } from "../../core/errors";
import { createSecretBox } from "./secret-box";
import { loadOrCreateSecretKey, parseSecretKey, SECRET_KEY_FILE } from "./secret-key";

const key = Buffer.alloc(32, 7);

describe("secret box (AES-256-GCM)", () => {
  const box = createSecretBox(key);

  it("round-trips a secret and never shows it in the sealed text", () => {
    const sealed = box.seal("JBSWY3DPEHPK3PXP", "totp:1");
    expect(sealed).toMatch(/^v1\.[\w-]{16}\.[\w-]+\.[\w-]{22}$/);
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(box.open(sealed, "totp:1")).toBe("JBSWY3DPEHPK3PXP");
  });

  it("uses a fresh IV each time", () => {
    expect(box.seal("same", "c")).not.toBe(box.seal("same", "c"));
  });

  it("refuses another context, another key and a tampered ciphertext", () => {
    const sealed = box.seal("JBSWY3DPEHPK3PXP", "totp:1");
    expect(() => box.open(sealed, "totp:2")).toThrow();
    expect(() => createSecretBox(Buffer.alloc(32, 8)).open(sealed, "totp:1")).toThrow();
    const parts = sealed.split(".");
    const body = Buffer.from(parts[2] ?? "", "base64url");
    body[0] = (body[0] ?? 0) ^ 1;
    parts[2] = body.toString("base64url");
    expect(() => box.open(parts.join("."), "totp:1")).toThrow();
    expect(() => box.open("plain text", "totp:1")).toThrow("not a sealed secret");
  });

  it("needs a 32-byte key", () => {
    expect(() => createSecretBox(Buffer.alloc(16))).toThrow("32 bytes");
  });
});

describe("secret key", () => {
  const dirs: string[] = [];
  afterAll(() => removeTempDirs(...dirs));

  it.each([
    ["64 hex digits", "ab".repeat(32), true],
    ["base64url", Buffer.alloc(32, 1).toString("base64url"), true],
    ["base64 with padding", Buffer.alloc(32, 250).toString("base64"), true],
    ["too short", "ab".repeat(16), false],
    ["not a key", "correct-horse-battery-staple", false],
  ])("parses %s", (_case, text, isValid) => {
    const parsed = parseSecretKey(text);
    expect(parsed?.length ?? null).toBe(isValid ? 32 : null);
  });

  it("creates the embedded key once, mode 0600, and reads the same key afterwards", () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const dataDir = path.join(dir, "data");
    const first = loadOrCreateSecretKey(dataDir);
    const file = path.join(dataDir, SECRET_KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(first).toHaveLength(32);
    expect(loadOrCreateSecretKey(dataDir).equals(first)).toBe(true);
    fs.chmodSync(file, 0o644);
    expect(loadOrCreateSecretKey(dataDir).equals(first)).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it("refuses a key file that holds no key", () => {
    const dir = makeTempDir();
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, SECRET_KEY_FILE), "nonsense\n", { mode: 0o600 });
    const error = (() => {
      try {
        loadOrCreateSecretKey(dir);
        return null;
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details).toMatchObject({ variable: "TANDEM_SECRET_KEY" });
  });
});
