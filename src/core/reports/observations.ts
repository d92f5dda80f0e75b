import type { IndicatorCell, IndicatorResult } from "../schemas/indicators";
import type { ReportDataset, SuppressionMark } from "./report-model";

/** Sex of an observation: one of the register's categories, or `T` for everyone. */
export type ObservationSex = "F" | "M" | "X" | "U" | "T";

/**
 * One number of a published result, in long ("tidy") form: what the tidy CSV writes as a line and
 * SDMX-CSV as an observation. A null value is either hidden (`suppression`) or undefined (`reason`).
 */
export interface Observation {
  readonly table: string;
  readonly indicator: string;
  readonly unitOfMeasure: IndicatorResult["unitOfMeasure"];
  readonly scopeCode: string;
  readonly basis: IndicatorResult["basis"];
  readonly at: string | null;
  readonly from: string | null;
  readonly to: string | null;
  /** Row categories by breakdown (`rank_group`, `rank`, `reason`, …); empty for the total. */
  readonly breakdown: Readonly<Record<string, string>>;
  readonly sex: ObservationSex;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly suppression: SuppressionMark | null;
  readonly reason: string | null;
}

const SEXES = ["F", "M", "X", "U"] as const;

type Measure = Pick<
  Observation,
  "sex" | "value" | "numerator" | "denominator" | "suppression" | "reason"
>;

const countMark = (row: IndicatorCell): SuppressionMark =>
  row.suppression === "complementary" ? "complementary" : "primary";

/** A value or its null: withheld (derived) when its source carries a mark or an `sdc.*` reason. */
function measure(
  sex: ObservationSex,
  source: {
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    suppression: SuppressionMark | null;
    reason?: string | undefined;
  },
): Measure {
  const isWithheld =
    source.value === null &&
    (source.suppression !== null || (source.reason?.startsWith("sdc.") ?? false));
  return {
    sex,
    value: source.value,
    numerator: source.numerator,
    denominator: source.denominator,
    suppression: source.value !== null ? null : isWithheld ? "derived" : null,
    reason: source.value === null && !isWithheld ? (source.reason ?? "empty_denominator") : null,
  };
}

/** The measures of one row: counts by sex, values by sex, or the row's single value. */
function measuresOf(result: IndicatorResult, row: IndicatorCell): Measure[] {
  if (result.unitOfMeasure === "count") {
    return [...SEXES, "T" as const].map((sex) => {
      const count = row.counts[sex === "T" ? "N" : sex];
      return {
        sex,
        value: count,
        numerator: null,
        denominator: null,
        suppression: count === null ? countMark(row) : null,
        reason: null,
      };
    });
  }
  const bySex = row.bySex;
  if (bySex !== undefined) {
    const parts = SEXES.flatMap((sex) => {
      const part = bySex[sex];
      return part ? [measure(sex, part)] : [];
    });
    return [...parts, measure("T", row)];
  }
  return [measure(result.unitOfMeasure === "share" ? "F" : "T", row)];
}

/** Every number of the datasets in long form, rows before their total, in the report's order. */
export function toObservations(datasets: readonly ReportDataset[]): Observation[] {
  return datasets.flatMap(({ table, result }) =>
    [...result.rows, result.total].flatMap((row) =>
      measuresOf(result, row).map((m) => ({
        table,
        indicator: result.indicator,
        unitOfMeasure: result.unitOfMeasure,
        scopeCode: result.scope.code,
        basis: result.basis,
        at: result.at,
        from: result.from,
        to: result.to,
        breakdown: row.key,
        ...m,
      })),
    ),
  );
}
