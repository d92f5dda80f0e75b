import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Headline } from "../../../../core/schemas/workforce";
import { useFormatters } from "../../../lib/use-formatters";

export type Share = Headline["total"];

interface ShareFigureProps {
  readonly share: Share;
  readonly size?: "sm" | "xl";
}

/** The share of women with its fraction underneath; a dash and the reason when there is none. */
export function ShareFigure({ share, size = "sm" }: ShareFigureProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const percent = share.value === null ? null : format.share(share.numerator, share.denominator);
  const isLarge = size === "xl";
  return (
    <Stack gap={0}>
      <Text fz={isLarge ? 32 : "sm"} fw={isLarge ? 700 : 600} lh={1.3}>
        {percent ?? "—"}
      </Text>
      <Text size="xs" c="dimmed">
        {percent === null
          ? t(`web.share.reason.${share.reason ?? "empty_denominator"}`)
          : t("web.share.fraction", {
              numerator: format.count(share.numerator),
              denominator: format.count(share.denominator),
            })}
      </Text>
    </Stack>
  );
}
