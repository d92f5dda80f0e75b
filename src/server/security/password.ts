import { hash, verify } from "@node-rs/argon2";
import { randomBytes } from "node:crypto";
import { checkPasswordPolicy } from "./password-policy";

export { MIN_PASSWORD_LENGTH } from "../../core/schemas/auth";
/** `Algorithm.Argon2id` of @node-rs/argon2, an ambient const enum that isolated modules cannot read. */
const ARGON2ID = 2;

/**
 * argon2id with the library's OWASP-aligned defaults (19 MiB, t=2, p=1). Every new password passes
 * through here, so the password policy (length, common passwords) is enforced in this one place.
 */
export async function hashPassword(password: string): Promise<string> {
  await checkPasswordPolicy(password);
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A random password of 20 characters from an alphabet without look-alikes (no 0/O, 1/l/I). */
export function generatePassword(length = 20): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(length * 2);
  let out = "";
  for (const byte of bytes) {
    if (byte < alphabet.length * Math.floor(256 / alphabet.length))
      out += alphabet[byte % alphabet.length];
    if (out.length === length) break;
  }
  return out.length === length ? out : generatePassword(length);
}
