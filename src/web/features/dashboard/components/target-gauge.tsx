import { Badge, Box, Group, Paper, Stack, Text } from "@mantine/core";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { TargetProgress } from "../../../../core/schemas/targets";
import { useFormatters } from "../../../lib/use-formatters";
import { themeColourVar } from "../lib/colour-scale";
import { gaugeScale, targetShareOf } from "../lib/targets";

const statusColour: Record<string, string> = {
  met: "green.8",
  on_track: "teal.8",
  off_track: "orange.8",
  overdue: "red.8",
};

/** The word for a target's status, or why it cannot be decided. */
export function useTargetStatusText() {
  const { t } = useTranslation();
  return useCallback(
    (target: TargetProgress) =>
      target.status
        ? t(`web.dashboard.targets.status.${target.status}`)
        : t(`web.dashboard.targets.undecided.${target.reason ?? "no_baseline"}`),
    [t],
  );
}

/**
 * One target as a gauge: a bar to today's share of women with marks at the target and at the share
 * the straight line expects today, the status in words, and the same facts as text.
 */
export function TargetGauge({ target }: { readonly target: TargetProgress }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const statusText = useTargetStatusText();
  const goal = targetShareOf(target);
  const current = target.current.value;
  const scale = gaugeScale(goal, current, target.expectedShare);
  const at = (share: number) => `${Math.min(100, (share / scale) * 100)}%`;
  const colour = statusColour[target.status ?? ""] ?? "gray.7";
  const currentText =
    current === null
      ? t(`web.indicatorReasons.${target.current.reason ?? "empty_denominator"}`)
      : (format.share(target.current.numerator, target.current.denominator) ?? "—");
  const summary = t("web.dashboard.targets.summary", {
    current: currentText,
    target: format.percent(goal),
    year: String(target.targetYear),
  });
  const title = `${target.unit.name} — ${target.rankGroup?.name ?? t("web.dashboard.allRanks")}`;
  return (
    <Paper withBorder radius="md" p="sm" component="article" aria-label={title}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text size="sm" fw={600} component="h3" m={0}>
            {title}
          </Text>
          <Badge
            color={colour}
            variant="filled"
            tt="none"
            maw="50%"
            style={{ flexShrink: 0, height: "auto", whiteSpace: "normal" }}
          >
            {statusText(target)}
          </Badge>
        </Group>
        <Box
          pos="relative"
          h={16}
          bg="gray.1"
          style={{ borderRadius: 4 }}
          role="img"
          aria-label={summary}
        >
          {current !== null ? (
            <Box
              pos="absolute"
              left={0}
              top={0}
              h="100%"
              w={at(current)}
              bg={colour}
              style={{ borderRadius: 4 }}
            />
          ) : null}
          {target.expectedShare !== null ? (
            <Box
              pos="absolute"
              top={-3}
              h={22}
              left={at(target.expectedShare)}
              style={{ borderLeft: `2px dashed ${themeColourVar("dark.3")}` }}
            />
          ) : null}
          <Box pos="absolute" top={-4} h={24} w={3} left={at(goal)} bg="dark.7" />
        </Box>
        <Text size="xs">{summary}</Text>
        {target.expectedShare !== null ? (
          <Text size="xs" c="dimmed">
            {t("web.dashboard.targets.expected", { share: format.percent(target.expectedShare) })}
          </Text>
        ) : null}
        {target.gapPersons !== null && target.gapPersons > 0 ? (
          <Text size="xs" c="dimmed">
            {t("web.dashboard.targets.womenShort", {
              count: target.gapPersons,
              countText: format.count(target.gapPersons),
            })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
