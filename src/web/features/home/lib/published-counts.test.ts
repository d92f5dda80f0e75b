import { describe, expect, it } from "vitest";
import { addCounts, formatCountShare } from "./published-counts";

const percent = (numerator: number, denominator: number) =>
  denominator === 0 ? null : `${(100 * numerator) / denominator}%`;

describe("counts a partner-viewer may receive hidden", () => {
  it("adds counts, and hides the sum when a count is hidden", () => {
    expect(addCounts(3, 0, 7)).toBe(10);
    expect(addCounts(3, null)).toBeNull();
  });
  it("writes a share of shown counts only, never from a stand-in 0", () => {
    expect(formatCountShare(percent, 1, 4)).toBe("25%");
    expect(formatCountShare(percent, null, 4)).toBeNull();
    expect(formatCountShare(percent, 1, null)).toBeNull();
    expect(formatCountShare(percent, 0, 0)).toBeNull();
  });
});
