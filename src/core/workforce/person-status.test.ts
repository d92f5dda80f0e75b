import { describe, expect, it } from "vitest";
import { personStatusOf } from "./person-status";

describe("personStatusOf", () => {
  it.each([
    [{ validTo: null, onLeave: false }, "active"],
    [{ validTo: null, onLeave: true }, "on_leave"],
    [{ validTo: "2024-06-15", onLeave: false }, "left"],
    [{ validTo: "2024-01-01", onLeave: true }, "left"],
    // A spell closing after today (a planned exit) still counts as serving.
    [{ validTo: "2024-07-01", onLeave: false }, "active"],
  ] as const)("reads %j on 2024-06-15 as %s", (latest, status) => {
    expect(personStatusOf(latest, "2024-06-15")).toBe(status);
  });
});
