import type { IndicatorCell, IndicatorResult } from "../../../../core/schemas/indicators";
import { denominatorKeyOf } from "./chart-keys";
import { chartValueOf, figureOf } from "../../../components/figures/figure";
import type { TableCell, TableModel } from "../../../components/figures/table-model";

export const flowSexes = ["F", "M", "X", "U"] as const;
type FlowSex = (typeof flowSexes)[number];

/** The key of everyone's rate in the chart data and the table. */
export const ALL_SEXES = "all";

export interface FlowResult {
  /** `web.indicators.<id>`. */
  readonly definitionKey: string;
  readonly label: string;
  readonly result: IndicatorResult;
}

/** The rate of one sex (`bySex`), or of everyone (the total's value) as a table cell. */
function rateCell(total: IndicatorCell, sex: FlowSex | typeof ALL_SEXES): TableCell {
  if (sex === ALL_SEXES) {
    return { figure: figureOf(total), numerator: total.numerator, denominator: total.denominator };
  }
  const rate = total.bySex?.[sex];
  if (!rate)
    return { figure: { kind: "missing", messageKey: "web.indicatorReasons.empty_denominator" } };
  return { figure: figureOf(rate), numerator: rate.numerator, denominator: rate.denominator };
}

interface FlowTableLabels {
  readonly rowHeader: string;
  readonly sexes: Readonly<Record<FlowSex | typeof ALL_SEXES, string>>;
}

/** Rates by sex (rows: women, men, another sex, unknown sex, everyone) × flows (columns). */
export function flowsTable(flows: readonly FlowResult[], labels: FlowTableLabels): TableModel {
  const row = (sex: FlowSex | typeof ALL_SEXES) => ({
    id: sex,
    header: labels.sexes[sex],
    cells: flows.map((flow) => rateCell(flow.result.total, sex)),
  });
  return {
    rowHeader: labels.rowHeader,
    columns: flows.map((flow) => ({
      id: flow.result.indicator,
      label: flow.label,
      kind: "percent" as const,
      definitionKey: flow.definitionKey,
    })),
    rows: flowSexes.map(row),
    total: row(ALL_SEXES),
  };
}

/**
 * Grouped bars: one group per flow, a bar for women, men and everyone (with the denominator of
 * each beside it for the tooltip); another sex and unknown sex are in the table.
 */
export function flowsChartData(
  flows: readonly FlowResult[],
): Record<string, string | number | null>[] {
  return flows.map((flow) => {
    const entries = (["F", "M", ALL_SEXES] as const).flatMap((sex) => {
      const cell = rateCell(flow.result.total, sex);
      const value = chartValueOf(cell.figure);
      return [
        [sex, value],
        [denominatorKeyOf(sex), value === null ? null : (cell.denominator ?? null)],
      ] as const;
    });
    return { flow: flow.label, ...Object.fromEntries(entries) };
  });
}
