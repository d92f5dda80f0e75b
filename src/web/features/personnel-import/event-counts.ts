import type { EventCountsBySex } from "../../../core/schemas/personnel-import";
import { careerEventTypes } from "../../../core/schemas/workforce-events";

export type SexCounts = Omit<EventCountsBySex, "type">;

/** The rows of the review table in career order (hire first, exit last), and their sum. */
export function reviewTable(events: readonly EventCountsBySex[]): {
  readonly rows: EventCountsBySex[];
  readonly total: SexCounts;
} {
  const rows = [...events].sort(
    (a, b) => careerEventTypes.indexOf(a.type) - careerEventTypes.indexOf(b.type),
  );
  const total = { F: 0, M: 0, X: 0, U: 0, total: 0 };
  for (const row of rows) {
    total.F += row.F;
    total.M += row.M;
    total.X += row.X;
    total.U += row.U;
    total.total += row.total;
  }
  return { rows, total };
}
