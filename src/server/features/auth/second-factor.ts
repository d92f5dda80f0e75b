import type { SecretBox } from "../../security/secret-box";
import { hashRecoveryCode, matchTotpStep, normaliseRecoveryCode } from "../../security/totp";
import type { TwoFactorRepository } from "./two-factor.repository";

export type SecondFactorMethod = "totp" | "recovery_code";

/** Seals TOTP secrets for one user (the user id is bound into the ciphertext) and checks codes. */
export function createSecondFactor(deps: {
  repo: TwoFactorRepository;
  box: SecretBox;
  now: () => Date;
}) {
  const contextOf = (userId: number) => `totp:${userId}`;
  return {
    seal: (userId: number, secret: string) => deps.box.seal(secret, contextOf(userId)),
    open: (userId: number, sealed: string) => deps.box.open(sealed, contextOf(userId)),

    /**
     * Checks a 6-digit TOTP code (replays refused) or an unused recovery code, and consumes it.
     * Returns how the user proved it, or null.
     */
    async verify(userId: number, input: string): Promise<SecondFactorMethod | null> {
      const code = input.replace(/\s/g, "");
      if (/^\d{6}$/.test(code)) {
        const row = await deps.repo.findTotp(userId);
        if (!row?.confirmedAt) return null;
        const secret = deps.box.open(row.secretEncrypted, contextOf(userId));
        const step = matchTotpStep(secret, code, deps.now().getTime());
        if (step === null) return null;
        return (await deps.repo.useStep(userId, step)) ? "totp" : null;
      }
      if (!/^[0-9a-z]{10}$/.test(normaliseRecoveryCode(code))) return null;
      const isUsed = await deps.repo.useRecoveryCode(userId, hashRecoveryCode(code), deps.now());
      return isUsed ? "recovery_code" : null;
    },
  };
}

export type SecondFactor = ReturnType<typeof createSecondFactor>;
