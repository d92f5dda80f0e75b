import { z } from "zod";

export const locales = ["en", "km", "vi", "th", "ru", "kk"] as const;
export type Locale = (typeof locales)[number];

export const loginBody = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(1024),
});

export const sessionUser = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  locale: z.enum(locales),
  roles: z.array(z.object({ role: z.string(), orgUnitId: z.number().int() })),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const localeBody = z.object({ locale: z.enum(locales) });

/** The password policy's length bounds (the common-password list is checked on the server). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

const password = z.string().min(1).max(MAX_PASSWORD_LENGTH);

/** A fully signed-in session: who, and the token to send as `X-CSRF-Token` on writes. */
export const signedIn = z.object({ user: sessionUser, csrfToken: z.string() });

/**
 * The answer to a correct password: signed in; or a second factor is pending (nothing else is
 * reachable until it is given); or the user's role requires two-factor sign-in and they must enrol first.
 */
export const signInResult = z.discriminatedUnion("status", [
  z.object({ status: z.literal("signed_in"), user: sessionUser, csrfToken: z.string() }),
  z.object({ status: z.literal("second_factor_required"), csrfToken: z.string() }),
  z.object({ status: z.literal("enrolment_required"), user: sessionUser, csrfToken: z.string() }),
]);
export type SignInResult = z.infer<typeof signInResult>;

/** A 6-digit TOTP code or a recovery code (`xxxxx-xxxxx`); spaces and dashes are ignored. */
export const secondFactorBody = z.object({ code: z.string().min(6).max(32) });

export const twoFactorStatus = z.object({ isEnabled: z.boolean(), isRequired: z.boolean() });

export const meResponse = z.object({
  user: sessionUser,
  csrfToken: z.string(),
  /** True while the session may reach only the two-factor enrolment routes. */
  isEnrolmentRequired: z.boolean(),
  twoFactor: twoFactorStatus,
});
export type Me = z.infer<typeof meResponse>;

export const passwordChangeBody = z.object({ currentPassword: password, newPassword: password });

export const twoFactorSetupResponse = z.object({
  /** Base32, for typing into an authenticator app by hand. */
  secret: z.string(),
  /** `otpauth://totp/…`, shown as a QR code. */
  uri: z.string(),
});

export const twoFactorConfirmBody = z.object({ code: z.string().min(6).max(16) });

export const twoFactorConfirmResponse = signedIn.extend({
  /** Ten single-use codes, shown once. */
  recoveryCodes: z.array(z.string()),
});

export const twoFactorDisableBody = z.object({ password });

/** New recovery codes replace all earlier ones; the password confirms it is the user. */
export const recoveryCodesBody = z.object({ password });

export const recoveryCodesResponse = z.object({
  /** Ten single-use codes, shown once. */
  recoveryCodes: z.array(z.string()),
});
