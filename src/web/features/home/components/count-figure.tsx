import { Text, Tooltip, VisuallyHidden, type TextProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { HeadlineResponse } from "../../../../core/schemas/workforce";
import { useFormatters } from "../../../lib/use-formatters";

type CountMarks = NonNullable<HeadlineResponse["total"]["countMarks"]>;

interface CountFigureProps extends Pick<TextProps, "fz" | "fw" | "lh" | "size"> {
  readonly count: number | null;
  /** Why the count is hidden (`sdc.suppressed_primary` or `…_complementary`). */
  readonly mark: CountMarks["N"] | undefined;
}

/**
 * A count, or "x" when disclosure control hid it, with the reason on hover, focus and touch and
 * for screen readers: a hidden count is never a blank or a 0.
 */
export function CountFigure({ count, mark, ...textProps }: CountFigureProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (count !== null) {
    return (
      <Text component="span" {...textProps}>
        {format.count(count)}
      </Text>
    );
  }
  const reason = t(mark?.messageKey ?? "web.home.hiddenCount");
  return (
    <Tooltip label={reason} multiline maw={320} events={{ hover: true, focus: true, touch: true }}>
      <Text component="span" tabIndex={0} {...textProps}>
        <span aria-hidden>x</span>
        <VisuallyHidden>{reason}</VisuallyHidden>
      </Text>
    </Tooltip>
  );
}
