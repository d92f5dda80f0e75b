import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";

export interface SessionRow {
  userId: number;
  username: string;
  displayName: string;
  locale: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export function createAuthRepository(db: Kysely<DB>) {
  return {
    async insertSession(input: {
      tokenHash: string;
      userId: number;
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
  };
}

export type AuthRepository = ReturnType<typeof createAuthRepository>;
