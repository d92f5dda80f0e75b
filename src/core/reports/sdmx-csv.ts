import { csvLine } from "../csv/write";
import type { Observation, ObservationSex } from "./observations";

/**
 * SDMX-CSV (SDMX 2.1 CSV format) of the report's observations, following the data structure of
 * docs/sdmx.md: the dataflow, then the dimensions, the measure, then the attributes.
 */

export const SDMX_DATAFLOW = "TANDEM:DF_POLICE_GENDER(1.0)";

export const sdmxDimensions = [
  "INDICATOR",
  "REF_AREA",
  "TIME_PERIOD",
  "SEX",
  "RANK_GROUP",
  "RANK",
  "ROLE",
  "AGE_BAND",
  "EXIT_REASON",
] as const;

export const sdmxAttributes = [
  "OBS_STATUS",
  "CONF_STATUS",
  "UNIT_MEASURE",
  "NUMERATOR",
  "DENOMINATOR",
  "COMMENT_OBS",
] as const;

/** CL_SEX (SDMX cross-domain): F, M, _O other, _U unknown, _T total. */
const SEX_CODES: Readonly<Record<ObservationSex, string>> = {
  F: "F",
  M: "M",
  X: "_O",
  U: "_U",
  T: "_T",
};

/** CL_TANDEM_UNIT: the registry's units of measure. */
const UNIT_CODES: Readonly<Record<Observation["unitOfMeasure"], string>> = {
  count: "NUMBER",
  share: "SHARE",
  ratio: "RATIO",
  index: "INDEX",
  rate: "RATE",
  years: "YEARS",
  days: "DAYS",
};

const DAY_MS = 86_400_000;

/**
 * TIME_PERIOD: the as-of date of a stock (`2024-12-31`); for a flow the calendar year (`2024`)
 * when the period is one, else an SDMX time range `start/PnD`.
 */
export function sdmxTimePeriod(o: Pick<Observation, "basis" | "at" | "from" | "to">): string {
  if (o.basis === "stock" || o.from === null || o.to === null) return o.at ?? o.to ?? "";
  const year = o.from.slice(0, 4);
  if (o.from === `${year}-01-01` && o.to === `${Number(year) + 1}-01-01`) return year;
  const days = Math.round((Date.parse(o.to) - Date.parse(o.from)) / DAY_MS);
  return `${o.from}/P${days}D`;
}

/**
 * OBS_STATUS (CL_OBS_STATUS): A normal, Q missing value suppressed (disclosure control), M missing
 * value that cannot exist (a ratio with an empty denominator). CONF_STATUS (CL_CONF_STATUS): F free,
 * C confidential (a small count and the cells hidden with it), D secondary (withheld because it is
 * computed from a hidden count).
 */
function statusOf(o: Observation): { obs: string; conf: string } {
  if (o.suppression === null) return { obs: o.value === null ? "M" : "A", conf: "F" };
  return { obs: "Q", conf: o.suppression === "derived" ? "D" : "C" };
}

const orTotal = (value: string | undefined) => value ?? "_T";

/**
 * The file's lines: header, then one line per observation. An observation whose series key
 * (all dimensions) has already been written is skipped: the report publishes some numbers in two
 * tables (a headcount total is also the trend's last point), and SDMX keys are unique.
 */
export function sdmxCsvLines(observations: readonly Observation[]): string[] {
  const header = ["DATAFLOW", ...sdmxDimensions, "OBS_VALUE", ...sdmxAttributes];
  const lines = [csvLine(header)];
  const seen = new Set<string>();
  for (const o of observations) {
    const dimensions = [
      o.indicator.toUpperCase(),
      o.breakdown.unit ?? o.scopeCode,
      sdmxTimePeriod(o),
      SEX_CODES[o.sex],
      orTotal(o.breakdown.rank_group),
      orTotal(o.breakdown.rank),
      orTotal(o.breakdown.role),
      orTotal(o.breakdown.age_band),
      orTotal(o.breakdown.reason),
    ];
    const key = dimensions.join("\u0000");
    if (seen.has(key)) continue;
    seen.add(key);
    const status = statusOf(o);
    lines.push(
      csvLine([
        SDMX_DATAFLOW,
        ...dimensions,
        o.value,
        status.obs,
        status.conf,
        UNIT_CODES[o.unitOfMeasure],
        o.suppression === null ? o.numerator : null,
        o.suppression === null ? o.denominator : null,
        o.reason,
      ]),
    );
  }
  return lines;
}
