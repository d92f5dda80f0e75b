import { isTwoFactorRequired } from "../../../core/access/two-factor-policy";
import { AppError } from "../../../core/errors";
import type { Locale, SessionUser } from "../../../core/schemas/auth";
import type { AuditActor, AuditRecorder } from "../../audit/recorder";
import type { SessionState } from "../../db/schema";
import type { AuthContext, ResolvedSession } from "../../http/auth-context";
import { generatePassword, hashPassword, verifyPassword } from "../../security/password";
import { hashToken } from "../../security/tokens";
import type { UserRecord, UsersRepository } from "../users/users.repository";
import { createAuthAudit } from "./auth-audit";
import type { AuthRepository } from "./auth.repository";
import type { SecondFactor } from "./second-factor";
import {
  SESSION_IDLE_MS,
  type ClientInfo,
  type IssuedSession,
  type SessionIssuer,
} from "./sessions";
import { lockedError, type SignInThrottle } from "./sign-in-throttle";
import type { TwoFactorRepository } from "./two-factor.repository";

export type { AuthContext } from "../../http/auth-context";
export { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "./sessions";

/** last_seen_at is written at most this often, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 60 * 1000;

/** Unknown usernames are checked against a real hash, so a miss costs what a wrong password costs. */
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(generatePassword(32));
  return dummyHash;
}

export interface LoginOutcome {
  readonly session: IssuedSession;
  readonly context: AuthContext;
}

export function createAuthService(deps: {
  auth: AuthRepository;
  users: UsersRepository;
  twoFactor: TwoFactorRepository;
  secondFactor: SecondFactor;
  throttle: SignInThrottle;
  sessions: SessionIssuer;
  now: () => Date;
  audit: AuditRecorder;
}) {
  const audit = createAuthAudit(deps);

  async function loadContext(userId: number, base: Omit<SessionUser, "roles">) {
    const assignments = await deps.users.listRoles(userId);
    const roles = assignments.map(({ role, orgUnitId }) => ({ role, orgUnitId }));
    return { user: { ...base, roles }, assignments } satisfies AuthContext;
  }

  const contextOf = (user: UserRecord) =>
    loadContext(user.id, {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      locale: user.locale as Locale,
    });

  /**
   * One throttled check of "is this the user's password" (sign-in, password change, turning off
   * two-factor sign-in): refused while locked, counted when wrong, every outcome audited.
   */
  async function checkPassword(input: {
    username: string;
    password: string;
    client: ClientInfo;
    action: string;
  }): Promise<UserRecord | undefined> {
    const name = input.username.trim().toLowerCase();
    const keys = { account: name, ip: input.client.ip ?? "unknown" };
    const ticket = await deps.throttle.begin(keys);
    const user = await deps.users.findByUsername(name);
    const known = user && { id: user.id, username: user.username };
    if (ticket.isRefused) {
      await audit.record({
        action: input.action,
        outcome: "denied",
        user: known,
        client: input.client,
      });
      throw lockedError(ticket.lockedUntil, deps.now());
    }
    const isValid = await verifyPassword(
      user?.passwordHash ?? (await getDummyHash()),
      input.password,
    );
    if (user && isValid && !user.isDisabled) {
      await deps.throttle.succeed(keys);
      return user;
    }
    const failure = await deps.throttle.fail(keys, ticket);
    await audit.record({
      action: input.action,
      outcome: "failure",
      user: known,
      client: input.client,
    });
    if (failure.newlyLocked.length > 0 && failure.lockedUntil) {
      await audit.record({
        action: "auth.lockout",
        outcome: "denied",
        user: known,
        client: input.client,
        fields: failure.newlyLocked.map((kind) => `throttle.${kind}`),
      });
      throw lockedError(failure.lockedUntil, deps.now());
    }
    return undefined;
  }

  return {
    checkPassword,

    /** The password step. With two-factor sign-in on, the session waits for the second factor. */
    async login(username: string, password: string, client: ClientInfo): Promise<LoginOutcome> {
      const user = await checkPassword({ username, password, client, action: "auth.sign_in" });
      if (!user) throw new AppError("auth.invalid_credentials");
      const context = await contextOf(user);
      const roles = context.user.roles.map((r) => r.role);
      let state: SessionState = "active";
      if (await deps.twoFactor.isEnabled(user.id)) state = "second_factor";
      else if (isTwoFactorRequired(roles)) state = "enrolment";
      await deps.auth.purgeExpired(deps.now());
      const session = await deps.sessions.issue(user.id, state, client);
      await audit.record({
        action: "auth.sign_in",
        outcome: "success",
        user,
        client,
        fields: state === "active" ? [] : [`session.${state}`],
      });
      return { session, context };
    },

    /** The second step: a TOTP code or a recovery code, throttled like a password. */
    async completeSecondFactor(
      pending: ResolvedSession,
      code: string,
      client: ClientInfo,
    ): Promise<LoginOutcome> {
      if (pending.state !== "second_factor") throw new AppError("auth.required");
      const { user } = pending.context;
      const keys = { account: user.username, ip: client.ip ?? "unknown" };
      const ticket = await deps.throttle.begin(keys);
      const action = "auth.second_factor";
      if (ticket.isRefused) {
        await audit.record({ action, outcome: "denied", user, client });
        throw lockedError(ticket.lockedUntil, deps.now());
      }
      const method = await deps.secondFactor.verify(user.id, code);
      if (!method) {
        const failure = await deps.throttle.fail(keys, ticket);
        await audit.record({ action, outcome: "failure", user, client });
        if (failure.lockedUntil) {
          await deps.auth.deleteSession(pending.tokenHash);
          await audit.record({ action: "auth.lockout", outcome: "denied", user, client });
          throw lockedError(failure.lockedUntil, deps.now());
        }
        throw new AppError("auth.second_factor_invalid");
      }
      await deps.throttle.succeed(keys);
      const session = await deps.sessions.rotate(pending.tokenHash, user.id, "active", client);
      await audit.record({ action, outcome: "success", user, client, fields: [method] });
      return { session, context: pending.context };
    },

    /** Resolves a session cookie in any state; expired or idle sessions are deleted. */
    async resolve(token: string): Promise<ResolvedSession | undefined> {
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
      const context = await loadContext(session.userId, {
        id: session.userId,
        username: session.username,
        displayName: session.displayName,
        locale: session.locale as Locale,
      });
      return { tokenHash, state: session.state, csrfToken: session.csrfToken, context };
    },

    /** Revokes the session; `actor` is the session's user (resolved from the same cookie), if any. */
    async logout(token: string, actor: AuditActor): Promise<void> {
      await deps.auth.deleteSession(hashToken(token));
      if (actor.userId === null) return;
      await deps.audit.record({
        actor,
        action: "auth.sign_out",
        entityType: "user",
        entityId: String(actor.userId),
        orgUnitId: (await deps.users.listRoles(actor.userId))[0]?.orgUnitId ?? null,
        fields: [],
        outcome: "success",
      });
    },

    async setLocale(userId: number, locale: Locale, actor: AuditActor): Promise<void> {
      await deps.users.updateLocale(userId, locale);
      await deps.audit.record({
        actor,
        action: "user.update",
        entityType: "user",
        entityId: String(userId),
        orgUnitId: (await deps.users.listRoles(userId))[0]?.orgUnitId ?? null,
        fields: ["locale"],
        outcome: "success",
      });
    },

    /**
     * Changes the user's own password: the current one is checked (throttled), the new one must
     * pass the policy. Every session of the user is revoked, on every process; a fresh one is issued.
     */
    async changePassword(
      session: ResolvedSession,
      input: { currentPassword: string; newPassword: string },
      client: ClientInfo,
    ): Promise<LoginOutcome> {
      const { user } = session.context;
      const checked = await checkPassword({
        username: user.username,
        password: input.currentPassword,
        client,
        action: "auth.password_change",
      });
      if (!checked) throw new AppError("auth.password_incorrect");
      const passwordHash = await hashPassword(input.newPassword);
      await deps.users.updatePassword(user.id, passwordHash);
      const fresh = await deps.sessions.issue(user.id, session.state, client);
      await audit.record({
        action: "auth.password_change",
        outcome: "success",
        user,
        client,
        fields: ["password"],
      });
      return { session: fresh, context: session.context };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
