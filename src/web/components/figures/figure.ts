import { indicatorReasons } from "../../../core/indicators/registry";
import type { IndicatorCell } from "../../../core/schemas/indicators";

/**
 * What a figure of a result shows: a number, an "x" for a value withheld by disclosure control
 * (with the `sdc.*` message), or no value with the reason (`web.indicatorReasons.*`) — never 0.
 * A text figure is a word in a table of figures (a target's status).
 */
export type Figure =
  | { readonly kind: "value"; readonly value: number }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "suppressed"; readonly messageKey: string }
  | { readonly kind: "missing"; readonly messageKey: string };

/** The text of a reason the registry does not list (a newer server). */
export const UNKNOWN_REASON_KEY = "web.dashboard.noValue";
/** A count hidden by disclosure control when the row does not say why. */
export const HIDDEN_COUNT_KEY = "web.dashboard.hiddenCount";

type Mark = IndicatorCell["suppression"];

interface ValueLike {
  readonly value: number | null;
  readonly reason?: string | undefined;
  readonly suppression: Mark;
}

const isKnownReason = (reason: string): boolean =>
  (indicatorReasons as readonly string[]).includes(reason);

/** The figure of a value (a row's value or one sex's rate). */
export function figureOf(cell: ValueLike): Figure {
  if (cell.value !== null) return { kind: "value", value: cell.value };
  const reason = cell.reason;
  if (reason?.startsWith("sdc.")) return { kind: "suppressed", messageKey: reason };
  if (cell.suppression !== null || reason === "suppressed") {
    return { kind: "suppressed", messageKey: `sdc.suppressed_${cell.suppression ?? "derived"}` };
  }
  if (reason !== undefined && isKnownReason(reason)) {
    return { kind: "missing", messageKey: `web.indicatorReasons.${reason}` };
  }
  return { kind: "missing", messageKey: UNKNOWN_REASON_KEY };
}

/**
 * The figure of one count of a row: a null count is always hidden by disclosure control (a count is
 * never undefined). The row's mark names primary or complementary suppression when it says which.
 */
export function countFigureOf(count: number | null, rowMark: Mark): Figure {
  if (count !== null) return { kind: "value", value: count };
  if (rowMark === "primary" || rowMark === "complementary") {
    return { kind: "suppressed", messageKey: `sdc.suppressed_${rowMark}` };
  }
  return { kind: "suppressed", messageKey: HIDDEN_COUNT_KEY };
}

/** The figure as a plain chart value: a number, or null for a gap. */
export function chartValueOf(figure: Figure): number | null {
  return figure.kind === "value" ? figure.value : null;
}
