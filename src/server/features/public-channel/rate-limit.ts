import { isIPv6 } from "node:net";

/**
 * In-memory token buckets for the public channel: one per client address and one for everyone,
 * for each kind of request. No third-party service and no database: right for the embedded
 * deployment (one process). Behind a reverse proxy set TANDEM_TRUST_PROXY=true, or every request
 * seems to come from the proxy and shares one bucket. Addresses are held in memory only, never
 * written with an issue.
 */
export interface BucketPolicy {
  /** Requests allowed at once (the burst). */
  readonly capacity: number;
  /** Tokens added back per second (> 0). */
  readonly refillPerSecond: number;
}

export interface RateLimitPolicy {
  readonly perAddress: BucketPolicy;
  readonly overall: BucketPolicy;
}

/** `submit`: raising a problem. `follow`: the follow-up page, its answer, and the public lists. */
export interface PublicRateLimits {
  readonly submit: RateLimitPolicy;
  readonly follow: RateLimitPolicy;
}

/**
 * Defaults. Many phones share one address behind a mobile carrier's NAT, so the per-address
 * bucket is generous; the overall one keeps a flood from many addresses from filling the database.
 */
export const DEFAULT_PUBLIC_RATE_LIMITS: PublicRateLimits = {
  submit: {
    perAddress: { capacity: 10, refillPerSecond: 10 / 3600 },
    overall: { capacity: 200, refillPerSecond: 20 },
  },
  follow: {
    perAddress: { capacity: 60, refillPerSecond: 1 },
    overall: { capacity: 1000, refillPerSecond: 200 },
  },
};

/** Addresses remembered at most; beyond, the least recently seen are forgotten. */
export const MAX_TRACKED_ADDRESSES = 50_000;

interface Bucket {
  readonly tokens: number;
  /** Milliseconds of the clock when `tokens` was measured. */
  readonly at: number;
}

function levelOf(bucket: Bucket | undefined, policy: BucketPolicy, now: number): number {
  if (!bucket) return policy.capacity;
  const elapsed = Math.max(0, now - bucket.at) / 1000;
  return Math.min(policy.capacity, bucket.tokens + elapsed * policy.refillPerSecond);
}

function secondsUntilOne(tokens: number, policy: BucketPolicy): number {
  return Math.max(1, Math.ceil((1 - tokens) / policy.refillPerSecond));
}

function expandIPv6(address: string): string[] {
  const [head = "", tail] = address.split("%")[0]?.split("::") ?? [];
  const groups = (part: string | undefined) =>
    part ? part.split(":").flatMap((g) => (g.includes(".") ? ["0", "0"] : [g])) : [];
  const left = groups(head);
  const right = groups(tail);
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...zeros, ...right].map((g) => Number.parseInt(g || "0", 16).toString(16));
}

/**
 * The key of a client address: an IPv4 address as it is (also when IPv4-mapped), an IPv6 address
 * by its /64 network, which one subscriber usually holds whole.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(ip.split("%")[0] ?? "")) return ip;
  return `${expandIPv6(ip).slice(0, 4).join(":")}::/64`;
}

/**
 * A limiter for one policy. `take(address)` spends a token from the address's bucket and from the
 * overall one, and answers null; or, when either is empty, spends nothing and answers the seconds
 * to wait. A refused request costs the others nothing: one address's flood leaves everyone else
 * their share of the overall bucket.
 */
export function createRateLimiter(
  policy: RateLimitPolicy,
  options: { now: () => number; maxAddresses?: number },
) {
  const maxAddresses = options.maxAddresses ?? MAX_TRACKED_ADDRESSES;
  const buckets = new Map<string, Bucket>();
  let overall: Bucket | undefined;

  return {
    take(address: string): number | null {
      const now = options.now();
      const key = addressKey(address);
      const mine = levelOf(buckets.get(key), policy.perAddress, now);
      if (mine < 1) return secondsUntilOne(mine, policy.perAddress);
      const all = levelOf(overall, policy.overall, now);
      if (all < 1) return secondsUntilOne(all, policy.overall);
      // Re-inserted, so the map's order is least recently seen first.
      buckets.delete(key);
      buckets.set(key, { tokens: mine - 1, at: now });
      overall = { tokens: all - 1, at: now };
      for (const oldest of buckets.keys()) {
        if (buckets.size <= maxAddresses) break;
        buckets.delete(oldest);
      }
      return null;
    },
    /** How many addresses are remembered (bounded by `maxAddresses`). */
    get trackedAddresses(): number {
      return buckets.size;
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
