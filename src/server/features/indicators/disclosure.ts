import {
  indicatorRegistry,
  isIndicatorId,
  type DisclosureRule,
} from "../../../core/indicators/registry";
import type { IndicatorCell, IndicatorResult } from "../../../core/schemas/indicators";
import { createCountTable } from "../../../core/sdc/count-table";
import { suppress, type ProtectedCell, type ProtectedLine } from "../../../core/sdc/suppress";
import { sexes, type Sex } from "../../../core/schemas/sex";
import { protectPartsResult } from "./disclosure-parts";

const COLUMNS: readonly Sex[] = ["F", "M", "X", "U"];

/**
 * Which counts of a row each indicator's value is computed from (INDICATORS.md §8.3): the known-sex
 * counts (shares, ratios, rates), the total (counts), or none (outreach sessions are not persons).
 */
type ValueInputs = "known" | "total" | "independent";

const VALUE_IS_TOTAL: readonly string[] = [
  "headcount",
  "leavers_by_reason",
  "issues_raised",
  "outreach_attendance",
];

function valueInputsOf(indicator: string): ValueInputs {
  if (indicator === "outreach_sessions") return "independent";
  return VALUE_IS_TOTAL.includes(indicator) ? "total" : "known";
}

function isHidden(cell: ProtectedCell): boolean {
  return cell.suppression !== null;
}

function protectCell(
  cell: IndicatorCell,
  line: ProtectedLine,
  reference: ProtectedLine,
  indicator: string,
  k: number,
): IndicatorCell {
  const bySexCell = (sex: Sex) => line.cells[COLUMNS.indexOf(sex)];
  const counts = {
    F: bySexCell("F").value,
    M: bySexCell("M").value,
    X: bySexCell("X").value,
    U: bySexCell("U").value,
    N: line.total.value,
  };
  const hiddenCounts = [...line.cells, line.total].filter(isHidden);
  const isPrimary = hiddenCounts.some((c) => c.suppression === "primary");
  const valueInputs = valueInputsOf(indicator);
  const inputs =
    valueInputs === "independent"
      ? []
      : valueInputs === "total"
        ? [line.total]
        : [bySexCell("F"), bySexCell("M"), bySexCell("X")];
  const usesReference = indicator === "representation_ratio" || indicator === "glass_ceiling_index";
  const referenceInputs = usesReference
    ? [reference.cells[0], reference.cells[1], reference.cells[2]]
    : [];
  const isValueHidden = [...inputs, ...referenceInputs].some((c) => c !== undefined && isHidden(c));
  const bySex =
    cell.bySex &&
    Object.fromEntries(
      sexes.map((sex) => {
        const value = cell.bySex?.[sex];
        const denominator = value?.denominator ?? null;
        const isSmallBase = denominator !== null && denominator > 0 && denominator < k;
        const hidden = isHidden(bySexCell(sex)) || isSmallBase;
        return [
          sex,
          hidden
            ? {
                value: null,
                numerator: null,
                denominator: null,
                reason: "sdc.suppressed_derived",
                suppression: "derived" as const,
              }
            : {
                ...value,
                value: value?.value ?? null,
                numerator: value?.numerator ?? null,
                denominator,
                suppression: null,
              },
        ];
      }),
    );
  const suppression =
    hiddenCounts.length > 0
      ? isPrimary
        ? "primary"
        : "complementary"
      : isValueHidden
        ? "derived"
        : null;
  return {
    ...cell,
    counts,
    ...(bySex && { bySex }),
    ...(isValueHidden
      ? {
          value: null,
          numerator: null,
          denominator: null,
          reason: "sdc.suppressed_derived",
          details: {},
        }
      : {}),
    suppression,
  };
}

/**
 * Disclosure control of a result leaving the trusted circle (INDICATORS.md §8): the rows' counts
 * by sex form one table (rows × F, M, X, U, totals), suppressed with threshold `k`; every value
 * computed from a hidden count is withheld and marked, and a rate over fewer than k persons too.
 */
export function protectResult(result: IndicatorResult, k: number): IndicatorResult {
  const rule: DisclosureRule | undefined = isIndicatorId(result.indicator)
    ? indicatorRegistry[result.indicator].disclosure
    : undefined;
  if (rule?.valueFrom) return protectPartsResult(result, rule.valueFrom, k);
  const line = (cell: IndicatorCell) => COLUMNS.map((sex) => cell.counts[sex] ?? 0);
  const rows = result.rows.length > 0 ? result.rows : [result.total];
  const table = createCountTable({
    columns: COLUMNS,
    rows: rows.map((row, index) => ({ key: String(index), counts: line(row) })),
  });
  const protectedTable = suppress(table, { k });
  const total = protectCell(
    result.total,
    protectedTable.totalRow,
    protectedTable.totalRow,
    result.indicator,
    k,
  );
  return {
    ...result,
    total,
    rows:
      result.rows.length > 0
        ? result.rows.map((row, index) =>
            protectCell(
              row,
              protectedTable.rows[index] as ProtectedLine,
              protectedTable.totalRow,
              result.indicator,
              k,
            ),
          )
        : [],
    disclosure: {
      k: protectedTable.disclosure.k,
      protectionLevel: protectedTable.disclosure.protectionLevel,
      suppressedCells:
        protectedTable.disclosure.primaryCount + protectedTable.disclosure.complementaryCount,
      messageKey: protectedTable.disclosure.messageKey,
    },
  };
}
