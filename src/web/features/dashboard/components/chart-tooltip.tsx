import { ColorSwatch, Group, Paper, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../../../lib/use-formatters";
import { denominatorKeyOf } from "../lib/chart-keys";

interface PayloadItem {
  readonly dataKey?: unknown;
  readonly name?: unknown;
  readonly value?: unknown;
  readonly color?: string | undefined;
  readonly payload?: unknown;
}

interface ChartTooltipProps {
  readonly label: ReactNode;
  readonly payload: readonly PayloadItem[] | undefined;
  /** Series names (data keys) to their labels. */
  readonly labels: ReadonlyMap<string, string>;
  readonly formatValue: (value: number) => string;
  /** `web.indicators.<id>`: the definition printed under the values. */
  readonly definitionKey: string;
}

/**
 * The tooltip of a chart: each series' value with its denominator ("n = …"), and the indicator's
 * definition, so a chart shows on hover what its table shows.
 */
export function ChartTooltip({
  label,
  payload,
  labels,
  formatValue,
  definitionKey,
}: ChartTooltipProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const items = (payload ?? []).filter((item) => typeof item.value === "number");
  if (items.length === 0) return null;
  return (
    <Paper withBorder shadow="md" p="xs" maw={320} radius="sm">
      <Stack gap={4}>
        <Text size="sm" fw={700}>
          {label}
        </Text>
        {items.map((item) => {
          const key = String(item.dataKey);
          const row = (item.payload ?? {}) as Record<string, unknown>;
          const n = row[denominatorKeyOf(key)];
          return (
            <Group key={key} gap={6} wrap="nowrap" justify="space-between">
              <Group gap={6} wrap="nowrap">
                {item.color ? (
                  <ColorSwatch color={item.color} size={10} withShadow={false} />
                ) : null}
                <Text size="xs">{labels.get(key) ?? String(item.name)}</Text>
              </Group>
              <Text size="xs" fw={600}>
                {formatValue(item.value as number)}
                {typeof n === "number"
                  ? ` (${t("web.dashboard.denominator", { n: format.count(n) })})`
                  : null}
              </Text>
            </Group>
          );
        })}
        <Text size="xs" c="dimmed">
          {t(`${definitionKey}.definition`)}
        </Text>
      </Stack>
    </Paper>
  );
}
