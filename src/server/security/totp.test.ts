import { Secret } from "otpauth";
import { describe, expect, it } from "vitest";
import {
  generateRecoveryCodes,
  generateTotpSecret,
  hashRecoveryCode,
  matchTotpStep,
  normaliseRecoveryCode,
  totpCode,
  totpUri,
  type TotpAlgorithm,
} from "./totp";

/** RFC 6238, Appendix B: the seeds are these ASCII strings, codes have 8 digits. */
const seeds: Record<TotpAlgorithm, string> = {
  SHA1: "12345678901234567890",
  SHA256: "12345678901234567890123456789012",
  SHA512: "1234567890123456789012345678901234567890123456789012345678901234",
};

const vectors: ReadonlyArray<[number, string, TotpAlgorithm]> = [
  [59, "94287082", "SHA1"],
  [59, "46119246", "SHA256"],
  [59, "90693936", "SHA512"],
  [1111111109, "07081804", "SHA1"],
  [1111111109, "68084774", "SHA256"],
  [1111111109, "25091201", "SHA512"],
  [1111111111, "14050471", "SHA1"],
  [1111111111, "67062674", "SHA256"],
  [1111111111, "99943326", "SHA512"],
  [1234567890, "89005924", "SHA1"],
  [1234567890, "91819424", "SHA256"],
  [1234567890, "93441116", "SHA512"],
  [2000000000, "69279037", "SHA1"],
  [2000000000, "90698825", "SHA256"],
  [2000000000, "38618901", "SHA512"],
  [20000000000, "65353130", "SHA1"],
  [20000000000, "77737706", "SHA256"],
  [20000000000, "47863826", "SHA512"],
];

describe("TOTP (RFC 6238)", () => {
  it.each(vectors)("at T=%i s the code is %s (%s)", (seconds, expected, algorithm) => {
    const secret = Secret.fromUTF8(seeds[algorithm]).base32;
    expect(totpCode(secret, seconds * 1000, { algorithm, digits: 8 })).toBe(expected);
  });

  it("gives 6-digit SHA-1 codes: the last six digits of the RFC's 8-digit ones", () => {
    const secret = Secret.fromUTF8(seeds.SHA1).base32;
    expect(totpCode(secret, 1111111109_000)).toBe("081804");
  });

  it("accepts the current, previous and next step only, and says which step matched", () => {
    const secret = generateTotpSecret();
    const now = 1_700_000_000_000;
    const step = Math.floor(now / 30_000);
    expect(matchTotpStep(secret, totpCode(secret, now), now)).toBe(step);
    expect(matchTotpStep(secret, totpCode(secret, now - 30_000), now)).toBe(step - 1);
    expect(matchTotpStep(secret, totpCode(secret, now + 30_000), now)).toBe(step + 1);
    expect(matchTotpStep(secret, totpCode(secret, now - 60_000), now)).toBeNull();
    expect(matchTotpStep(secret, totpCode(secret, now + 60_000), now)).toBeNull();
    expect(matchTotpStep(secret, "12345", now)).toBeNull();
    expect(matchTotpStep(secret, "abcdef", now)).toBeNull();
  });

  it("makes 160-bit secrets and an otpauth URI naming Tandem and the user", () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(generateTotpSecret()).not.toBe(secret);
    const uri = new URL(totpUri(secret, "ana"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Tandem:ana");
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      issuer: "Tandem",
      secret,
      algorithm: "SHA1",
      digits: "6",
      period: "30",
    });
  });
});

describe("recovery codes", () => {
  it("makes ten distinct codes of the form xxxxx-xxxxx without look-alike letters", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
  });

  it("reads a code typed in capitals, with spaces or look-alikes, as the same code", () => {
    expect(normaliseRecoveryCode(" AB1C0-DEFGH ")).toBe("ab1c0defgh");
    expect(hashRecoveryCode("ABiCo DEFGH")).toBe(hashRecoveryCode("ab1c0-defgh"));
    expect(hashRecoveryCode("ab1c0-defgh")).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode("ab1c0-defgj")).not.toBe(hashRecoveryCode("ab1c0-defgh"));
  });
});
