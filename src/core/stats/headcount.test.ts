import { describe, expect, it } from "vitest";
import { computeHeadcount } from "./headcount";
import { toSexCounts } from "./share";

describe("computeHeadcount (INDICATORS.md §1.1)", () => {
  it("counts everyone, unknown sex included and shown", () => {
    const result = computeHeadcount(toSexCounts({ F: 12, M: 80, X: 1, U: 7 }));
    expect(result.value).toBe(100);
    expect(result.counts).toEqual({ F: 12, M: 80, X: 1, U: 7, N: 100 });
    expect(result.unknownShare).toBe(0.07);
    expect(result.isUnknownSexHigh).toBe(true);
  });

  it("an empty group is a real 0 with no unknown share", () => {
    const result = computeHeadcount(toSexCounts({}));
    expect(result.value).toBe(0);
    expect(result.unknownShare).toBeNull();
    expect(result.isUnknownSexHigh).toBe(false);
  });
});
