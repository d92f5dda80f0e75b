import { CompositeChart } from "@mantine/charts";
import { Group, Paper, Stack, Text } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../../../lib/use-formatters";
import { useProjection, type ProjectionScenario } from "../api/use-projection.query";
import { denominatorKeyOf } from "../lib/chart-keys";
import {
  BAND,
  buildProjectionChart,
  FOCUS,
  OVERALL,
  projectionAxisTicks,
  projectionAxisTop,
  projectionTable,
} from "../lib/projection-series";
import { Panel } from "../../../components/figures/panel";
import { ProjectionControls } from "./projection-controls";
import { ProjectionSummary } from "./projection-summary";
import { SeriesLegend } from "./series-legend";

const HORIZON = 30;
const DEFAULT_TARGET_SHARE = 0.3;
const DEFAULT_TARGET_IN_YEARS = 10;

interface TooltipItem {
  readonly payload?: unknown;
}

/** The projection chart's tooltip: the share with its band and denominator, in words. */
function ProjectionTooltip({
  label,
  payload,
}: {
  readonly label: unknown;
  readonly payload: readonly TooltipItem[] | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const row = (payload?.[0]?.payload ?? null) as Record<string, unknown> | null;
  if (!row) return null;
  const share = row[FOCUS];
  const band = row[BAND];
  const n = row[denominatorKeyOf(FOCUS)];
  return (
    <Paper withBorder shadow="md" p="xs" maw={300} radius="sm">
      <Stack gap={2}>
        <Text size="sm" fw={700}>
          {String(label)}
        </Text>
        <Text size="xs">
          {typeof share === "number"
            ? t("web.dashboard.projection.tooltip.share", { share: format.percent(share) })
            : t("web.indicatorReasons.empty_denominator")}
        </Text>
        {Array.isArray(band) ? (
          <Text size="xs">
            {t("web.dashboard.projection.tooltip.band", {
              low: format.percent(Number(band[0])),
              high: format.percent(Number(band[1])),
            })}
          </Text>
        ) : null}
        {typeof n === "number" ? (
          <Text size="xs" c="dimmed">
            {t("web.dashboard.denominator", { n: format.count(n) })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

/**
 * The projected share of women with its bootstrap band, what-if controls, the year the target is
 * reached at that pace and the women hires a year it takes to reach it by the chosen year.
 */
export function ProjectionPanel({ unit }: { readonly unit: number | null }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [choices, setChoices] = useState<Omit<ProjectionScenario, "unit">>(() => ({
    horizon: HORIZON,
    hiringShare: null,
    promotionParity: false,
    targetShare: DEFAULT_TARGET_SHARE,
    targetYear: new Date().getFullYear() + DEFAULT_TARGET_IN_YEARS,
    targetRankGroup: null,
  }));
  const scenario = useMemo(() => ({ ...choices, unit }), [choices, unit]);
  const query = useProjection(scenario);
  const projection = query.isError ? undefined : query.data;
  const grade = projection?.target?.rankGroup ?? null;
  const gradeName = projection?.grades.find((g) => g.code === grade)?.name ?? null;
  const data = useMemo(
    () => (projection ? buildProjectionChart(projection, grade) : []),
    [projection, grade],
  );
  const table = useMemo(
    () =>
      projection
        ? projectionTable(projection, grade, {
            rowHeader: t("web.dashboard.trend.year"),
            share: t("web.dashboard.projection.columns.share"),
            low: t("web.dashboard.projection.columns.low"),
            high: t("web.dashboard.projection.columns.high"),
            headcount: t("web.dashboard.projection.columns.headcount"),
            women: t("web.dashboard.projection.columns.women"),
          })
        : undefined,
    [projection, grade, t],
  );
  const focusLabel = gradeName ?? t("web.dashboard.allRanks");
  const axisTop = useMemo(
    () => projectionAxisTop(data, projection?.target?.share ?? null),
    [data, projection],
  );
  const target = projection?.target;
  const series = [
    {
      name: BAND,
      label: t("web.dashboard.projection.band"),
      color: "indigo.2",
      type: "area" as const,
    },
    { name: FOCUS, label: focusLabel, color: "indigo.7", type: "line" as const },
    ...(grade === null
      ? []
      : [
          {
            name: OVERALL,
            label: t("web.dashboard.allRanks"),
            color: "dark.4",
            type: "line" as const,
            strokeDasharray: "6 4",
          },
        ]),
  ];
  return (
    <Panel
      title={t("web.dashboard.projection.title")}
      description={t("web.dashboard.projection.description")}
      query={query}
      table={table}
      fileName="projection"
      layout="below"
      tableMinWidth={520}
      isTableFolded
      controls={
        <Stack gap="sm">
          <ProjectionControls
            scenario={scenario}
            onChange={({ unit: _unit, ...next }) => setChoices(next)}
            estimatedHiringShare={projection?.estimate.hiringShare.value ?? null}
            baselineYear={projection?.baselineYear ?? null}
            rankGroups={projection?.grades ?? []}
          />
          {projection ? <ProjectionSummary projection={projection} /> : null}
        </Stack>
      }
      chart={
        projection ? (
          <Stack gap={4}>
            <Group gap="md">
              <Text size="xs" c="dimmed">
                {t("web.dashboard.projection.chartNote", {
                  population: focusLabel,
                  baseline: String(projection.baselineYear),
                  replicates: projection.scenario.bootstrap.replicates,
                })}
              </Text>
            </Group>
            <CompositeChart
              h={300}
              data={data}
              dataKey="year"
              series={series}
              valueFormatter={(value) => format.percent(value)}
              yAxisProps={{ domain: [0, axisTop], ticks: projectionAxisTicks(axisTop), width: 56 }}
              withDots={false}
              curveType="linear"
              areaProps={{ fillOpacity: 0.5, strokeWidth: 0 }}
              referenceLines={
                target
                  ? [
                      {
                        y: target.share,
                        color: "red.7",
                        strokeDasharray: "6 3",
                        label: t("web.dashboard.projection.targetLine", {
                          share: format.percent(target.share),
                        }),
                        labelPosition: "insideTopLeft",
                      },
                    ]
                  : []
              }
              tooltipProps={{
                content: ({ label, payload }) => (
                  <ProjectionTooltip label={label} payload={payload} />
                ),
              }}
            />
            <SeriesLegend
              items={series.map((item) => ({
                key: item.name,
                label: item.label,
                color: item.color,
                strokeDasharray: item.strokeDasharray,
                shape: item.type === "area" ? "area" : "line",
              }))}
            />
          </Stack>
        ) : null
      }
    />
  );
}
