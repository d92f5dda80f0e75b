import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { HeadlineResponse } from "../../../../core/schemas/workforce";
import { useFormatters } from "../../../lib/use-formatters";

export type Share = HeadlineResponse["total"];

interface ShareFigureProps {
  readonly share: Share;
  readonly size?: "sm" | "xl";
}

/**
 * The share of women with its fraction underneath; a dash and the reason when there is none, an
 * "x" and the reason when disclosure control withholds it.
 */
export function ShareFigure({ share, size = "sm" }: ShareFigureProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { numerator, denominator, reason } = share;
  const isShown = share.value !== null && numerator !== null && denominator !== null;
  const percent = isShown ? format.share(numerator, denominator) : null;
  const isLarge = size === "xl";
  const note = isShown
    ? t("web.share.fraction", {
        numerator: format.count(numerator),
        denominator: format.count(denominator),
      })
    : reason === "suppressed"
      ? t(share.messageKey ?? "sdc.suppressed_derived")
      : t(`web.share.reason.${reason ?? "empty_denominator"}`);
  return (
    <Stack gap={0}>
      <Text fz={isLarge ? 32 : "sm"} fw={isLarge ? 700 : 600} lh={1.3}>
        {percent ?? (reason === "suppressed" ? "x" : "—")}
      </Text>
      <Text size="xs" c="dimmed">
        {note}
      </Text>
    </Stack>
  );
}
