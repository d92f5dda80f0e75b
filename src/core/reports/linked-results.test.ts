import { describe, expect, it } from "vitest";
import { annualReportFixture, externalAnnualReportFixture } from "../../../test/report-fixtures";
import { alignLinkedResults } from "./linked-results";

describe("alignLinkedResults", () => {
  it("takes the exits by sex from the leavers' total line, and withholds rates over a hidden count", () => {
    const { results } = annualReportFixture();
    const leavers = results.leavers_by_reason;
    const hidden = {
      ...leavers,
      total: { ...leavers.total, counts: { F: null, M: 100, X: 0, U: null, N: 130 } },
    };
    const aligned = alignLinkedResults({ ...results, leavers_by_reason: hidden });
    const total = aligned.separation_rate.total;
    expect(total.counts).toEqual(hidden.total.counts);
    expect(total.numerator).toBe(130);
    expect(total.bySex?.F).toMatchObject({ value: null, suppression: "derived" });
    expect(total.bySex?.M).toMatchObject({ value: 60 / 1180, numerator: 100 });
    expect(total.bySex?.U).toMatchObject({ value: null, suppression: "derived" });
  });

  it("withholds the whole separation line when the leavers' total is hidden", () => {
    const { results } = annualReportFixture();
    const leavers = results.leavers_by_reason;
    const aligned = alignLinkedResults({
      ...results,
      leavers_by_reason: {
        ...leavers,
        total: { ...leavers.total, counts: { F: null, M: null, X: 0, U: 0, N: null } },
      },
    });
    expect(aligned.separation_rate.total).toMatchObject({
      value: null,
      numerator: null,
      suppression: "derived",
    });
  });

  it("withholds the glass-ceiling index when the headcount table hides a count of women or men", () => {
    const internal = alignLinkedResults(annualReportFixture().results);
    expect(internal.glass_ceiling.total.value).toBe(2.26);
    const external = alignLinkedResults(externalAnnualReportFixture().results);
    expect(external.glass_ceiling.total).toMatchObject({
      value: null,
      numerator: null,
      denominator: null,
      suppression: "derived",
    });
  });
});
