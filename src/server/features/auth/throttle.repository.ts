import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema";

export type ThrottleKind = "account" | "ip";

export interface Reservation {
  /** Attempts counted in the current window, this one included (unchanged while locked). */
  readonly attempts: number;
  readonly lockedUntil: Date | null;
}

/**
 * Sign-in attempt counters in the database, so every process behind a load balancer sees the same
 * count. Each operation is one statement (an atomic upsert or update): no read-then-write races.
 */
export function createThrottleRepository(db: Kysely<DB>) {
  return {
    /**
     * Counts one more attempt for the key, unless it is locked (then nothing changes). A window older
     * than `windowStart`, or a lock that has ended, starts a fresh count at 1.
     */
    async reserve(kind: ThrottleKind, key: string, now: Date, windowStart: Date) {
      const isLocked = sql`t.locked_until > ${now}`;
      const isStale = sql`(t.locked_until IS NOT NULL OR t.window_started_at <= ${windowStart})`;
      const result = await sql<{ failures: number; locked_until: Date | null }>`
        INSERT INTO sign_in_throttle AS t (kind, key, window_started_at, failures, locked_until)
        VALUES (${kind}, ${key}, ${now}, 1, NULL)
        ON CONFLICT (kind, key) DO UPDATE SET
          failures = CASE WHEN ${isLocked} THEN t.failures WHEN ${isStale} THEN 1
                          ELSE t.failures + 1 END,
          window_started_at = CASE WHEN ${isLocked} THEN t.window_started_at
                                   WHEN ${isStale} THEN ${now} ELSE t.window_started_at END,
          locked_until = CASE WHEN ${isLocked} THEN t.locked_until ELSE NULL END
        RETURNING failures, locked_until`.execute(db);
      const row = result.rows[0];
      if (!row) throw new Error("sign_in_throttle: the upsert returned no row");
      return {
        attempts: Number(row.failures),
        lockedUntil: row.locked_until === null ? null : new Date(row.locked_until),
      } satisfies Reservation;
    },

    async lock(kind: ThrottleKind, key: string, until: Date): Promise<void> {
      await db
        .updateTable("sign_in_throttle")
        .set({ locked_until: until })
        .where("kind", "=", kind)
        .where("key", "=", key)
        .execute();
    },

    /** Gives back an attempt that turned out not to be a guess (a correct password, a refusal). */
    async release(kind: ThrottleKind, key: string): Promise<void> {
      await db
        .updateTable("sign_in_throttle")
        .set({ failures: sql`GREATEST(failures - 1, 0)` })
        .where("kind", "=", kind)
        .where("key", "=", key)
        .execute();
    },

    async clear(kind: ThrottleKind, key: string): Promise<void> {
      await db
        .deleteFrom("sign_in_throttle")
        .where("kind", "=", kind)
        .where("key", "=", key)
        .execute();
    },

    /** Forgets counters whose window started before `before` and that hold no lock at `now`. */
    async purge(before: Date, now: Date): Promise<void> {
      await db
        .deleteFrom("sign_in_throttle")
        .where("window_started_at", "<", before)
        .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<=", now)]))
        .execute();
    },
  };
}

export type ThrottleRepository = ReturnType<typeof createThrottleRepository>;
