import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { AppError } from "../../core/errors";
import { SECRET_KEY_BYTES } from "./secret-box";

export const SECRET_KEY_FILE = "secret.key";

/** `TANDEM_SECRET_KEY`: 32 bytes as 64 hex digits or as base64 / base64url (43–44 characters). */
export function parseSecretKey(text: string): Buffer | null {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, "hex");
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
    const bytes = Buffer.from(value.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    return bytes.length === SECRET_KEY_BYTES ? bytes : null;
  }
  return null;
}

export function generateSecretKeyText(): string {
  return randomBytes(SECRET_KEY_BYTES).toString("base64url");
}

/**
 * The embedded (laptop) start keeps its key in the data directory: created on first run with mode
 * 0600 (owner only), then read. A file readable by others is narrowed back to 0600.
 */
export function loadOrCreateSecretKey(dataDir: string): Buffer {
  const file = path.join(dataDir, SECRET_KEY_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, generateSecretKeyText() + "\n", { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  const key = parseSecretKey(fs.readFileSync(file, "utf8"));
  if (!key) {
    throw new AppError("config.invalid", {
      variable: "TANDEM_SECRET_KEY",
      value: file,
      cause: "the file does not hold a 32-byte key",
    });
  }
  return key;
}

/**
 * The key that encrypts TOTP secrets: TANDEM_SECRET_KEY when set (required on PostgreSQL, where
 * several processes must share it), else the embedded engine's key file beside its data.
 */
export function resolveSecretKey(config: {
  readonly secretKey: Buffer | null;
  readonly database:
    { readonly kind: "pglite"; readonly dataDir: string } | { readonly kind: "postgres" };
}): Buffer {
  if (config.secretKey) return config.secretKey;
  if (config.database.kind === "pglite") return loadOrCreateSecretKey(config.database.dataDir);
  throw new AppError("config.invalid", {
    variable: "TANDEM_SECRET_KEY",
    value: "(not set)",
    cause: "required with DATABASE_URL",
  });
}
