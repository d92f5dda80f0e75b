import type { Role } from "./permissions";

/** Roles whose holders must sign in with a second factor (TOTP); for everyone else it is optional. */
export const rolesRequiringTwoFactor: readonly Role[] = ["admin", "case-officer"];

export function isTwoFactorRequired(userRoles: readonly string[]): boolean {
  return userRoles.some((role) => (rolesRequiringTwoFactor as readonly string[]).includes(role));
}
