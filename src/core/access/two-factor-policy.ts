import type { Role } from "./permissions";

/**
 * Roles whose holders must sign in with a second factor (TOTP); for everyone else it is optional.
 * Each reads personal data: officers' records (case-officer), residents' sealed contact details
 * (community-officer), everything (admin).
 */
export const rolesRequiringTwoFactor: readonly Role[] = [
  "admin",
  "case-officer",
  "community-officer",
];

export function isTwoFactorRequired(userRoles: readonly string[]): boolean {
  return userRoles.some((role) => (rolesRequiringTwoFactor as readonly string[]).includes(role));
}
