import { describe, expect, it } from "vitest";
import {
  activeFilterCount,
  issueListUrl,
  myWorkUrl,
  readQueueFilters,
  readQueueView,
} from "./issue-queue";

describe("readQueueFilters", () => {
  it("reads every filter from the query string", () => {
    const filters = readQueueFilters(
      new URLSearchParams(
        "status=referred&category=4&source=phone&overdue=true&womanOfficer=false&sort=due&page=3",
      ),
    );
    expect(filters).toEqual({
      status: "referred",
      category: 4,
      source: "phone",
      overdue: true,
      womanOfficer: false,
      sort: "due",
      page: 3,
    });
    expect(activeFilterCount(filters)).toBe(5);
  });

  it("treats unknown and malformed values as any", () => {
    const filters = readQueueFilters(
      new URLSearchParams("status=lost&category=-2&source=email&overdue=yes&sort=random&page=0"),
    );
    expect(filters).toEqual({
      status: null,
      category: null,
      source: null,
      overdue: null,
      womanOfficer: null,
      sort: "newest",
      page: 1,
    });
    expect(activeFilterCount(filters)).toBe(0);
  });
});

describe("issueListUrl", () => {
  it("writes only what narrows or orders the list", () => {
    expect(issueListUrl(readQueueFilters(new URLSearchParams()), null)).toBe(
      "/api/community-issues",
    );
    expect(
      issueListUrl(
        readQueueFilters(new URLSearchParams("overdue=true&womanOfficer=true&page=2")),
        7,
      ),
    ).toBe("/api/community-issues?overdue=true&womanOfficer=true&unit=7&page=2");
    expect(issueListUrl(readQueueFilters(new URLSearchParams("sort=updated")), null)).toBe(
      "/api/community-issues?sort=updated",
    );
  });
});

describe("queue view and my work", () => {
  it("starts officers in their own work and others in the full list", () => {
    expect(readQueueView(null, true)).toBe("mine");
    expect(readQueueView("all", true)).toBe("all");
    expect(readQueueView("mine", false)).toBe("all");
  });

  it("pages my work", () => {
    expect(myWorkUrl(1)).toBe("/api/community-issues/my-work");
    expect(myWorkUrl(2)).toBe("/api/community-issues/my-work?page=2");
  });
});
