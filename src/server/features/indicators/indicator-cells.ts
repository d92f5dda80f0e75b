import type { IndicatorCell } from "../../../core/schemas/indicators";
import { sexes, type Sex } from "../../../core/schemas/sex";
import type {
  FlowRatesResult,
  LeaversByReasonResult,
  RateRatioResult,
} from "../../../core/stats/flows";
import type { SexCounts } from "../../../core/stats/share";
import type { TimeToPromotionResult } from "../../../core/stats/time-to-promotion";
import type { Group } from "./breakdown";

/** The fields of a compute result that every cell carries; the rest goes to `details`. */
interface CommonResult {
  readonly value: number | null;
  readonly numerator?: number | null;
  readonly denominator?: number | null;
  readonly reason?: string;
  readonly ci?: { low: number; high: number; level: number; method: string } | null;
}

function countsCell(counts: SexCounts): IndicatorCell["counts"] {
  return { F: counts.F, M: counts.M, X: counts.X, U: counts.U, N: counts.N };
}

function base(group: Group, counts: SexCounts) {
  return {
    key: { ...group.key },
    labels: { ...group.labels },
    counts: countsCell(counts),
    suppression: null,
  };
}

/** A stock result (count, share, ratio, index, gap): value with its own numerator and denominator. */
export function stockCell(group: Group, counts: SexCounts, result: CommonResult): IndicatorCell {
  const { value, numerator, denominator, reason, ci, ...details } = result as CommonResult &
    Record<string, unknown>;
  delete details.counts;
  return {
    ...base(group, counts),
    value,
    numerator: numerator ?? null,
    denominator: denominator ?? null,
    ...(reason !== undefined && { reason }),
    ...(ci !== undefined && {
      ci: ci && { low: ci.low, high: ci.high, level: ci.level, method: ci.method },
    }),
    details,
  };
}

/** A flow rate: everyone's rate as the value, each sex's rate in `bySex`, events as the counts. */
export function flowCell(group: Group, result: FlowRatesResult): IndicatorCell {
  const bySex = Object.fromEntries(
    sexes.map((sex: Sex) => {
      const rate = result.bySex[sex];
      return [
        sex,
        {
          value: rate.value,
          numerator: rate.numerator,
          denominator: rate.denominator,
          ...(rate.reason !== undefined && { reason: rate.reason }),
          suppression: null,
        },
      ];
    }),
  );
  return {
    ...base(group, result.counts),
    value: result.all.value,
    numerator: result.all.numerator,
    denominator: result.all.denominator,
    ...(result.all.reason !== undefined && { reason: result.all.reason }),
    bySex,
    details: {
      womenToMenRatio: result.womenToMenRatio,
      annualisedOverDays: result.annualisedOverDays,
      stockStart: result.all.stockStart,
      stockEnd: result.all.stockEnd,
    },
  };
}

export function rateRatioCell(
  group: Group,
  counts: SexCounts,
  result: RateRatioResult,
): IndicatorCell {
  return {
    ...base(group, counts),
    value: result.value,
    numerator: result.numerator,
    denominator: result.denominator,
    ...(result.reason !== undefined && { reason: result.reason }),
  };
}

/** Leavers: one cell per exit reason, the reason added to the row key. */
export function leaverCells(group: Group, result: LeaversByReasonResult): IndicatorCell[] {
  return result.byReason.map((entry) => {
    const cell = flowCell(
      {
        key: { ...group.key, reason: entry.reason },
        labels: { ...group.labels, reason: entry.reason },
        order: group.order,
      },
      entry,
    );
    return {
      ...cell,
      value: cell.counts.N,
      numerator: cell.counts.N,
      denominator: null,
      details: { ...cell.details, separationRate: entry.all.value },
    };
  });
}

/** Time to promotion: the median over all stints as the value, each sex's median in `bySex`. */
export function promotionTimeCell(
  group: Group,
  result: TimeToPromotionResult,
  overall: TimeToPromotionResult["bySex"]["U"],
): IndicatorCell {
  const bySex = Object.fromEntries(
    sexes.map((sex: Sex) => {
      const km = result.bySex[sex];
      return [
        sex,
        {
          value: km.median.value,
          numerator: km.events,
          denominator: km.observations,
          ...(km.median.value === null && {
            reason: km.observations === 0 ? "empty_denominator" : km.median.reason,
          }),
          suppression: null,
        },
      ];
    }),
  );
  return {
    ...base(group, result.counts),
    value: overall.median.value,
    numerator: overall.events,
    denominator: overall.observations,
    ...(overall.median.value === null && {
      reason: overall.observations === 0 ? "empty_denominator" : overall.median.reason,
    }),
    bySex,
    details: Object.fromEntries(
      sexes.map((sex) => [
        sex,
        {
          lowerQuartile: result.bySex[sex].lowerQuartile.value,
          upperQuartile: result.bySex[sex].upperQuartile.value,
        },
      ]),
    ),
  };
}

/** A community result (proportion, satisfaction, median days, sessions) as a cell. */
interface CommunityResult extends CommonResult {
  readonly counts: SexCounts;
  readonly parts?: Readonly<Record<string, SexCounts>>;
  readonly bySex?: Readonly<
    Record<
      Sex,
      {
        readonly value: number | null;
        readonly numerator?: number;
        readonly denominator: number;
        readonly reason?: string;
        readonly ci?: CommonResult["ci"];
        readonly flags?: readonly string[];
      }
    >
  >;
}

export function communityCell(group: Group, result: CommunityResult): IndicatorCell {
  const { value, numerator, denominator, reason, ci, counts, parts, bySex, ...details } =
    result as CommunityResult & Record<string, unknown>;
  return {
    ...base(group, counts),
    value,
    numerator: numerator ?? null,
    denominator: denominator ?? null,
    ...(reason !== undefined && { reason }),
    ...(ci !== undefined && {
      ci: ci && { low: ci.low, high: ci.high, level: ci.level, method: ci.method },
    }),
    ...(parts && {
      parts: Object.fromEntries(
        Object.entries(parts).map(([part, partCounts]) => [part, countsCell(partCounts)]),
      ),
    }),
    ...(bySex && {
      bySex: Object.fromEntries(
        sexes.map((sex) => {
          const entry = bySex[sex];
          return [
            sex,
            {
              value: entry.value,
              numerator: entry.numerator ?? null,
              denominator: entry.denominator,
              ...(entry.reason !== undefined && { reason: entry.reason }),
              ...(entry.ci !== undefined && {
                ci: entry.ci && {
                  low: entry.ci.low,
                  high: entry.ci.high,
                  level: entry.ci.level,
                  method: entry.ci.method,
                },
              }),
              ...(entry.flags !== undefined && { flags: [...entry.flags] }),
              suppression: null,
            },
          ];
        }),
      ),
    }),
    details,
  };
}
