import { describe, expect, it } from "vitest";
import { exportUrl, parsePage, personSearchUrl } from "./person-urls";

describe("personSearchUrl", () => {
  it.each([
    [{ q: null, unit: null, page: 1 }, "/api/persons"],
    [{ q: "  KH-0 ", unit: 7, page: 1 }, "/api/persons?q=KH-0&unit=7"],
    [{ q: "", unit: -1, page: 3 }, "/api/persons?page=3"],
    [{ q: "a&b=c", unit: null, page: 1 }, "/api/persons?q=a%26b%3Dc"],
  ])("writes %j as %s", (values, url) => {
    expect(personSearchUrl(values)).toBe(url);
  });
});

describe("exportUrl", () => {
  it("carries the date, unit and format, leaving out what is malformed", () => {
    expect(exportUrl("personnel", "xlsx", { at: "2024-06-30", unit: 4 })).toBe(
      "/api/exports/personnel?at=2024-06-30&unit=4&format=xlsx",
    );
    expect(exportUrl("events", "csv", { at: "30/06/2024", unit: null })).toBe(
      "/api/exports/events?format=csv",
    );
  });
});

describe("parsePage", () => {
  it.each([
    [null, 1],
    ["2", 2],
    ["0", 1],
    ["1.5", 1],
    ["x", 1],
  ])("reads %j as page %d", (raw, page) => {
    expect(parsePage(raw)).toBe(page);
  });
});
