import { describe, expect, it } from "vitest";
import {
  computeMedianDaysToResolution,
  computeOfficerResolutionRate,
  computeOnTheSpotRate,
  computeOutreachSessions,
  computeOverdueShare,
  computeReferralCompletionRate,
  computeReferralRate,
  computeResidentConfirmedResolutionRate,
  computeSatisfaction,
  computeWomanOfficerRequestFulfilment,
  type DurationCount,
} from "./community";
import { toSexCounts } from "./share";

/** Twelve issues raised: 4 solved on the spot, 6 other first outcomes, 2 still new (pending). */
const FIRST_OUTCOMES = {
  solved_on_the_spot: toSexCounts({ F: 3, M: 1 }),
  referred: toSexCounts({ F: 2, M: 2 }),
  in_follow_up: toSexCounts({ M: 1 }),
  closed_without_action: toSexCounts({ U: 1 }),
  pending: toSexCounts({ F: 2 }),
};

describe("on-the-spot and referral rates (INDICATORS.md §7)", () => {
  it("divides by the issues with a first outcome and counts pending ones beside", () => {
    const result = computeOnTheSpotRate(FIRST_OUTCOMES);
    expect(result.value).toBe(0.4);
    expect([result.numerator, result.denominator]).toEqual([4, 10]);
    expect(result.parts.excluded.N).toBe(2);
    expect(result.counts).toEqual(toSexCounts({ F: 7, M: 4, U: 1 }));
    expect(result.bySex.F.value).toBe(0.6);
    expect(result.bySex.M.value).toBe(0.25);
    expect(result.bySex.U.value).toBe(0);
    expect(result.bySex.X).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
      reason: "empty_denominator",
    });
  });

  it("referral rate: first outcome referred over the same denominator", () => {
    const result = computeReferralRate(FIRST_OUTCOMES);
    expect(result.value).toBe(0.4);
    expect(result.bySex.M.value).toBe(0.5);
  });

  it("only pending issues give null with empty_denominator, never 0", () => {
    const result = computeOnTheSpotRate({ pending: toSexCounts({ F: 2, U: 1 }) });
    expect(result.value).toBeNull();
    expect(result.reason).toBe("empty_denominator");
    expect(result.counts.N).toBe(3);
    expect(computeReferralRate({}).reason).toBe("empty_denominator");
  });
});

describe("completion, resolution, overdue and woman-officer rates", () => {
  it("referral completion: referrals with a recorded outcome / referrals made", () => {
    const result = computeReferralCompletionRate({
      recorded: toSexCounts({ F: 3 }),
      awaiting: toSexCounts({ F: 1, M: 1 }),
    });
    expect(result.value).toBe(0.6);
    expect(computeReferralCompletionRate({}).value).toBeNull();
  });

  it("officer-reported: resolved and solved on the spot over every closure", () => {
    const result = computeOfficerResolutionRate({
      resolved: toSexCounts({ F: 5 }),
      solved_on_the_spot: toSexCounts({ M: 1 }),
      partly_resolved: toSexCounts({ F: 1 }),
      closed_without_action: toSexCounts({ M: 1 }),
      closed_not_resolved: toSexCounts({ U: 2 }),
    });
    expect([result.numerator, result.denominator]).toEqual([6, 10]);
    expect(result.value).toBe(0.6);
  });

  it("resident-confirmed: fixed over fixed + not fixed, don't know excluded and counted", () => {
    const result = computeResidentConfirmedResolutionRate({
      fixed: toSexCounts({ F: 2, M: 1 }),
      not_fixed: toSexCounts({ F: 1 }),
      dont_know: toSexCounts({ M: 2 }),
    });
    expect(result.value).toBe(0.75);
    expect(result.parts.excluded.N).toBe(2);
    expect(result.counts.N).toBe(6);
    const onlyDontKnow = computeResidentConfirmedResolutionRate({
      dont_know: toSexCounts({ F: 1 }),
    });
    expect(onlyDontKnow.value).toBeNull();
    expect(onlyDontKnow.reason).toBe("empty_denominator");
  });

  it("overdue share and woman-officer fulfilment", () => {
    expect(
      computeOverdueShare({
        overdue: toSexCounts({ F: 1 }),
        not_overdue: toSexCounts({ F: 2, M: 1 }),
      }).value,
    ).toBe(0.25);
    const fulfilment = computeWomanOfficerRequestFulfilment({
      assigned: toSexCounts({ F: 4 }),
      not_assigned: toSexCounts({ F: 1 }),
    });
    expect(fulfilment.value).toBe(0.8);
    expect(fulfilment.bySex.F.value).toBe(0.8);
    expect(computeWomanOfficerRequestFulfilment({}).reason).toBe("empty_denominator");
  });
});

describe("satisfaction by sex (INDICATORS.md §7, §4)", () => {
  // Women: 10 × 5, 8 × 4, 4 × 3, 2 × 2 and 3 "don't know"; men: 5 × 5, 5 × 4, 10 × 1.
  const answers = {
    "5": toSexCounts({ F: 10, M: 5 }),
    "4": toSexCounts({ F: 8, M: 5 }),
    "3": toSexCounts({ F: 4 }),
    "2": toSexCounts({ F: 2 }),
    "1": toSexCounts({ M: 10 }),
    dont_know: toSexCounts({ F: 3 }),
  };

  it("top-two box over valid answers with Wilson intervals worked by hand", () => {
    const result = computeSatisfaction(answers);
    expect([result.numerator, result.denominator]).toEqual([28, 44]);
    expect(result.parts.excluded.N).toBe(3);
    expect(result.bySex.F.value).toBe(0.75);
    expect(result.bySex.M.value).toBe(0.5);
    // p = 18/24, z = 1.959963984540054: centre ± half = 0.55100556…, 0.88000634…
    expect(result.bySex.F.ci?.low).toBeCloseTo(0.55100555994846, 12);
    expect(result.bySex.F.ci?.high).toBeCloseTo(0.8800063377140499, 12);
    expect(result.bySex.M.ci?.low).toBeCloseTo(0.2992980081982123, 12);
    expect(result.ci?.low).toBeCloseTo(0.4886637687904344, 12);
    expect(result.ci?.high).toBeCloseTo(0.762164702911798, 12);
    expect(result.ci?.basis).toBe("sample");
  });

  it("F − M with the Newcombe hybrid score interval", () => {
    const difference = computeSatisfaction(answers).differenceFM;
    expect(difference?.estimate).toBe(0.25);
    expect(difference?.low).toBeCloseTo(-0.032630636493340526, 12);
    expect(difference?.high).toBeCloseTo(0.4891295409585032, 12);
  });

  it("flags small_sample under 30 valid answers, per sex and overall", () => {
    const result = computeSatisfaction(answers);
    expect(result.flags).toEqual([]);
    expect(result.bySex.F.flags).toEqual(["small_sample"]);
    const thirty = computeSatisfaction({ "5": toSexCounts({ F: 30 }) });
    expect(thirty.bySex.F.flags).toEqual([]);
    expect(thirty.bySex.F.ci?.high).toBe(1);
  });

  it("no valid answer: null with empty_denominator, no interval, no difference", () => {
    const result = computeSatisfaction({ dont_know: toSexCounts({ F: 2 }) });
    expect(result.value).toBeNull();
    expect(result.reason).toBe("empty_denominator");
    expect(result.ci).toBeNull();
    expect(result.flags).toEqual([]);
    expect(result.differenceFM).toBeNull();
  });
});

describe("median days to resolution (INDICATORS.md §7)", () => {
  const d = (days: number, sex: "F" | "M" | "U", count = 1): DurationCount => ({
    days,
    sex,
    count,
  });

  it("odd count: the middle value; even count: the mean of the two middle values", () => {
    const open = toSexCounts({ F: 2 });
    expect(computeMedianDaysToResolution([d(9, "F"), d(1, "M"), d(5, "F")], open).value).toBe(5);
    const even = computeMedianDaysToResolution([d(2, "F"), d(9, "M"), d(4, "F"), d(7, "M")], open);
    expect(even.value).toBe(5.5);
    expect(even.denominator).toBe(4);
    expect(even.openIssues).toBe(2);
    expect(even.bySex.F.value).toBe(3);
    expect(even.bySex.M.value).toBe(8);
    expect(even.counts).toEqual(toSexCounts({ F: 4, M: 2 }));
  });

  it("weights repeated durations by their count", () => {
    const result = computeMedianDaysToResolution(
      [d(3, "F", 2), d(1, "M"), d(10, "U")],
      toSexCounts({}),
    );
    expect(result.value).toBe(3);
  });

  it("nothing resolved: null with empty_denominator, open issues still counted", () => {
    const result = computeMedianDaysToResolution([], toSexCounts({ M: 3 }));
    expect(result.value).toBeNull();
    expect(result.reason).toBe("empty_denominator");
    expect(result.openIssues).toBe(3);
    expect(result.bySex.M.reason).toBe("empty_denominator");
  });
});

describe("outreach sessions", () => {
  it("counts sessions and the officers present by sex", () => {
    const result = computeOutreachSessions({
      session: toSexCounts({ U: 3 }),
      officer: toSexCounts({ F: 4, M: 5 }),
    });
    expect(result.value).toBe(3);
    expect(result.counts.N).toBe(9);
    expect(computeOutreachSessions({}).value).toBe(0);
  });
});
