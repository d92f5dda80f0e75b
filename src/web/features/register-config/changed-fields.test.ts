import { describe, expect, it } from "vitest";
import { changedFields } from "./changed-fields";

describe("changedFields", () => {
  it("keeps only the fields that differ from the record being edited", () => {
    const before = { code: "CON", name: "Constable", isActive: true, specialisation: null };
    expect(
      changedFields(before, {
        code: "CON",
        name: "Police Constable",
        isActive: false,
        specialisation: null,
      }),
    ).toEqual({ name: "Police Constable", isActive: false });
  });
  it("keeps every field of a new record", () => {
    expect(changedFields(null, { code: "X", name: "Y" })).toEqual({ code: "X", name: "Y" });
  });
});
