import { describe, expect, it } from "vitest";
import { lastTwelveMonths } from "./period";

describe("lastTwelveMonths", () => {
  it("ends the day after the as-of date so that the date itself is counted", () => {
    expect(lastTwelveMonths("2025-06-30")).toEqual({ from: "2024-07-01", to: "2025-07-01" });
    expect(lastTwelveMonths("2024-12-31")).toEqual({ from: "2024-01-01", to: "2025-01-01" });
  });

  it("handles 29 February", () => {
    expect(lastTwelveMonths("2024-02-28")).toEqual({ from: "2023-03-01", to: "2024-02-29" });
    expect(lastTwelveMonths("2024-02-29")).toEqual({ from: "2023-03-01", to: "2024-03-01" });
  });
});
