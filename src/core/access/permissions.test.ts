import { describe, expect, it } from "vitest";
import { actions, canPerform, permissions, roles } from "./permissions";

describe("permissions", () => {
  it("gives admin every action", () => {
    expect([...permissions.admin].sort()).toEqual([...actions].sort());
  });
  it("denies by default: unknown roles and empty role lists may do nothing", () => {
    for (const action of actions) {
      expect(canPerform([], action)).toBe(false);
      expect(canPerform(["janitor"], action)).toBe(false);
    }
  });
  it("only lists known actions for every role", () => {
    for (const role of roles) {
      for (const action of permissions[role]) expect(actions).toContain(action);
    }
  });
  it("keeps auditors away from workforce numbers until issue 4 decides otherwise", () => {
    expect(canPerform(["auditor"], "workforce.headline.read")).toBe(false);
    expect(canPerform(["auditor", "hq-analyst"], "workforce.headline.read")).toBe(true);
  });
  it("lets only admins and auditors read and export the audit trail", () => {
    for (const action of ["audit.read", "audit.export"] as const) {
      expect(roles.filter((role) => permissions[role].includes(action))).toEqual([
        "admin",
        "auditor",
      ]);
    }
  });
  it("keeps projections (raw small stocks and flows) from partner-viewers", () => {
    expect(canPerform(["partner-viewer"], "projections.read")).toBe(false);
    expect(canPerform(["partner-viewer"], "workforce.headline.read")).toBe(true);
    expect(canPerform(["hq-analyst"], "projections.read")).toBe(true);
  });
});
