import { describe, expect, it } from "vitest";
import { isTwoFactorRequired } from "./two-factor-policy";

describe("two-factor policy", () => {
  it.each([
    [["admin"], true],
    [["case-officer"], true],
    [["hq-analyst", "case-officer"], true],
    [["community-officer"], true],
    [["unit-manager"], false],
    [["hq-analyst"], false],
    [["auditor", "partner-viewer"], false],
    [[], false],
  ])("requires a second factor for %j: %s", (roles, expected) => {
    expect(isTwoFactorRequired(roles)).toBe(expected);
  });
});
