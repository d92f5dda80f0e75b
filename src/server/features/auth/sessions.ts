import type { SessionState } from "../../db/schema";
import { generateToken, hashToken } from "../../security/tokens";
import type { AuthRepository } from "./auth.repository";

const MINUTE = 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * MINUTE;
export const SESSION_IDLE_MS = 2 * 60 * MINUTE;
/** A password accepted with a second factor pending: a few minutes to type the code. */
export const SECOND_FACTOR_PENDING_MS = 5 * MINUTE;
/** Time to install an authenticator app and enrol, for roles that require it. */
export const ENROLMENT_MS = 30 * MINUTE;

const lifetime: Readonly<Record<SessionState, number>> = {
  active: SESSION_ABSOLUTE_MS,
  second_factor: SECOND_FACTOR_PENDING_MS,
  enrolment: ENROLMENT_MS,
};

export interface ClientInfo {
  readonly ip: string | null;
  readonly userAgent: string | null;
}

/** A new session: the cookie value and the CSRF token are returned once; only a hash is stored. */
export interface IssuedSession {
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
  readonly state: SessionState;
}

export function createSessionIssuer(deps: { auth: AuthRepository; now: () => Date }) {
  return {
    async issue(userId: number, state: SessionState, client: ClientInfo): Promise<IssuedSession> {
      const token = generateToken();
      const csrfToken = generateToken();
      const createdAt = deps.now();
      const expiresAt = new Date(createdAt.getTime() + lifetime[state]);
      await deps.auth.insertSession({
        tokenHash: hashToken(token),
        userId,
        state,
        csrfToken,
        createdAt,
        expiresAt,
        ...client,
      });
      return { token, csrfToken, expiresAt, state };
    },

    /** Replaces a session by a new one (new token: a state change never keeps the old cookie). */
    async rotate(
      oldTokenHash: string,
      userId: number,
      state: SessionState,
      client: ClientInfo,
    ): Promise<IssuedSession> {
      await deps.auth.deleteSession(oldTokenHash);
      return this.issue(userId, state, client);
    },
  };
}

export type SessionIssuer = ReturnType<typeof createSessionIssuer>;
