import { Text, Tooltip, VisuallyHidden, type TextProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../../lib/use-formatters";
import type { ColumnKind, TableCell } from "./table-model";
import { useFigureText } from "./use-figure-text";

interface FigureTextProps extends Pick<TextProps, "fz" | "fw" | "c" | "lh"> {
  readonly cell: TableCell;
  readonly kind: ColumnKind;
  /** `web.indicators.<id>`: its definition is shown on hover and focus. */
  readonly definitionKey?: string | undefined;
}

/**
 * One figure with its definition and denominator ("n = …") on hover, focus and touch. A hidden
 * value shows "x" and a missing one "—", each with its reason in the tooltip and for screen readers.
 */
export function FigureText({ cell, kind, definitionKey, ...textProps }: FigureTextProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const writeFigure = useFigureText();
  const { figure, denominator } = cell;
  const reason =
    figure.kind === "suppressed" || figure.kind === "missing" ? t(figure.messageKey) : null;
  const lines = [
    reason,
    definitionKey ? t(`${definitionKey}.definition`) : null,
    typeof denominator === "number"
      ? t("web.dashboard.denominator", { n: format.count(denominator) })
      : null,
  ].filter((line): line is string => line !== null);
  const text = writeFigure(figure, kind, cell);
  return (
    <Tooltip
      label={lines.join("\n")}
      multiline
      maw={320}
      style={{ whiteSpace: "pre-line" }}
      events={{ hover: true, focus: true, touch: true }}
      disabled={lines.length === 0}
    >
      <Text component="span" tabIndex={0} pos="relative" {...textProps}>
        <span aria-hidden={reason !== null}>{text}</span>
        {reason !== null ? <VisuallyHidden>{reason}</VisuallyHidden> : null}
      </Text>
    </Tooltip>
  );
}
