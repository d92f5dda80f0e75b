import { indicatorRegistry, type IndicatorId } from "../src/core/indicators/registry";
import type { AnnualReportInput, ComputeKey, TrendKey } from "../src/core/reports/annual-report";
import type { IndicatorCell, IndicatorResult, TrendResult } from "../src/core/schemas/indicators";

/**
 * Hand-built results of the indicator service's shape (src/core/schemas/indicators.ts) for the
 * renderers' unit tests: data, not a mock. Figures are made up but consistent enough to read.
 */

type Counts = IndicatorCell["counts"];

export const counts = (F: number | null, M: number | null, X = 0, U = 0): Counts => ({
  F,
  M,
  X,
  U,
  N: F === null || M === null ? null : F + M + X + U,
});

export function cell(
  key: Record<string, string>,
  c: Counts,
  value: number | null,
  extra: Partial<IndicatorCell> = {},
): IndicatorCell {
  return {
    key,
    labels: { ...key },
    counts: c,
    value,
    numerator: c.F,
    denominator: c.F === null || c.M === null ? null : c.F + c.M + (c.X ?? 0),
    suppression: null,
    ...extra,
  };
}

export function result(
  id: IndicatorId,
  rows: IndicatorCell[],
  total: IndicatorCell,
  extra: Partial<IndicatorResult> = {},
): IndicatorResult {
  const definition = indicatorRegistry[id];
  const isFlow = definition.basis === "flow";
  return {
    indicator: id,
    unitOfMeasure: definition.unit,
    basis: definition.basis,
    definitionKey: definition.definitionKey,
    scope: { id: 1, code: "HQ", name: "National <Police> & Co" },
    at: isFlow ? null : "2024-12-31",
    from: isFlow ? "2024-01-01" : null,
    to: isFlow ? "2025-01-01" : null,
    by: rows.length > 0 ? (Object.keys(rows[0]?.key ?? {}) as IndicatorResult["by"]) : [],
    total,
    rows,
    disclosure: null,
    ...extra,
  };
}

const share = (c: Counts) => (c.F === null || c.M === null ? null : c.F / (c.F + c.M + (c.X ?? 0)));

const GROUPS: Array<[string, Counts]> = [
  ["constables", counts(120, 880, 0, 6)],
  ["inspectorate", counts(30, 270, 1, 0)],
  ["senior_command", counts(2, 38)],
];

/** Ranks of the groups above, junior first. */
const RANKS: Array<[string, Counts]> = [
  ["CON", counts(100, 600, 0, 6)],
  ["SGT", counts(50, 550, 1, 0)],
  ["SUPT", counts(2, 38)],
];

function byGroup(id: IndicatorId, value: (c: Counts) => number | null): IndicatorResult {
  const rows = GROUPS.map(([g, c]) => cell({ rank_group: g }, c, value(c)));
  return result(id, rows, cell({}, counts(152, 1188, 1, 6), value(counts(152, 1188, 1, 6))));
}

function rate(id: IndicatorId, events: [number, number], avg: [number, number]): IndicatorResult {
  const part = (e: number, a: number) => ({
    value: e / a,
    numerator: e,
    denominator: a,
    suppression: null,
  });
  return result(
    id,
    [],
    cell({}, counts(events[0], events[1]), (events[0] + events[1]) / (avg[0] + avg[1]), {
      numerator: events[0] + events[1],
      denominator: avg[0] + avg[1],
      bySex: {
        F: part(events[0], avg[0]),
        M: part(events[1], avg[1]),
        X: {
          value: null,
          numerator: 0,
          denominator: 0,
          reason: "empty_denominator",
          suppression: null,
        },
        U: part(0, 6),
      },
    }),
  );
}

function trend(id: IndicatorId, by: boolean): TrendResult {
  const points = Array.from({ length: 10 }, (_, i) => {
    const year = 2015 + i;
    const grow = (n: number) => Math.round(n * (0.6 + i * 0.045));
    const rows = by
      ? GROUPS.map(([g, c]) => {
          const grown = counts(grow(c.F ?? 0), c.M);
          return cell({ rank_group: g }, grown, id === "headcount" ? grown.N : share(grown));
        })
      : [];
    const total = counts(grow(152), 1188, 1, 6);
    return result(id, rows, cell({}, total, id === "headcount" ? total.N : share(total)), {
      at: `${year}-12-31`,
    });
  });
  return { indicator: id, points };
}

/** A complete input of `buildAnnualReport` for 2024, internal (all numbers shown). */
export function annualReportFixture(): AnnualReportInput {
  const leaversRows = ["retirement", "resignation", "dismissal", "death", "other"].map(
    (reason, i) =>
      cell({ reason }, counts(3 * i, 10 * i), 13 * i, {
        details: { separationRate: (13 * i) / 1340 },
      }),
  );
  const results: Record<ComputeKey, IndicatorResult> = {
    headcount_by_rank_group: byGroup("headcount", (c) => c.N),
    share_by_rank_group: byGroup("share_women", share),
    pipeline: result(
      "share_women",
      RANKS.map(([rank, c]) => cell({ rank }, c, share(c))),
      cell({}, counts(152, 1188, 1, 6), share(counts(152, 1188, 1, 6))),
    ),
    glass_ceiling: result(
      "glass_ceiling_index",
      [],
      cell({}, counts(152, 1188, 1, 6), 2.26, { numerator: 0.113, denominator: 0.05 }),
    ),
    leadership: result("leadership_share", [], cell({}, counts(9, 91), 0.09)),
    specialist: result("specialist_share", [], cell({}, counts(40, 160), 0.2)),
    hire_rate: rate("hire_rate", [30, 70], [150, 1180]),
    promotion_rate: rate("promotion_rate", [8, 90], [140, 1150]),
    separation_rate: rate("separation_rate", [12, 60], [150, 1180]),
    promotion_rate_ratio: result(
      "promotion_rate_ratio",
      [],
      cell({}, counts(8, 90), 0.73, { numerator: 0.057, denominator: 0.078 }),
    ),
    leavers_by_reason: result("leavers_by_reason", leaversRows, cell({}, counts(30, 100), 130)),
    time_to_promotion: result(
      "time_to_promotion",
      GROUPS.map(([g, c]) =>
        cell({ rank_group: g }, c, null, {
          bySex: {
            F: {
              value: g === "senior_command" ? null : 6.5,
              numerator: null,
              denominator: null,
              reason: "median_not_reached",
              suppression: null,
            },
            M: { value: 5.1, numerator: null, denominator: null, suppression: null },
          },
        }),
      ),
      cell({}, counts(152, 1188), null),
    ),
  };
  return {
    period: { year: 2024, at: "2024-12-31", from: "2024-01-01", to: "2025-01-01" },
    audience: "internal",
    results,
    trends: {
      headcount_trend: trend("headcount", true),
      share_trend: trend("share_women", true),
    } satisfies Record<TrendKey, TrendResult>,
    dataQuality: { inPost: 1347, noBirthYear: 3, eventsInPeriod: 900, lateEvents: 45 },
    disclosureK: null,
    targets: [],
  };
}

/**
 * The same report as an external one would come back from disclosure control: the 2 women of
 * senior command hidden (primary), the 30 of the inspectorate hidden with them (complementary),
 * their shares withheld, the 3 persons without birth year left to the report's own protection.
 */
export function externalAnnualReportFixture(): AnnualReportInput {
  const input = annualReportFixture();
  const disclosure = { k: 5, protectionLevel: 5, suppressedCells: 2, messageKey: "sdc.table_note" };
  const hide = (r: IndicatorResult): IndicatorResult => ({
    ...r,
    disclosure,
    rows: r.rows.map((row) => {
      const mark =
        row.key.rank_group === "senior_command"
          ? "primary"
          : row.key.rank_group === "inspectorate"
            ? "complementary"
            : null;
      if (mark === null) return row;
      const isCount = r.unitOfMeasure === "count";
      return {
        ...row,
        counts: { ...row.counts, F: null, N: null },
        numerator: null,
        value: null,
        suppression: mark,
        ...(row.bySex && {
          bySex: {
            ...row.bySex,
            F: {
              value: null,
              numerator: null,
              denominator: null,
              reason: "sdc.suppressed_derived",
              suppression: "derived" as const,
            },
          },
        }),
        ...(isCount ? {} : { reason: "sdc.suppressed_derived" }),
      };
    }),
  });
  const r = input.results;
  return {
    ...input,
    audience: "external",
    disclosureK: 5,
    results: {
      ...r,
      headcount_by_rank_group: hide(r.headcount_by_rank_group),
      share_by_rank_group: hide(r.share_by_rank_group),
      pipeline: hide(r.share_by_rank_group),
      time_to_promotion: hide(r.time_to_promotion),
    },
  };
}
