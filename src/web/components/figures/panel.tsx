import { Box, Grid, Group, Paper, Skeleton, Spoiler, Stack, Text, Title } from "@mantine/core";
import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../error-alert";
import type { TableModel } from "./table-model";
import { CsvButton } from "./csv-button";
import { DataTable } from "./data-table";

interface QueryState {
  readonly isPending: boolean;
  readonly isError: boolean;
  readonly error: unknown;
  readonly refetch: () => unknown;
}

interface PanelProps {
  readonly title: string;
  /** What the chart shows and what it is divided by, printed under the title. */
  readonly description: string;
  readonly query: QueryState;
  readonly table?: TableModel | undefined;
  readonly fileName: string;
  /** The chart; its numbers are in the table. */
  readonly chart?: ReactNode;
  /** Controls above the chart (what-if sliders). */
  readonly controls?: ReactNode;
  /** Notes under the table (disclosure control). */
  readonly footnote?: ReactNode;
  /** `beside`: chart and table side by side on wide screens; `below`: the table under the chart. */
  readonly layout?: "beside" | "below";
  readonly onOpenUnit?: (unitId: number) => void;
  readonly tableMinWidth?: number;
  /** False when the chart is itself a table of the same numbers (the heat map): CSV only. */
  readonly isTableShown?: boolean;
  /** Fold a long table to a few rows until the reader unfolds it. */
  readonly isTableFolded?: boolean;
}

/**
 * One section of the dashboard: a heading, its definition, a chart and the table of the same
 * numbers with a CSV download; a skeleton while loading and the error in words when it fails.
 */
export function Panel({
  title,
  description,
  query,
  table,
  fileName,
  chart,
  controls,
  footnote,
  layout = "beside",
  onOpenUnit,
  tableMinWidth,
  isTableShown = true,
  isTableFolded = false,
}: PanelProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const isBeside = layout === "beside" && Boolean(chart) && isTableShown;
  // A long table (the projection's years) is folded, with a button to unfold it.
  const tableSlot = (node: ReactNode) =>
    isTableFolded ? (
      <Spoiler
        maxHeight={280}
        showLabel={t("web.dashboard.table.showAll")}
        hideLabel={t("web.dashboard.table.showFewer")}
      >
        {node}
      </Spoiler>
    ) : (
      node
    );
  const descriptionId = useId();
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: "sm", sm: "md" }}
      component="section"
      aria-labelledby={titleId}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={2} size="h4" id={titleId}>
            {title}
          </Title>
          {table && !query.isError ? (
            <CsvButton model={table} fileName={fileName} title={title} />
          ) : null}
        </Group>
        <Text size="xs" c="dimmed" id={descriptionId}>
          {description}
        </Text>
        {controls}
        {query.isError ? (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        ) : null}
        {query.isPending ? <Skeleton height={240} radius="md" aria-hidden /> : null}
        {table && !query.isError ? (
          <Grid gap="md">
            {chart ? (
              <Grid.Col span={{ base: 12, xl: isBeside ? 5 : 12 }} miw={0}>
                <Box role="figure" aria-label={t("web.dashboard.chartOf", { title })}>
                  {chart}
                </Box>
              </Grid.Col>
            ) : null}
            {isTableShown ? (
              <Grid.Col span={{ base: 12, xl: isBeside ? 7 : 12 }} miw={0}>
                {tableSlot(
                  <DataTable
                    model={table}
                    label={t("web.dashboard.tableOf", { title })}
                    describedBy={descriptionId}
                    {...(onOpenUnit ? { onOpenUnit } : {})}
                    {...(tableMinWidth ? { minWidth: tableMinWidth } : {})}
                  />,
                )}
              </Grid.Col>
            ) : null}
          </Grid>
        ) : null}
        {footnote}
      </Stack>
    </Paper>
  );
}
