import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attendanceAgeGroups } from "../../../../core/community/vocabulary";
import { sexes } from "../../../../core/schemas/sex";
import {
  attendanceTotals,
  clampCount,
  emptyAttendance,
  fromAttendanceCells,
  hasDetailedCounts,
  setCell,
  toAttendanceCells,
  type AttendanceGrid,
} from "./attendance";

const grid: fc.Arbitrary<AttendanceGrid> = fc
  .array(
    fc.record({
      sex: fc.constantFrom(...sexes),
      ageGroup: fc.constantFrom(...attendanceAgeGroups),
      count: fc.integer({ min: 0, max: 100_000 }),
    }),
    { maxLength: 30 },
  )
  .map((cells) =>
    cells.reduce((g, c) => setCell(g, c.sex, c.ageGroup, c.count), emptyAttendance()),
  );

describe("attendance grid", () => {
  it("totals a session by sex, by age group and overall", () => {
    let g = emptyAttendance();
    g = setCell(g, "F", "adult", 31);
    g = setCell(g, "F", "youth", 7);
    g = setCell(g, "M", "adult", 18);
    g = setCell(g, "U", "unknown", 5);
    const totals = attendanceTotals(g);
    expect(totals.bySex).toEqual({ F: 38, M: 18, X: 0, U: 5 });
    expect(totals.byAgeGroup).toEqual({ child: 0, youth: 7, adult: 49, older: 0, unknown: 5 });
    expect(totals.total).toBe(61);
  });

  it("adds up the same whichever way it is summed", () => {
    fc.assert(
      fc.property(grid, (g) => {
        const totals = attendanceTotals(g);
        const sum = (values: Record<string, number>) =>
          Object.values(values).reduce((a, b) => a + b, 0);
        const cellSum = toAttendanceCells(g).reduce((a, c) => a + c.count, 0);
        expect(sum(totals.bySex)).toBe(totals.total);
        expect(sum(totals.byAgeGroup)).toBe(totals.total);
        expect(cellSum).toBe(totals.total);
      }),
    );
  });

  it("sends only non-zero cells and reads them back to the same grid", () => {
    fc.assert(
      fc.property(grid, (g) => {
        const cells = toAttendanceCells(g);
        expect(cells.every((c) => c.count > 0)).toBe(true);
        expect(new Set(cells.map((c) => `${c.sex}/${c.ageGroup}`)).size).toBe(cells.length);
        expect(fromAttendanceCells(cells)).toEqual(g);
      }),
    );
  });

  it("keeps a stepper's count a whole number within the API's bounds", () => {
    expect(clampCount(-1)).toBe(0);
    expect(clampCount(2.7)).toBe(2);
    expect(clampCount(250_000)).toBe(100_000);
    expect(clampCount(Number.NaN)).toBe(0);
    expect(setCell(emptyAttendance(), "M", "child", -3).M.child).toBe(0);
  });

  it("opens the detailed part only for another or unknown sex, or unknown age", () => {
    const none = { F: 0, M: 0, X: 0, U: 0 };
    expect(hasDetailedCounts(setCell(emptyAttendance(), "F", "older", 4), none)).toBe(false);
    expect(hasDetailedCounts(setCell(emptyAttendance(), "F", "unknown", 1), none)).toBe(true);
    expect(hasDetailedCounts(setCell(emptyAttendance(), "X", "adult", 1), none)).toBe(true);
    expect(hasDetailedCounts(emptyAttendance(), { ...none, U: 1 })).toBe(true);
  });
});
