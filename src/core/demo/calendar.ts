const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 (UTC) for a calendar date. */
export function dayNumber(year: number, month = 1, day = 1): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

const isoCache = new Map<number, string>();

/** ISO date of a day number; memoised because a demo country formats the same few thousand days millions of times. */
export function isoFromDay(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

export function yearOfDay(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}
