import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { headlineResponse } from "../schemas/workforce";
import type { Sex } from "../schemas/sex";
import { buildHeadline, type HeadcountRow, type HeadlineNumbers } from "./headline";
import { protectHeadline } from "./headline-disclosure";

const groups = [
  { code: "constables", name: "Constables", ordinal: 1 },
  { code: "inspectorate", name: "Inspectorate", ordinal: 2 },
  { code: "senior", name: "Senior command", ordinal: 3 },
];
const countKeys = ["F", "M", "X", "U", "N"] as const;
const sexes: readonly Sex[] = ["F", "M", "X", "U"];

function numbersOf(table: ReadonlyArray<readonly [number, number, number, number]>) {
  const rows: HeadcountRow[] = table.flatMap((counts, index) =>
    sexes.map((sex, column) => ({
      rankGroupCode: groups[index]?.code ?? "",
      sex,
      count: counts[column] ?? 0,
    })),
  );
  return buildHeadline(groups.slice(0, table.length), rows);
}

/** Every line of the headline: the rank groups, then the total. */
function linesOf<T>(headline: { total: T; byRankGroup: ReadonlyArray<{ share: T }> }): T[] {
  return [...headline.byRankGroup.map((group) => group.share), headline.total];
}

/** The §8 properties the headline must keep whatever the counts, for threshold k. */
function checkProtected(numbers: HeadlineNumbers, k: number) {
  const result = protectHeadline(numbers, k);
  expect(() => headlineResponse.parse({ asOf: "2024-01-01", unit, ...result })).not.toThrow();
  const before = linesOf(numbers);
  let hidden = 0;
  linesOf(result).forEach((share, line) => {
    const original = before[line];
    if (!original) throw new Error(`no line ${line}`);
    for (const key of countKeys) {
      const count = share.counts[key];
      const mark = share.countMarks?.[key];
      if (count === null) {
        hidden++;
        expect(mark?.messageKey).toBe(`sdc.suppressed_${mark?.suppression ?? ""}`);
      } else {
        expect(count).toBe(original.counts[key]);
        expect(mark).toBeNull();
        expect(count === 0 || count >= k, `a published count of ${count}`).toBe(true);
      }
      if (original.counts[key] > 0 && original.counts[key] < k) {
        expect(mark?.suppression).toBe("primary");
      }
    }
    if (share.counts.F === null) {
      expect(share).toMatchObject({
        value: null,
        reason: "suppressed",
        suppression: "derived",
        messageKey: "sdc.suppressed_derived",
      });
    }
    if (share.value !== null) expect(share.value).toBe(original.value);
    if (share.value === null && original.value !== null) {
      expect(share).toMatchObject({ reason: "suppressed", suppression: "derived" });
    }
  });
  expect(result.disclosure).toEqual({
    k,
    protectionLevel: k,
    suppressedCells: hidden,
    messageKey: "sdc.table_note",
  });
  return result;
}

const unit = { id: 1, code: "HQ", name: "Headquarters" };

describe("protectHeadline (INDICATORS.md §8)", () => {
  it("hides small counts and the totals that would reveal them, and withholds their shares", () => {
    const numbers = numbersOf([
      [40, 60, 0, 2],
      [12, 30, 1, 0],
      [3, 9, 0, 0],
    ]);
    const result = checkProtected(numbers, 5);
    const [constables, inspectorate, senior] = result.byRankGroup.map((group) => group.share);
    expect(constables?.counts).toMatchObject({ M: 60, X: 0, U: null, N: 102 });
    expect(constables?.countMarks?.U).toEqual({
      suppression: "primary",
      messageKey: "sdc.suppressed_primary",
    });
    expect(inspectorate?.countMarks?.X?.suppression).toBe("primary");
    expect(senior?.countMarks?.F?.suppression).toBe("primary");
    expect(senior?.value).toBeNull();
    // Three small counts, each needing a second hidden cell in its row and its column.
    expect(result.disclosure?.suppressedCells).toBeGreaterThanOrEqual(6);
  });

  it("changes nothing but adds the marks and the note when no count is small", () => {
    const numbers = numbersOf([
      [40, 60, 0, 5],
      [12, 30, 0, 0],
    ]);
    const result = checkProtected(numbers, 5);
    expect(result.total).toEqual({
      ...numbers.total,
      countMarks: { F: null, M: null, X: null, U: null, N: null },
    });
    expect(result.disclosure?.suppressedCells).toBe(0);
  });

  it("protects the total line alone when no rank group is configured", () => {
    const numbers = buildHeadline([], [{ rankGroupCode: "none", sex: "F", count: 2 }]);
    const result = checkProtected(numbers, 5);
    expect(result.byRankGroup).toEqual([]);
    expect(result.total.counts).toEqual({ F: null, M: 0, X: 0, U: 0, N: null });
  });

  it("keeps §8 for any small register and any threshold", () => {
    const line = fc.tuple(
      fc.nat({ max: 12 }),
      fc.nat({ max: 12 }),
      fc.nat({ max: 3 }),
      fc.nat({ max: 4 }),
    );
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 2, max: 6 }),
        (table, k) => {
          checkProtected(numbersOf(table), k);
        },
      ),
      { numRuns: 150, seed: 8 },
    );
  });
});
