import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addressKey, createRateLimiter, type RateLimitPolicy } from "./rate-limit";

const policy: RateLimitPolicy = {
  perAddress: { capacity: 3, refillPerSecond: 0.5 },
  overall: { capacity: 5, refillPerSecond: 2 },
};

describe("public channel rate limits", () => {
  it("refuses an address after its burst, tells it when to come back, and lets others through", () => {
    let now = 1_000_000;
    const limiter = createRateLimiter(policy, { now: () => now });
    expect([1, 2, 3].map(() => limiter.take("10.0.0.1"))).toEqual([null, null, null]);
    expect(limiter.take("10.0.0.1")).toBe(2);
    expect(limiter.take("10.0.0.2")).toBeNull();
    now += 2000;
    expect(limiter.take("10.0.0.1")).toBeNull();
    expect(limiter.take("10.0.0.1")).toBe(2);
  });

  it("caps everyone together with the overall bucket", () => {
    const limiter = createRateLimiter(policy, { now: () => 0 });
    const answers = ["a", "b", "c", "d", "e", "f"].map((a) =>
      limiter.take(`10.0.1.${a.charCodeAt(0)}`),
    );
    expect(answers).toEqual([null, null, null, null, null, 1]);
  });

  it("never grants an address more than its burst plus what refilled, nor everyone more than theirs", () => {
    const step = fc.record({ address: fc.nat(3), advanceMs: fc.nat(3000) });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 200 }), (steps) => {
        let now = 0;
        const limiter = createRateLimiter(policy, { now: () => now });
        const granted = new Map<number, number>();
        let total = 0;
        for (const s of steps) {
          now += s.advanceMs;
          if (limiter.take(`192.0.2.${s.address}`) !== null) continue;
          granted.set(s.address, (granted.get(s.address) ?? 0) + 1);
          total++;
          const seconds = now / 1000;
          const mine = granted.get(s.address) ?? 0;
          expect(mine).toBeLessThanOrEqual(3 + seconds * 0.5 + 1e-9);
          expect(total).toBeLessThanOrEqual(5 + seconds * 2 + 1e-9);
        }
      }),
    );
  });

  it("remembers a bounded number of addresses, forgetting the least recently seen", () => {
    const limiter = createRateLimiter(
      { perAddress: policy.perAddress, overall: { capacity: 1e9, refillPerSecond: 1 } },
      { now: () => 0, maxAddresses: 100 },
    );
    for (let i = 0; i < 1000; i++) limiter.take(`10.1.${Math.floor(i / 256)}.${i % 256}`);
    expect(limiter.trackedAddresses).toBe(100);
  });

  it("keys IPv4 as is (also IPv4-mapped) and IPv6 by its /64", () => {
    expect(addressKey("203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("2001:db8:0:1:aaaa::1")).toBe("2001:db8:0:1::/64");
    expect(addressKey("2001:0DB8:0000:0001:ffff:1:2:3")).toBe("2001:db8:0:1::/64");
    expect(addressKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
    const limiter = createRateLimiter(policy, { now: () => 0 });
    for (const suffix of ["1", "2", "3"])
      expect(limiter.take(`2001:db8:0:1::${suffix}`)).toBeNull();
    expect(limiter.take("2001:db8:0:1:ffff::9")).not.toBeNull();
    expect(limiter.take("2001:db8:0:2::1")).toBeNull();
  });
});
