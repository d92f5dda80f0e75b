import type { IndicatorCell } from "../../../../core/schemas/indicators";
import { figureOf } from "../../../components/figures/figure";
import type { TableCell } from "../../../components/figures/table-model";

/** A result's row (or one of its values) as a table cell. */
export function tableCellOf(cell: IndicatorCell): TableCell {
  return { figure: figureOf(cell), numerator: cell.numerator, denominator: cell.denominator };
}

/** A cell for a row a result did not return: nobody is counted there. */
export const emptyCell: TableCell = {
  figure: { kind: "missing", messageKey: "web.indicatorReasons.empty_denominator" },
  numerator: null,
  denominator: null,
};
