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

export const actions = [
  "org_units.read",
  "workforce.headline.read",
  /**
   * Markov projections of headcount and share of women by rank group (everyone who reads the
   * headline but partner-viewers: projections expose raw small stocks and flows).
   */
  "projections.read",
  /** Create, list and revoke API tokens for integrations (admin only). */
  "api_tokens.manage",
  /** Browse the audit trail (admin and auditor only). */
  "audit.read",
  /** Download the audit trail as CSV; the export is itself audited (admin and auditor only). */
  "audit.export",
  /** Open, rename, move and close org units, and import the tree from CSV (admin only). */
  "org_units.write",
  /** List user accounts and their role assignments (admin only; person-level). */
  "users.read",
  /** Create, disable and enable users; add and remove role assignments (admin only). */
  "users.write",
  /** Import personnel files, save mapping templates, correct career events (hr-officer, admin). */
  "personnel.write",
  /** Find a person and read their career timeline; every read is audited (person-level). */
  "personnel.read",
  /** Download the register or its event history as CSV or XLSX; audited (person-level). */
  "personnel.export",
  /** Edit the rank scheme and the job roles; national, so held at the root unit (admin only). */
  "register.configure",
  /** Read representation targets and their on-track status (everyone who reads the headline). */
  "targets.read",
  /** Set, change and delete representation targets of units in one's subtree (admin, hq-analyst). */
  "targets.write",
  /** Read outreach sessions, community issues (without contact details) and stakeholders (person-level). */
  "community.read",
  /** Record outreach and issues, move issues through their lifecycle, refer, keep the stakeholder directory. */
  "community.write",
  /** Decrypt a resident's contact details; every read is audited (person-level). */
  "community.contact.read",
  /** Edit the outreach topics and issue categories; national, so held at the root unit (admin only). */
  "community.configure",
] as const;
export type Action = (typeof actions)[number];

const everyone: readonly Action[] = [
  "org_units.read",
  "workforce.headline.read",
  "projections.read",
  "targets.read",
];

export const permissions: Readonly<Record<Role, readonly Action[]>> = {
  admin: actions,
  "hq-analyst": [...everyone, "personnel.read", "personnel.export", "targets.write"],
  "hr-officer": [...everyone, "personnel.write", "personnel.read", "personnel.export"],
  "unit-manager": [...everyone, "community.read", "community.write"],
  "community-officer": [...everyone, "community.read", "community.write", "community.contact.read"],
  "case-officer": everyone,
  "peacekeeping-officer": everyone,
  "training-officer": everyone,
  "partner-viewer": everyone.filter((action) => action !== "projections.read"),
  auditor: ["org_units.read", "audit.read", "audit.export"],
};

/**
 * Actions whose routes return person-level data (one row per person or account). A partner-viewer
 * holds none of them (aggregates with disclosure control only); a route that returns such data
 * declares `config.personLevel: true`, and `server/http/route-registry.ts` refuses to register it
 * under an action a partner-viewer holds.
 */
export const personLevelActions: readonly Action[] = [
  "users.read",
  "audit.read",
  "audit.export",
  "personnel.write",
  "personnel.read",
  "personnel.export",
  "community.read",
  "community.write",
  "community.contact.read",
];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** The roles that may perform `action`. */
export function rolesWith(action: Action): Role[] {
  return roles.filter((role) => permissions[role].includes(action));
}

export function canPerform(userRoles: readonly string[], action: Action): boolean {
  return userRoles.some((role) => isRole(role) && permissions[role].includes(action));
}
