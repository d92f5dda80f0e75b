import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allowedTransitions,
  checkTransition,
  finalIssueStatuses,
  isFinalStatus,
  issueStatuses,
  nextStatuses,
  REOPEN_STATUS,
  type IssueStatus,
  type LifecycleActor,
} from "./issue-lifecycle";

const status = fc.constantFrom(...issueStatuses);
const actor = fc.constantFrom<LifecycleActor>("staff", "resident");
const reason = fc.option(fc.oneof(fc.constant("  "), fc.string({ maxLength: 20 })), {
  nil: undefined,
});
const pairs = new Set(allowedTransitions().map(([from, to]) => `${from}>${to}`));

describe("community issue lifecycle", () => {
  it("follows the documented examples", () => {
    expect(checkTransition({ from: "new", to: "resolved", actor: "staff" })).toBe("not_allowed");
    expect(checkTransition({ from: "new", to: "solved_on_the_spot", actor: "staff" })).toBeNull();
    expect(checkTransition({ from: "referred", to: "solved_on_the_spot", actor: "staff" })).toBe(
      "not_allowed",
    );
    expect(
      checkTransition({ from: "in_follow_up", to: "closed_not_resolved", actor: "staff" }),
    ).toBe("reason_required");
    expect(
      checkTransition({ from: "new", to: "closed_without_action", actor: "staff", reason: " " }),
    ).toBe("reason_required");
    expect(
      checkTransition({ from: "new", to: "closed_without_action", actor: "staff", reason: "dup" }),
    ).toBeNull();
    // Reopening: an officer gives a reason, a resident need not; a resident can do nothing else.
    expect(checkTransition({ from: "resolved", to: "in_follow_up", actor: "staff" })).toBe(
      "reason_required",
    );
    expect(checkTransition({ from: "resolved", to: "in_follow_up", actor: "resident" })).toBeNull();
    expect(checkTransition({ from: "new", to: "referred", actor: "resident" })).toBe(
      "not_allowed_for_actor",
    );
    expect(checkTransition({ from: "resolved", to: "referred", actor: "staff" })).toBe(
      "not_allowed",
    );
    expect(nextStatuses("new", "staff")).toEqual([
      "solved_on_the_spot",
      "referred",
      "in_follow_up",
      "closed_without_action",
    ]);
    expect(nextStatuses("closed_not_resolved", "resident")).toEqual(["in_follow_up"]);
  });

  it("accepts exactly the stored pairs, and never a move to the same status", () => {
    fc.assert(
      fc.property(status, status, actor, reason, (from, to, who, why) => {
        const refusal = checkTransition({ from, to, actor: who, reason: why });
        if (refusal === null) expect(pairs.has(`${from}>${to}`)).toBe(true);
        if (!pairs.has(`${from}>${to}`)) expect(refusal).toBe("not_allowed");
        expect(pairs.has(`${from}>${from}`)).toBe(false);
      }),
    );
  });

  it("lets a resident only reopen, and always asks a reason for the two closed statuses", () => {
    fc.assert(
      fc.property(status, status, actor, reason, (from, to, who, why) => {
        const refusal = checkTransition({ from, to, actor: who, reason: why });
        if (refusal !== null) return;
        if (who === "resident") {
          expect(isFinalStatus(from)).toBe(true);
          expect(to).toBe(REOPEN_STATUS);
        }
        if (to === "closed_without_action" || to === "closed_not_resolved") {
          expect((why ?? "").trim()).not.toBe("");
        }
      }),
    );
  });

  it("keeps every walk of accepted moves consistent: final states are left only by reopening", () => {
    const step = fc.record({ to: status, actor, reason });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let current: IssueStatus = "new";
        let wasFinal = false;
        for (const s of steps) {
          if (checkTransition({ from: current, ...s }) !== null) continue;
          if (wasFinal) expect(s.to).toBe(REOPEN_STATUS);
          if (s.to === "solved_on_the_spot") expect(current).toBe("new");
          current = s.to;
          wasFinal = isFinalStatus(current);
        }
        expect(issueStatuses).toContain(current);
      }),
    );
  });

  it("has no dead ends: every status reaches a final one, and every status is reachable", () => {
    const reachable = (start: IssueStatus) => {
      const seen = new Set<IssueStatus>([start]);
      const queue = [start];
      for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
        for (const next of nextStatuses(s, "staff")) {
          if (!seen.has(next)) {
            seen.add(next);
            queue.push(next);
          }
        }
      }
      return seen;
    };
    for (const s of issueStatuses) {
      expect([...reachable(s)].some((r) => isFinalStatus(r) && r !== s) || isFinalStatus(s)).toBe(
        true,
      );
    }
    expect([...reachable("new")].sort()).toEqual([...issueStatuses].sort());
    for (const final of finalIssueStatuses)
      expect(nextStatuses(final, "staff")).toEqual([REOPEN_STATUS]);
  });
});
