/** Roles (issue 4) and the single table mapping each role to the actions it may perform. */
export const roles = [
  "admin",
  "hq-analyst",
  "hr-officer",
  "unit-manager",
  "community-officer",
  "case-officer",
  "peacekeeping-officer",
  "training-officer",
  "partner-viewer",
  "auditor",
] as const;
export type Role = (typeof roles)[number];

export const actions = ["org_units.read", "workforce.headline.read"] as const;
export type Action = (typeof actions)[number];

const everyone: readonly Action[] = ["org_units.read", "workforce.headline.read"];

export const permissions: Readonly<Record<Role, readonly Action[]>> = {
  admin: actions,
  "hq-analyst": everyone,
  "hr-officer": everyone,
  "unit-manager": everyone,
  "community-officer": everyone,
  "case-officer": everyone,
  "peacekeeping-officer": everyone,
  "training-officer": everyone,
  "partner-viewer": everyone,
  auditor: ["org_units.read"],
};

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export function canPerform(userRoles: readonly string[], action: Action): boolean {
  return userRoles.some((role) => isRole(role) && permissions[role].includes(action));
}
