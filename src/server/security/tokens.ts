import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** 256 random bits, base64url (43 characters): session cookies and CSRF tokens. */
export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** API tokens carry a prefix, so a leaked one is recognisable (secret scanners, logs). */
export const API_TOKEN_PREFIX = "tnd_";

export function generateApiToken(): string {
  return API_TOKEN_PREFIX + generateToken();
}

export function isApiTokenFormat(value: string): boolean {
  return /^tnd_[A-Za-z0-9_-]{43}$/.test(value);
}

/** Compares two secrets in time independent of where they differ. */
export function isSameSecret(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}
