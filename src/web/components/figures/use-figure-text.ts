import { useCallback } from "react";
import { useFormatters } from "../../lib/use-formatters";
import type { Figure } from "./figure";
import { tenthsOfPercent, type ColumnKind, type TableCell } from "./table-model";

/** A figure written for the screen: the number in the locale, "x" when hidden, "—" without a value. */
export function useFigureText() {
  const format = useFormatters();
  return useCallback(
    (figure: Figure, kind: ColumnKind, cell: Omit<TableCell, "figure"> = {}): string => {
      if (figure.kind === "suppressed") return "x";
      if (figure.kind === "missing") return "—";
      if (figure.kind === "text") return figure.text;
      switch (kind) {
        case "count":
        case "text":
          return format.count(figure.value);
        case "percent":
          return format.percent(tenthsOfPercent({ ...cell, figure }, figure.value) / 1000);
        case "points":
          return format.decimal(figure.value, 1);
        case "ratio":
          return format.decimal(figure.value, 2);
        case "years":
          return format.decimal(figure.value, 1);
      }
    },
    [format],
  );
}
