import { describe, expect, it } from "vitest";
import { checkTransition, issueStatuses, isFinalStatus } from "../community/issue-lifecycle";
import { REFERENCE_PATTERN } from "../community/reference-code";
import { issueSources } from "../community/vocabulary";
import { dayNumber } from "./calendar";
import { generateCommunityDemo, COMMUNITY_DEMO_DAYS } from "./community";
import { MINUTES_PER_DAY } from "./community-lifecycle";
import { buildDemoUnits } from "./country";

const END_DAY = dayNumber(2024, 1, 1);
const units = buildDemoUnits("small", 3);
const demo = generateCommunityDemo(units, { seed: 3, endDay: END_DAY });

describe("demo community policing", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    expect(generateCommunityDemo(units, { seed: 3, endDay: END_DAY })).toEqual(demo);
    const other = generateCommunityDemo(units, { seed: 4, endDay: END_DAY });
    expect(other.issues.map((i) => i.reference)).not.toEqual(demo.issues.map((i) => i.reference));
  });

  it("covers every source and status, reopened issues and unmet woman-officer requests", () => {
    expect(new Set(demo.issues.map((i) => i.source))).toEqual(new Set(issueSources));
    expect(new Set(demo.issues.map((i) => i.status))).toEqual(new Set(issueStatuses));
    expect(demo.issues.some((i) => i.reopenCount > 0)).toBe(true);
    expect(demo.issues.some((i) => i.womanOfficerRequested && !i.womanOfficerAssigned)).toBe(true);
    expect(demo.issues.some((i) => i.womanOfficerRequested && i.womanOfficerAssigned)).toBe(true);
    expect(demo.issues.some((i) => i.referrals.some((r) => r.outcome === null))).toBe(true);
    expect(demo.issues.some((i) => i.residentConfirmation === "not_fixed")).toBe(true);
    const overdue = demo.issues.filter((i) => !isFinalStatus(i.status) && i.dueDay < END_DAY);
    expect(overdue.length).toBeGreaterThan(0);
    expect(demo.sessions.length).toBeGreaterThan(100);
    expect(demo.feedback.some((f) => f.sessionIndex !== null)).toBe(true);
    expect(demo.feedback.some((f) => f.issueIndex !== null)).toBe(true);
  });

  it("replays every issue's history through the lifecycle, inside the two years", () => {
    const start = (END_DAY - COMMUNITY_DEMO_DAYS) * MINUTES_PER_DAY;
    const end = END_DAY * MINUTES_PER_DAY;
    const references = new Set<string>();
    for (const issue of demo.issues) {
      expect(issue.reference).toMatch(REFERENCE_PATTERN);
      references.add(issue.reference);
      let status = "new" as (typeof issueStatuses)[number];
      let last = issue.createdAt;
      expect(issue.createdAt).toBeGreaterThanOrEqual(start);
      for (const event of issue.events) {
        expect(event.at).toBeGreaterThanOrEqual(last);
        expect(event.at).toBeLessThan(end);
        last = event.at;
        if (event.kind !== "status" && event.kind !== "reopen") continue;
        expect(event.from).toBe(status);
        const actor = event.actor === "resident" ? "resident" : "staff";
        const to = event.to ?? "new";
        expect(checkTransition({ from: status, to, actor, reason: event.reason })).toBeNull();
        status = to;
      }
      expect(issue.status).toBe(status);
      expect(issue.closedAt !== null).toBe(isFinalStatus(issue.status));
      expect(issue.events.filter((e) => e.kind === "reopen")).toHaveLength(issue.reopenCount);
      if (issue.sessionIndex !== null) expect(issue.source).toBe("outreach");
      if (issue.isAnonymous) expect(issue.contact).toBeNull();
    }
    expect(references.size).toBe(demo.issues.length);
  });

  it("counts attendance by sex and age group, refers only to stakeholders serving the unit", () => {
    for (const session of demo.sessions) {
      expect(session.attendance.length).toBeGreaterThan(0);
      for (const cell of session.attendance) expect(cell.count).toBeGreaterThan(0);
      expect(new Set(session.attendance.map((c) => `${c.sex}/${c.ageGroup}`)).size).toBe(
        session.attendance.length,
      );
    }
    for (const issue of demo.issues) {
      for (const referral of issue.referrals) {
        const stakeholder = demo.stakeholders[referral.stakeholderIndex];
        expect(stakeholder?.isActive).toBe(true);
      }
    }
    for (const answer of demo.feedback.flatMap((f) => f.answers)) {
      expect((answer.value === null) !== (answer.choice === null)).toBe(true);
    }
  });
});
