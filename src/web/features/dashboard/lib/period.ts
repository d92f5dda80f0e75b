/**
 * The twelve months that end on the as-of date, as the half-open period [from, to) of the flow
 * indicators: `to` is the day after `at`, `from` the same day one year earlier (29 February
 * becomes 1 March of a common year).
 */
export function lastTwelveMonths(at: string): { from: string; to: string } {
  const end = new Date(`${at}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  const start = new Date(end);
  start.setUTCFullYear(start.getUTCFullYear() - 1);
  return { from: isoOf(start), to: isoOf(end) };
}

const isoOf = (date: Date) => date.toISOString().slice(0, 10);
