import { Badge, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PublishedTargetProgress } from "../../../../core/schemas/targets";

const colours = {
  met: "teal",
  on_track: "blue",
  off_track: "orange",
  overdue: "red",
} as const;

/** The status in words (colour only repeats it), with why there is none when there is none. */
export function StatusBadge({
  row,
  expected,
}: {
  row: PublishedTargetProgress;
  expected: string | null;
}) {
  const { t } = useTranslation();
  if (row.status === null) {
    return (
      <Stack gap={2} align="flex-start">
        <Badge color="gray" variant="outline">
          {t("web.targets.status.none")}
        </Badge>
        {row.reason ? (
          <Text size="xs" c="dimmed">
            {row.reason === "suppressed"
              ? t("sdc.suppressed_primary")
              : t(`web.targets.reason.${row.reason}`)}
          </Text>
        ) : null}
      </Stack>
    );
  }
  return (
    <Stack gap={2} align="flex-start">
      <Badge color={colours[row.status]} variant={row.status === "met" ? "filled" : "light"}>
        {t(`web.targets.status.${row.status}`)}
      </Badge>
      {expected ? (
        <Text size="xs" c="dimmed">
          {expected}
        </Text>
      ) : null}
    </Stack>
  );
}
