import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createFollowUpSecret, isFollowUpSecretValid } from "./follow-up-secret";

/** Median nanoseconds of `rounds` batches of `batch` calls. */
function medianTime(check: () => boolean, rounds: number, batch: number): number {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) check();
    times.push(Number(process.hrtime.bigint() - start));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

describe("follow-up secrets", () => {
  it("open only with the secret whose hash is stored", () => {
    const { secret, hash } = createFollowUpSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(isFollowUpSecretValid(secret, hash)).toBe(true);
    expect(isFollowUpSecretValid(secret, null)).toBe(false);
    expect(isFollowUpSecretValid(secret, undefined)).toBe(false);
    expect(isFollowUpSecretValid(hash, hash)).toBe(false);
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (given) => {
        expect(isFollowUpSecretValid(given, hash)).toBe(given === secret);
      }),
    );
  });

  it("cost the same whether the secret is nearly right, wholly wrong, or there is no issue", () => {
    const { secret, hash } = createFollowUpSecret();
    const flip = (s: string, at: number) =>
      s.slice(0, at) + (s[at] === "A" ? "B" : "A") + s.slice(at + 1);
    const wrongFirst = flip(secret, 0);
    const wrongLast = flip(secret, secret.length - 1);
    const cases: Record<string, () => boolean> = {
      right: () => isFollowUpSecretValid(secret, hash),
      wrongFirst: () => isFollowUpSecretValid(wrongFirst, hash),
      wrongLast: () => isFollowUpSecretValid(wrongLast, hash),
      noHash: () => isFollowUpSecretValid(secret, null),
      unknownIssue: () => isFollowUpSecretValid(secret, undefined),
    };
    // Warm up, then interleave the cases so that load on the machine falls on all alike.
    for (const check of Object.values(cases)) medianTime(check, 3, 1000);
    const totals = Object.fromEntries(Object.keys(cases).map((name) => [name, 0]));
    for (let round = 0; round < 3; round++) {
      for (const [name, check] of Object.entries(cases)) {
        totals[name] = (totals[name] ?? 0) + medianTime(check, 7, 600);
      }
    }
    const values = Object.values(totals);
    // An early return without hashing (no issue, no hash) is about a hundred times faster.
    expect(Math.max(...values) / Math.min(...values), JSON.stringify(totals)).toBeLessThan(3);
  });
});
