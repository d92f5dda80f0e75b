import { describe, expect, it } from "vitest";
import {
  auditExportUrl,
  formatUtcTimestamp,
  toAuditQuery,
  type AuditFilterValues,
} from "./audit-filters";

const none: AuditFilterValues = { user: null, unit: null, action: null, from: null, to: null };

describe("toAuditQuery", () => {
  it("leaves out absent, blank and malformed filters", () => {
    expect(toAuditQuery(none).toString()).toBe("");
    expect(
      toAuditQuery({ user: "  ", unit: 0, action: " ", from: "2025-3-1", to: "" }).toString(),
    ).toBe("");
  });

  it("normalises the username and keeps every filter", () => {
    expect(
      toAuditQuery({
        user: " Ana ",
        unit: 17,
        action: "auth.",
        from: "2025-03-01",
        to: "2025-03-31",
      }).toString(),
    ).toBe("user=ana&unit=17&action=auth.&from=2025-03-01&to=2025-03-31");
  });
});

describe("auditExportUrl", () => {
  it("points at the CSV export with the same filters", () => {
    expect(auditExportUrl(none)).toBe("/api/audit/export.csv");
    expect(auditExportUrl({ ...none, action: "user.create", unit: 4 })).toBe(
      "/api/audit/export.csv?unit=4&action=user.create",
    );
  });
});

describe("formatUtcTimestamp", () => {
  it("shows date and time to the second", () => {
    expect(formatUtcTimestamp("2025-03-01T10:00:05.123Z")).toBe("2025-03-01 10:00:05");
  });
});
