import { describe, expect, it } from "vitest";
import { ApiError } from "../../lib/api-client";
import { fieldErrorOf } from "./field-errors";

describe("fieldErrorOf", () => {
  it("puts an oversized text beside its field, with the counts", () => {
    const error = new ApiError(400, "community.text_too_long", {
      field: "description",
      maxLength: 4000,
      length: 4001,
    });
    expect(fieldErrorOf(error)).toEqual({
      field: "description",
      key: "web.communityIssues.fieldError.tooLong",
      values: { length: 4001, maxLength: 4000 },
    });
  });

  it("names the reason of an invalid value, and falls back to a general one", () => {
    expect(
      fieldErrorOf(
        new ApiError(400, "community.invalid_value", { field: "responseOn", reason: "future" }),
      ),
    ).toMatchObject({ field: "responseOn", key: "web.communityIssues.fieldError.future" });
    expect(
      fieldErrorOf(
        new ApiError(400, "community.invalid_value", { field: "problems[1].contact", reason: "x" }),
      ),
    ).toMatchObject({ field: "contact", key: "web.communityIssues.fieldError.other" });
  });

  it("reads the path of a schema refusal, and the unit of an unknown org unit", () => {
    const invalid = new ApiError(400, "request.invalid", {
      issues: [{ path: "/raisedBy/sex", message: "Invalid option" }],
    });
    expect(fieldErrorOf(invalid)).toMatchObject({ field: "raisedBy.sex" });
    expect(fieldErrorOf(new ApiError(404, "org_unit.not_found", { id: 9 }))).toMatchObject({
      field: "unitId",
    });
  });

  it("leaves errors about no field to the form's alert", () => {
    expect(fieldErrorOf(new ApiError(400, "request.invalid", { issues: [{ path: "/" }] }))).toBe(
      null,
    );
    expect(fieldErrorOf(new ApiError(0, "client.network"))).toBe(null);
    expect(fieldErrorOf(new Error("boom"))).toBe(null);
    expect(fieldErrorOf(new ApiError(400, "community.text_too_long", {}))).toBe(null);
  });
});
