import type { Kysely } from "kysely";
import type { DB, SessionState } from "../../db/schema";

export interface SessionRow {
  userId: number;
  username: string;
  displayName: string;
  locale: string;
  state: SessionState;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** Server-side sessions: the cookie carries a random token, the table stores its SHA-256. */
export function createAuthRepository(db: Kysely<DB>) {
  return {
    async insertSession(input: {
      tokenHash: string;
      userId: number;
      state: SessionState;
      csrfToken: string;
      createdAt: Date;
      expiresAt: Date;
      ip: string | null;
      userAgent: string | null;
    }): Promise<void> {
      await db
        .insertInto("sessions")
        .values({
          token_hash: input.tokenHash,
          user_id: input.userId,
          state: input.state,
          csrf_token: input.csrfToken,
          // The service's clock, not the database's: expiry is judged against the same clock.
          created_at: input.createdAt,
          last_seen_at: input.createdAt,
          expires_at: input.expiresAt,
          ip: input.ip,
          user_agent: input.userAgent,
        })
        .execute();
    },

    async findSession(tokenHash: string): Promise<SessionRow | undefined> {
      const row = await db
        .selectFrom("sessions as s")
        .innerJoin("users as u", "u.id", "s.user_id")
        .select([
          "s.user_id as userId",
          "u.username as username",
          "u.display_name as displayName",
          "u.locale as locale",
          "s.state as state",
          "s.csrf_token as csrfToken",
          "s.created_at as createdAt",
          "s.last_seen_at as lastSeenAt",
          "s.expires_at as expiresAt",
        ])
        .where("s.token_hash", "=", tokenHash)
        .where("u.is_disabled", "=", false)
        .executeTakeFirst();
      return row;
    },

    async touchSession(tokenHash: string, now: Date): Promise<void> {
      await db
        .updateTable("sessions")
        .set({ last_seen_at: now })
        .where("token_hash", "=", tokenHash)
        .execute();
    },

    async deleteSession(tokenHash: string): Promise<void> {
      await db.deleteFrom("sessions").where("token_hash", "=", tokenHash).execute();
    },

    /** Revokes every session of the user (all processes read sessions from this table). */
    async deleteUserSessions(userId: number, exceptTokenHash?: string): Promise<void> {
      let query = db.deleteFrom("sessions").where("user_id", "=", userId);
      if (exceptTokenHash !== undefined) query = query.where("token_hash", "!=", exceptTokenHash);
      await query.execute();
    },

    async setSessionState(tokenHash: string, state: SessionState): Promise<void> {
      await db.updateTable("sessions").set({ state }).where("token_hash", "=", tokenHash).execute();
    },

    /** Deletes sessions past their absolute expiry (idle ones go when next presented). */
    async purgeExpired(now: Date): Promise<void> {
      await db.deleteFrom("sessions").where("expires_at", "<=", now).execute();
    },
  };
}

export type AuthRepository = ReturnType<typeof createAuthRepository>;
