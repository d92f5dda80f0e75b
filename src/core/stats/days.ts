const MS_PER_DAY = 86_400_000;

/** Whole days from one ISO date (YYYY-MM-DD) to another, in UTC: 2024-01-01 → 2025-01-01 is 366. */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(toIso) - Date.parse(fromIso)) / MS_PER_DAY);
}

export const DAYS_PER_YEAR = 365.25;
