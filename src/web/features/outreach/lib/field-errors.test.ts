import { describe, expect, it } from "vitest";
import { fieldErrorsFromApi, fieldOfPointer, formFieldOf } from "./field-errors";

describe("API refusals → the form's fields", () => {
  it("puts a refused problem field beside that problem's field", () => {
    expect(
      fieldErrorsFromApi({
        code: "community.invalid_value",
        details: { field: "problems[1].categoryId", value: 99, reason: "unknown" },
      }),
    ).toEqual({ "problems[1].categoryId": { key: "unknown", values: { value: 99 } } });
  });

  it("says how long a text may be", () => {
    expect(
      fieldErrorsFromApi({
        code: "community.text_too_long",
        details: { field: "problems[0].description", maxLength: 4000, length: 4012 },
      }),
    ).toEqual({
      "problems[0].description": { key: "tooLong", values: { maxLength: 4000, length: 4012 } },
    });
  });

  it("marks the session's own fields, the unit and the lists", () => {
    expect(
      fieldErrorsFromApi({
        code: "community.invalid_value",
        details: { field: "heldOn", value: "2999-01-01", reason: "future" },
      }),
    ).toEqual({ heldOn: { key: "future", values: { value: "2999-01-01" } } });
    expect(
      fieldErrorsFromApi({
        code: "community.invalid_value",
        details: { field: "partnerIds", value: 4, reason: "not_eligible" },
      }),
    ).toEqual({ partnerIds: { key: "invalid", values: { value: 4 } } });
    expect(fieldErrorsFromApi({ code: "org_unit.not_found", details: { id: 3 } })).toEqual({
      unitId: { key: "unitNotFound" },
    });
  });

  it("reads request-validation paths", () => {
    expect(
      fieldErrorsFromApi({
        code: "request.invalid",
        details: {
          issues: [
            { path: "/problems/2/raisedBy/sex", message: "invalid" },
            { path: "/attendance/3/count", message: "too big" },
            { path: "/", message: "invalid" },
          ],
        },
      }),
    ).toEqual({
      "problems[2].raisedBySex": { key: "invalid" },
      attendance: { key: "invalid" },
    });
    expect(fieldOfPointer("/problems/0/description")).toBe("problems[0].description");
    expect(formFieldOf("topicIds[1]")).toBe("topicIds");
  });

  it("leaves refusals that name no field to the page", () => {
    expect(fieldErrorsFromApi({ code: "auth.forbidden", details: {} })).toBeNull();
    expect(fieldErrorsFromApi({ code: "client.network", details: {} })).toBeNull();
    expect(fieldErrorsFromApi({ code: "community.invalid_value", details: {} })).toBeNull();
  });
});
