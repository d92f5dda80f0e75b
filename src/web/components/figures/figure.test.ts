import { describe, expect, it } from "vitest";
import { countFigureOf, figureOf, HIDDEN_COUNT_KEY, UNKNOWN_REASON_KEY } from "./figure";

describe("figureOf", () => {
  it("keeps a value, 0 included", () => {
    expect(figureOf({ value: 0, suppression: null })).toEqual({ kind: "value", value: 0 });
  });

  it("gives a null value its reason text, never 0", () => {
    expect(figureOf({ value: null, reason: "no_men_promoted_rate", suppression: null })).toEqual({
      kind: "missing",
      messageKey: "web.indicatorReasons.no_men_promoted_rate",
    });
    expect(figureOf({ value: null, reason: "something_new", suppression: null })).toEqual({
      kind: "missing",
      messageKey: UNKNOWN_REASON_KEY,
    });
  });

  it("marks a withheld value as suppressed with the sdc message", () => {
    expect(figureOf({ value: null, reason: "suppressed", suppression: null })).toEqual({
      kind: "suppressed",
      messageKey: "sdc.suppressed_derived",
    });
    expect(figureOf({ value: null, suppression: "primary" })).toEqual({
      kind: "suppressed",
      messageKey: "sdc.suppressed_primary",
    });
    expect(
      figureOf({ value: null, reason: "sdc.suppressed_complementary", suppression: "derived" }),
    ).toEqual({ kind: "suppressed", messageKey: "sdc.suppressed_complementary" });
  });
});

describe("countFigureOf", () => {
  it("shows a count, and a hidden count as suppressed with the row's reason when it has one", () => {
    expect(countFigureOf(0, null)).toEqual({ kind: "value", value: 0 });
    expect(countFigureOf(null, "complementary")).toEqual({
      kind: "suppressed",
      messageKey: "sdc.suppressed_complementary",
    });
    expect(countFigureOf(null, "derived")).toEqual({
      kind: "suppressed",
      messageKey: HIDDEN_COUNT_KEY,
    });
  });
});
