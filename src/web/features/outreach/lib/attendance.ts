import type { AttendanceAgeGroup } from "../../../../core/community/vocabulary";
import type { AttendanceCell } from "../../../../core/schemas/outreach";
import { sexes, type Sex } from "../../../../core/schemas/sex";

/** The age groups of the attendance grid, in the order the form shows them. */
export const attendanceGrid = ["child", "youth", "adult", "older", "unknown"] as const;

/** Counts by sex × age group, every cell present (0 when nobody came). */
export type AttendanceGrid = Readonly<Record<Sex, Readonly<Record<AttendanceAgeGroup, number>>>>;

/** Counts by sex, every sex present. */
export type SexCounts = Readonly<Record<Sex, number>>;

export const emptySexCounts: SexCounts = { F: 0, M: 0, X: 0, U: 0 };

const emptyRow = (): Record<AttendanceAgeGroup, number> => ({
  child: 0,
  youth: 0,
  adult: 0,
  older: 0,
  unknown: 0,
});

export function emptyAttendance(): AttendanceGrid {
  return { F: emptyRow(), M: emptyRow(), X: emptyRow(), U: emptyRow() };
}

/** A count as the stepper keeps it: a whole number from 0 to 100,000 (the API's bounds). */
export function clampCount(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(100_000, Math.max(0, Math.trunc(value)));
}

/** The grid with one cell changed (clamped to the API's bounds). */
export function setCell(
  grid: AttendanceGrid,
  sex: Sex,
  ageGroup: AttendanceAgeGroup,
  count: number,
): AttendanceGrid {
  return { ...grid, [sex]: { ...grid[sex], [ageGroup]: clampCount(count) } };
}

export interface AttendanceTotals {
  readonly bySex: SexCounts;
  readonly byAgeGroup: Readonly<Record<AttendanceAgeGroup, number>>;
  readonly total: number;
}

/** Row, column and grand totals of the grid, shown beside the steppers. */
export function attendanceTotals(grid: AttendanceGrid): AttendanceTotals {
  const byAgeGroup = emptyRow();
  const bySex = { ...emptySexCounts };
  let total = 0;
  for (const sex of sexes) {
    for (const ageGroup of attendanceGrid) {
      const count = grid[sex][ageGroup];
      byAgeGroup[ageGroup] += count;
      bySex[sex] += count;
      total += count;
    }
  }
  return { bySex, byAgeGroup, total };
}

/** The cells the API stores: one per non-zero sex × age group (zero cells say nothing). */
export function toAttendanceCells(grid: AttendanceGrid): AttendanceCell[] {
  return sexes.flatMap((sex) =>
    attendanceGrid
      .filter((ageGroup) => grid[sex][ageGroup] > 0)
      .map((ageGroup) => ({ sex, ageGroup, count: grid[sex][ageGroup] })),
  );
}

/** The grid of a stored session's cells. */
export function fromAttendanceCells(cells: readonly AttendanceCell[]): AttendanceGrid {
  return cells.reduce(
    (grid, cell) => setCell(grid, cell.sex, cell.ageGroup, cell.count),
    emptyAttendance(),
  );
}

/** Whether the grid has counts beyond women and men of a known age (the form then opens that part). */
export function hasDetailedCounts(grid: AttendanceGrid, officers: SexCounts): boolean {
  return (
    officers.X + officers.U > 0 ||
    sexes.some((sex) =>
      attendanceGrid.some(
        (ageGroup) =>
          grid[sex][ageGroup] > 0 && (sex === "X" || sex === "U" || ageGroup === "unknown"),
      ),
    )
  );
}
