import { createHash, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";

/** RFC 6238 with the parameters every authenticator app supports: HMAC-SHA1, 6 digits, 30 s. */
export const TOTP_ISSUER = "Tandem";
const PERIOD_S = 30;
const DIGITS = 6;
const ALGORITHM = "SHA1";
/** Codes of the previous and next 30-second step are accepted too (clock drift). */
const WINDOW = 1;

export type TotpAlgorithm = "SHA1" | "SHA256" | "SHA512";

export interface TotpOptions {
  readonly algorithm?: TotpAlgorithm;
  readonly digits?: number;
}

/** A new shared secret: 20 random bytes (160 bits, as RFC 4226 recommends), in base32. */
export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://totp/…` URI that authenticator apps read from the QR code. */
export function totpUri(secretBase32: string, username: string): string {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label: username,
    secret: Secret.fromBase32(secretBase32),
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: PERIOD_S,
  }).toString();
}

/** The code for the 30-second step containing `timestampMs`. */
export function totpCode(secretBase32: string, timestampMs: number, options: TotpOptions = {}) {
  return TOTP.generate({
    secret: Secret.fromBase32(secretBase32),
    algorithm: options.algorithm ?? ALGORITHM,
    digits: options.digits ?? DIGITS,
    period: PERIOD_S,
    timestamp: timestampMs,
  });
}

/** The time step (counter) a code belongs to, within one step of `timestampMs`; null if none. */
export function matchTotpStep(secretBase32: string, code: string, timestampMs: number) {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = TOTP.validate({
    token: code,
    secret: Secret.fromBase32(secretBase32),
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: PERIOD_S,
    timestamp: timestampMs,
    window: WINDOW,
  });
  return delta === null ? null : TOTP.counter({ period: PERIOD_S, timestamp: timestampMs }) + delta;
}

/** Crockford's base32 alphabet: no I, L, O or U to misread. */
const RECOVERY_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
export const RECOVERY_CODE_COUNT = 10;

/** Ten single-use recovery codes, `xxxxx-xxxxx` (50 random bits each). */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = [...randomBytes(10)].map((b) => RECOVERY_ALPHABET[b % 32]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** What the user typed, as stored: lower case, no spaces or dashes, look-alikes read as digits. */
export function normaliseRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]/g, "").replace(/[il]/g, "1").replace(/o/g, "0");
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normaliseRecoveryCode(code)).digest("hex");
}
