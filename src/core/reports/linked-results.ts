import type { IndicatorCell, IndicatorResult } from "../schemas/indicators";

type LinkedKey =
  "separation_rate" | "leavers_by_reason" | "glass_ceiling" | "headcount_by_rank_group";

/**
 * The indicator service protects each result on its own (INDICATORS.md §8), but the report
 * publishes some counts in two results: two patterns over the same cells can reveal what each one
 * hides (docs/indicators.md §8, "Not covered"; §8.4). Before anything is published, each such count
 * is taken from one result only, and values computed from a count hidden there are withheld:
 *
 * - exits by sex: `leavers_by_reason`'s total line is the one published; the separation rates use
 *   its counts (the events of `separation_rate` are the same persons);
 * - the glass-ceiling index is computed from the headcount by sex of the whole scope and of the top
 *   rank group, which the headcount table publishes: it is withheld as soon as that table hides a
 *   count of women, men or another sex (the table does not say which row is the top group).
 *
 * The trend's last point is the headcount table itself (both by rank group, same date), so it needs
 * nothing here.
 */
export function alignLinkedResults<Results extends Readonly<Record<LinkedKey, IndicatorResult>>>(
  results: Results,
): Results {
  return {
    ...results,
    separation_rate: withEventCounts(results.separation_rate, results.leavers_by_reason.total),
    glass_ceiling: withheldIf(
      results.glass_ceiling,
      [results.headcount_by_rank_group.total, ...results.headcount_by_rank_group.rows].some(
        (row) => row.counts.F === null || row.counts.M === null || row.counts.X === null,
      ),
    ),
  };
}

const WITHHELD = {
  value: null,
  numerator: null,
  denominator: null,
  reason: "sdc.suppressed_derived",
  suppression: "derived",
} as const;

function withEventCounts(rates: IndicatorResult, events: IndicatorCell): IndicatorResult {
  const total = rates.total;
  const bySex =
    total.bySex &&
    Object.fromEntries(
      Object.entries(total.bySex).map(([sex, part]) => {
        const count = events.counts[sex as "F" | "M" | "X" | "U"];
        return [sex, count === null ? WITHHELD : { ...part, numerator: count }];
      }),
    );
  const isTotalHidden = events.counts.N === null;
  return {
    ...rates,
    total: {
      ...total,
      counts: events.counts,
      ...(bySex && { bySex }),
      ...(isTotalHidden ? WITHHELD : { numerator: events.counts.N }),
      suppression: isTotalHidden ? "derived" : total.suppression,
    },
  };
}

function withheldIf(result: IndicatorResult, isWithheld: boolean): IndicatorResult {
  if (!isWithheld) return result;
  return { ...result, total: { ...result.total, ...WITHHELD, details: {} } };
}
