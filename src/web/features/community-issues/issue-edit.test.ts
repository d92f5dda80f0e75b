import { describe, expect, it } from "vitest";
import type { IssueDetail } from "../../../core/schemas/community-issues";
import { changedIssueFields } from "./issue-edit";

const issue = {
  category: { id: 4 },
  place: "Phum Thmei",
  dueOn: "2025-07-01",
  womanOfficerRequested: false,
} as IssueDetail;

const same = {
  categoryId: 4,
  place: "Phum Thmei",
  dueOn: "2025-07-01",
  womanOfficerRequested: false,
};

describe("correcting an issue's details", () => {
  it("sends nothing when nothing changed", () => {
    expect(changedIssueFields(issue, same)).toEqual({});
  });

  it("sends only what changed, and clears a place or a due date left blank", () => {
    expect(
      changedIssueFields(issue, {
        ...same,
        categoryId: 6,
        place: "  ",
        womanOfficerRequested: true,
      }),
    ).toEqual({ categoryId: 6, place: null, womanOfficerRequested: true });
    expect(changedIssueFields(issue, { ...same, dueOn: "" })).toEqual({ dueOn: null });
    expect(changedIssueFields({ ...issue, place: null }, { ...same, place: "Wat" })).toEqual({
      place: "Wat",
    });
  });
});
