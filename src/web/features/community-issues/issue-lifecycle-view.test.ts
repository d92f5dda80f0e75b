import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isFinalStatus,
  issueStatuses,
  nextStatuses,
  type IssueStatus,
} from "../../../core/community/issue-lifecycle";
import { dueStateOf, lifecycleActionsFor, type LifecycleAction } from "./issue-lifecycle-view";

const offered = (status: IssueStatus) =>
  lifecycleActionsFor(status, nextStatuses(status, "staff")).map((action) =>
    action.kind === "refer" ? "refer" : action.to,
  );

describe("lifecycleActionsFor", () => {
  it.each([
    ["new", ["solved_on_the_spot", "refer", "in_follow_up", "closed_without_action"]],
    [
      "referred",
      [
        "refer",
        "in_follow_up",
        "resolved",
        "partly_resolved",
        "closed_without_action",
        "closed_not_resolved",
      ],
    ],
    [
      "in_follow_up",
      ["refer", "resolved", "partly_resolved", "closed_without_action", "closed_not_resolved"],
    ],
    ["resolved", ["in_follow_up"]],
    ["solved_on_the_spot", ["in_follow_up"]],
    ["closed_not_resolved", ["in_follow_up"]],
  ] as const)("offers for %s: %j", (status, actions) => {
    expect(offered(status)).toEqual(actions);
  });

  it("asks for a reason to close, and to reopen, and not to resolve", () => {
    const byTarget = (status: IssueStatus) =>
      new Map(
        lifecycleActionsFor(status, nextStatuses(status, "staff"))
          .filter(
            (a): a is Extract<LifecycleAction, { kind: "transition" }> => a.kind === "transition",
          )
          .map((a) => [a.to, a]),
      );
    const open = byTarget("in_follow_up");
    expect(open.get("closed_not_resolved")?.isReasonRequired).toBe(true);
    expect(open.get("closed_without_action")?.isReasonRequired).toBe(true);
    expect(open.get("resolved")?.isReasonRequired).toBe(false);
    expect(open.get("partly_resolved")?.isReasonRequired).toBe(false);
    const reopen = byTarget("partly_resolved").get("in_follow_up");
    expect(reopen).toMatchObject({ isReasonRequired: true, isReopening: true });
    expect(byTarget("new").get("in_follow_up")).toMatchObject({
      isReasonRequired: false,
      isReopening: false,
    });
  });

  it("never offers a status the server does not allow, and refers only open issues", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...issueStatuses),
        fc.subarray([...issueStatuses]),
        (status, allowed) => {
          const actions = lifecycleActionsFor(status, allowed);
          for (const action of actions) {
            if (action.kind === "transition") expect(allowed).toContain(action.to);
            else expect(isFinalStatus(status)).toBe(false);
            if (action.kind === "transition") expect(action.to).not.toBe("referred");
          }
          expect(actions.some((a) => a.kind === "refer")).toBe(!isFinalStatus(status));
        },
      ),
    );
  });
});

describe("dueStateOf", () => {
  const today = "2024-06-15";
  it.each([
    [
      { status: "new", dueOn: "2024-06-10", isOverdue: true },
      { kind: "overdue", days: 5 },
    ],
    [{ status: "referred", dueOn: "2024-06-15", isOverdue: false }, { kind: "today" }],
    [
      { status: "in_follow_up", dueOn: "2024-06-18", isOverdue: false },
      { kind: "upcoming", days: 3 },
    ],
    [{ status: "resolved", dueOn: "2024-06-01", isOverdue: false }, { kind: "none" }],
    [{ status: "new", dueOn: null, isOverdue: false }, { kind: "none" }],
    // The server's clock is a day ahead of the browser's: still overdue, by at least a day.
    [
      { status: "new", dueOn: "2024-06-15", isOverdue: true },
      { kind: "overdue", days: 1 },
    ],
    // The browser is a day ahead: not overdue for the server, so "due today".
    [{ status: "new", dueOn: "2024-06-14", isOverdue: false }, { kind: "today" }],
  ] as const)("%j is %j", (issue, state) => {
    expect(dueStateOf(issue, today)).toEqual(state);
  });

  it("counts days across a month and a leap day", () => {
    expect(
      dueStateOf({ status: "new", dueOn: "2024-02-27", isOverdue: true }, "2024-03-02"),
    ).toEqual({ kind: "overdue", days: 4 });
  });
});
