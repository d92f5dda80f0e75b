import type { Locale, SessionUser } from "../../../core/schemas/auth";
import { AppError } from "../../../core/errors";
import { generatePassword, hashPassword, verifyPassword } from "../../security/password";
import { generateToken, hashToken } from "../../security/tokens";
import type { UsersRepository } from "../users/users.repository";
import type { AuthRepository } from "./auth.repository";

export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 60 * 1000;

/** Unknown usernames are checked against a real hash, so a miss costs what a wrong password costs. */
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(generatePassword(32));
  return dummyHash;
}

export interface AuthContext {
  readonly user: SessionUser;
  /** Role assignments with the materialised path of their unit, for scoping. */
  readonly assignments: ReadonlyArray<{ role: string; orgUnitId: number; path: string }>;
}

export function createAuthService(deps: {
  auth: AuthRepository;
  users: UsersRepository;
  now: () => Date;
}) {
  async function loadContext(
    userId: number,
    base: Omit<SessionUser, "roles">,
  ): Promise<AuthContext> {
    const assignments = await deps.users.listRoles(userId);
    return {
      user: { ...base, roles: assignments.map(({ role, orgUnitId }) => ({ role, orgUnitId })) },
      assignments,
    };
  }

  return {
    async login(
      username: string,
      password: string,
      client: { ip: string | null; userAgent: string | null },
    ): Promise<{ token: string; expiresAt: Date; context: AuthContext }> {
      const user = await deps.users.findByUsername(username.trim().toLowerCase());
      const isValid = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), password);
      if (!user || !isValid || user.isDisabled) throw new AppError("auth.invalid_credentials");
      const token = generateToken();
      const createdAt = deps.now();
      const expiresAt = new Date(createdAt.getTime() + SESSION_ABSOLUTE_MS);
      await deps.auth.insertSession({
        tokenHash: hashToken(token),
        userId: user.id,
        createdAt,
        expiresAt,
        ...client,
      });
      const context = await loadContext(user.id, {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        locale: user.locale as Locale,
      });
      return { token, expiresAt, context };
    },

    /** Resolves a session cookie; expired or idle sessions are deleted and yield undefined. */
    async resolve(token: string): Promise<AuthContext | undefined> {
      const tokenHash = hashToken(token);
      const session = await deps.auth.findSession(tokenHash);
      if (!session) return undefined;
      const now = deps.now();
      const isExpired =
        session.expiresAt.getTime() <= now.getTime() ||
        now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS;
      if (isExpired) {
        await deps.auth.deleteSession(tokenHash);
        return undefined;
      }
      if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
        await deps.auth.touchSession(tokenHash, now);
      }
      return loadContext(session.userId, {
        id: session.userId,
        username: session.username,
        displayName: session.displayName,
        locale: session.locale as Locale,
      });
    },

    logout: (token: string) => deps.auth.deleteSession(hashToken(token)),

    setLocale: (userId: number, locale: Locale) => deps.users.updateLocale(userId, locale),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
