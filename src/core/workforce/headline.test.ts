import { describe, expect, it } from "vitest";
import { buildHeadline } from "./headline";

const groups = [
  { code: "senior", name: "Senior command", ordinal: 4 },
  { code: "constables", name: "Constables", ordinal: 1 },
];

describe("buildHeadline", () => {
  it("sums by rank group in rank order and keeps empty groups with a null share", () => {
    const result = buildHeadline(groups, [
      { rankGroupCode: "constables", sex: "F", count: 10 },
      { rankGroupCode: "constables", sex: "M", count: 88 },
      { rankGroupCode: "constables", sex: "U", count: 2 },
    ]);
    expect(result.byRankGroup.map((g) => g.code)).toEqual(["constables", "senior"]);
    expect(result.byRankGroup[0]?.share.value).toBeCloseTo(10 / 98, 12);
    expect(result.byRankGroup[1]?.share.value).toBeNull();
    expect(result.byRankGroup[1]?.share.reason).toBe("empty_denominator");
    expect(result.total.counts).toEqual({ F: 10, M: 88, X: 0, U: 2, N: 100 });
  });
});
