import { isTwoFactorRequired } from "../../../core/access/two-factor-policy";
import { AppError } from "../../../core/errors";
import type { ResolvedSession } from "../../http/auth-context";
import {
  generateRecoveryCodes,
  generateTotpSecret,
  hashRecoveryCode,
  matchTotpStep,
  totpUri,
} from "../../security/totp";
import type { AuthAudit } from "./auth-audit";
import type { AuthRepository } from "./auth.repository";
import type { AuthService, LoginOutcome } from "./auth.service";
import type { SecondFactor } from "./second-factor";
import type { ClientInfo, SessionIssuer } from "./sessions";
import type { TwoFactorRepository } from "./two-factor.repository";

/** Enrolment in, and removal of, TOTP two-factor sign-in for the signed-in user. */
export function createTwoFactorService(deps: {
  repo: TwoFactorRepository;
  secondFactor: SecondFactor;
  auth: AuthRepository;
  authService: Pick<AuthService, "checkPassword">;
  sessions: SessionIssuer;
  audit: AuthAudit;
  now: () => Date;
}) {
  const rolesOf = (session: ResolvedSession) => session.context.user.roles.map((r) => r.role);

  return {
    async status(session: ResolvedSession) {
      return {
        isEnabled: await deps.repo.isEnabled(session.context.user.id),
        isRequired: isTwoFactorRequired(rolesOf(session)),
      };
    },

    /** A new secret (replacing any unconfirmed one): shown once as text and as a QR code. */
    async setup(session: ResolvedSession): Promise<{ secret: string; uri: string }> {
      const { user } = session.context;
      const secret = generateTotpSecret();
      const sealed = deps.secondFactor.seal(user.id, secret);
      if (!(await deps.repo.savePendingSecret(user.id, sealed, deps.now()))) {
        throw new AppError("auth.two_factor_already_enabled");
      }
      return { secret, uri: totpUri(secret, user.username) };
    },

    /**
     * The first code from the authenticator turns two-factor sign-in on and yields ten recovery
     * codes (shown once). The session is replaced by a fully signed-in one.
     */
    async confirm(
      session: ResolvedSession,
      code: string,
      client: ClientInfo,
    ): Promise<LoginOutcome & { recoveryCodes: string[] }> {
      const { user } = session.context;
      const row = await deps.repo.findTotp(user.id);
      if (!row) throw new AppError("auth.two_factor_not_started");
      if (row.confirmedAt) throw new AppError("auth.two_factor_already_enabled");
      const secret = deps.secondFactor.open(user.id, row.secretEncrypted);
      const step = matchTotpStep(secret, code.replace(/\s/g, ""), deps.now().getTime());
      if (step === null) throw new AppError("auth.second_factor_invalid");
      const recoveryCodes = generateRecoveryCodes();
      const isConfirmed = await deps.repo.confirm({
        userId: user.id,
        step,
        now: deps.now(),
        recoveryCodeHashes: recoveryCodes.map(hashRecoveryCode),
      });
      if (!isConfirmed) throw new AppError("auth.two_factor_already_enabled");
      const fresh = await deps.sessions.rotate(session.tokenHash, user.id, "active", client);
      await deps.audit.record({
        action: "auth.two_factor_enable",
        outcome: "success",
        user,
        client,
        fields: ["totp_secret", "recovery_codes"],
      });
      return { session: fresh, context: session.context, recoveryCodes };
    },

    /**
     * Ten new recovery codes (shown once) after the password is confirmed, as for turning two-step
     * sign-in off; every earlier code, used or not, stops working.
     */
    async regenerateRecoveryCodes(
      session: ResolvedSession,
      password: string,
      client: ClientInfo,
    ): Promise<{ recoveryCodes: string[] }> {
      const { user } = session.context;
      const action = "auth.recovery_codes_regenerate";
      const checked = await deps.authService.checkPassword({
        username: user.username,
        password,
        client,
        action,
      });
      if (!checked) throw new AppError("auth.password_incorrect");
      const recoveryCodes = generateRecoveryCodes();
      const isReplaced = await deps.repo.replaceRecoveryCodes(
        user.id,
        recoveryCodes.map(hashRecoveryCode),
      );
      if (!isReplaced) throw new AppError("auth.two_factor_not_enabled");
      await deps.audit.record({
        action,
        outcome: "success",
        user,
        client,
        fields: ["recovery_codes"],
      });
      return { recoveryCodes };
    },

    /**
     * Turns two-factor sign-in off after the password is confirmed; the user's other sessions end.
     * Where the role requires it, this session may then only enrol again (e.g. with a new phone).
     */
    async disable(
      session: ResolvedSession,
      password: string,
      client: ClientInfo,
    ): Promise<{ isEnrolmentRequired: boolean }> {
      const { user } = session.context;
      const checked = await deps.authService.checkPassword({
        username: user.username,
        password,
        client,
        action: "auth.two_factor_disable",
      });
      if (!checked) throw new AppError("auth.password_incorrect");
      if (!(await deps.repo.isEnabled(user.id))) throw new AppError("auth.two_factor_not_enabled");
      await deps.repo.remove(user.id);
      await deps.auth.deleteUserSessions(user.id, session.tokenHash);
      const isEnrolmentRequired = isTwoFactorRequired(rolesOf(session));
      if (isEnrolmentRequired) await deps.auth.setSessionState(session.tokenHash, "enrolment");
      await deps.audit.record({
        action: "auth.two_factor_disable",
        outcome: "success",
        user,
        client,
        fields: ["totp_secret", "recovery_codes"],
      });
      return { isEnrolmentRequired };
    },
  };
}

export type TwoFactorService = ReturnType<typeof createTwoFactorService>;
