import { AppError } from "../../../core/errors";
import type { ThrottleKind, ThrottleRepository } from "./throttle.repository";

export interface ThrottleLimits {
  /** Failures allowed in one window; the one that reaches this number locks the key. */
  readonly maxFailures: number;
  readonly windowMs: number;
  readonly lockMs: number;
}

const MINUTE = 60_000;
/** 5 failed sign-ins to one account within 15 minutes lock it for 15 minutes. */
export const ACCOUNT_LIMITS: ThrottleLimits = {
  maxFailures: 5,
  windowMs: 15 * MINUTE,
  lockMs: 15 * MINUTE,
};
/** One client address may fail more often (many people behind one office NAT), then is locked too. */
export const IP_LIMITS: ThrottleLimits = {
  maxFailures: 50,
  windowMs: 15 * MINUTE,
  lockMs: 15 * MINUTE,
};

/** Counters older than this are deleted now and then. */
const PURGE_AFTER_MS = 24 * 60 * MINUTE;

export interface ThrottleKeys {
  /** The normalised username as typed, whether or not such a user exists. */
  readonly account: string;
  readonly ip: string;
}

export type AttemptTicket =
  | { readonly isRefused: false; readonly accountAttempts: number; readonly ipAttempts: number }
  | { readonly isRefused: true; readonly kind: ThrottleKind; readonly lockedUntil: Date };

export interface FailureOutcome {
  /** The keys this failure locked (empty while under the limits). */
  readonly newlyLocked: readonly ThrottleKind[];
  readonly lockedUntil: Date | null;
}

/**
 * Throttling per account and per client IP, kept in the database. An attempt is counted *before*
 * the password is checked, so parallel guesses from several processes cannot exceed the limit; an
 * attempt that succeeds gives its count back.
 */
export function createSignInThrottle(deps: {
  repo: ThrottleRepository;
  now: () => Date;
  account?: ThrottleLimits;
  ip?: ThrottleLimits;
}) {
  const limits: Record<ThrottleKind, ThrottleLimits> = {
    account: deps.account ?? ACCOUNT_LIMITS,
    ip: deps.ip ?? IP_LIMITS,
  };

  async function take(kind: ThrottleKind, key: string, now: Date) {
    const limit = limits[kind];
    const windowStart = new Date(now.getTime() - limit.windowMs);
    const reservation = await deps.repo.reserve(kind, key, now, windowStart);
    if (reservation.lockedUntil) return { isLocked: true as const, until: reservation.lockedUntil };
    if (reservation.attempts > limit.maxFailures) {
      // More attempts in flight than the limit allows (a parallel burst): lock now.
      const until = new Date(now.getTime() + limit.lockMs);
      await deps.repo.lock(kind, key, until);
      return { isLocked: true as const, until };
    }
    return { isLocked: false as const, attempts: reservation.attempts };
  }

  return {
    limits,

    async begin(keys: ThrottleKeys): Promise<AttemptTicket> {
      const now = deps.now();
      const ip = await take("ip", keys.ip, now);
      if (ip.isLocked) return { isRefused: true, kind: "ip", lockedUntil: ip.until };
      const account = await take("account", keys.account, now);
      if (account.isLocked) {
        await deps.repo.release("ip", keys.ip);
        return { isRefused: true, kind: "account", lockedUntil: account.until };
      }
      return { isRefused: false, accountAttempts: account.attempts, ipAttempts: ip.attempts };
    },

    async fail(
      keys: ThrottleKeys,
      ticket: Extract<AttemptTicket, { isRefused: false }>,
    ): Promise<FailureOutcome> {
      const now = deps.now();
      const newlyLocked: ThrottleKind[] = [];
      let lockedUntil: Date | null = null;
      for (const [kind, attempts] of [
        ["account", ticket.accountAttempts],
        ["ip", ticket.ipAttempts],
      ] as const) {
        if (attempts < limits[kind].maxFailures) continue;
        const until = new Date(now.getTime() + limits[kind].lockMs);
        await deps.repo.lock(kind, keys[kind], until);
        newlyLocked.push(kind);
        if (!lockedUntil || until > lockedUntil) lockedUntil = until;
      }
      return { newlyLocked, lockedUntil };
    },

    async succeed(keys: ThrottleKeys): Promise<void> {
      const now = deps.now();
      await deps.repo.clear("account", keys.account);
      await deps.repo.release("ip", keys.ip);
      await deps.repo.purge(new Date(now.getTime() - PURGE_AFTER_MS), now);
    },
  };
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;

/**
 * The refusal while a key is locked. `retryAfterSeconds` (also the Retry-After header) is exact;
 * `retryAfterMinutes` rounds it up to whole minutes for the message, and is 0 under a minute, where
 * the message counts seconds instead ("Try again in 15 minutes", "… in 40 seconds").
 */
export function lockedError(lockedUntil: Date, now: Date): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
  const retryAfterMinutes = retryAfterSeconds < 60 ? 0 : Math.ceil(retryAfterSeconds / 60);
  return new AppError("auth.locked", { retryAfterSeconds, retryAfterMinutes });
}
