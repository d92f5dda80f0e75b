import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { sql, type Kysely } from "kysely";
import type { DB } from "../src/server/db/schema";
import { SESSION_COOKIE } from "../src/server/http/access";
import { generateToken, hashToken } from "../src/server/security/tokens";

export interface TestSession {
  readonly cookie: string;
  readonly csrfToken: string;
}

/**
 * An active session for a user, written straight to the database (as a completed sign-in would
 * leave it, second factor included), so tests about scope and administration do not depend on
 * the sign-in ceremony of each role.
 */
export async function openSession(db: Kysely<DB>, userId: number): Promise<TestSession> {
  const token = generateToken();
  const csrfToken = generateToken();
  const now = new Date();
  await sql`INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at, csrf_token)
    VALUES (${hashToken(token)}, ${userId}, ${now}, ${now}, ${new Date(now.getTime() + 3_600_000)}, ${csrfToken})`.execute(
    db,
  );
  return { cookie: `${SESSION_COOKIE}=${token}`, csrfToken };
}

/** A request as the session's user, with the CSRF header that cookie-authenticated writes need. */
export function injectWith(
  app: FastifyInstance,
  session: TestSession,
  options: InjectOptions & { url: string },
): Promise<LightMyRequestResponse> {
  return app.inject({
    ...options,
    headers: { ...options.headers, cookie: session.cookie, "x-csrf-token": session.csrfToken },
  });
}
