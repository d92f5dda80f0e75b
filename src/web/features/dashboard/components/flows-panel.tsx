import { BarChart } from "@mantine/charts";
import { Group, Stack, Text } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { IndicatorId } from "../../../../core/indicators/registry";
import { useFormatters } from "../../../lib/use-formatters";
import { useIndicator } from "../../../lib/use-indicator.query";
import { ALL_SEXES, flowsChartData, flowsTable } from "../lib/flows";
import { lastTwelveMonths } from "../lib/period";
import { tableCellOf } from "../lib/table-cell";
import { ChartTooltip } from "./chart-tooltip";
import { DisclosureNote } from "../../../components/disclosure-note";
import { FigureText } from "../../../components/figures/figure-text";
import { Panel } from "../../../components/figures/panel";
import { SeriesLegend } from "./series-legend";

const flowIds = [
  "hire_rate",
  "promotion_rate",
  "separation_rate",
] as const satisfies readonly IndicatorId[];
const RATIO_KEY = "web.indicators.promotion_rate_ratio";

/** Promotion rate of women ÷ men over the same period. */
function PromotionRatio({ params }: { readonly params: Parameters<typeof useIndicator>[1] }) {
  const { t } = useTranslation();
  const ratio = useIndicator("promotion_rate_ratio", params);
  if (!ratio.data) return null;
  const cell = tableCellOf(ratio.data.total);
  return (
    <Group gap="xs" align="baseline">
      <Text size="sm" fw={600}>
        {t(`${RATIO_KEY}.name`)}:
      </Text>
      <FigureText cell={cell} kind="ratio" definitionKey={RATIO_KEY} fz="lg" fw={700} />
      {cell.figure.kind === "missing" || cell.figure.kind === "suppressed" ? (
        <Text size="xs" c="dimmed" aria-hidden>
          {t(cell.figure.messageKey)}
        </Text>
      ) : null}
    </Group>
  );
}

/** Hires, promotions and exits per head by sex over the twelve months up to the date. */
export function FlowsPanel({ unit, at }: { readonly unit: number | null; readonly at: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const params = useMemo(() => ({ unit, ...lastTwelveMonths(at) }), [unit, at]);
  const hires = useIndicator("hire_rate", params);
  const promotions = useIndicator("promotion_rate", params);
  const separations = useIndicator("separation_rate", params);
  const queries = [hires, promotions, separations];
  const failed = queries.find((query) => query.isError);
  const state = {
    isPending: queries.some((query) => query.isPending),
    isError: failed !== undefined,
    error: failed?.error,
    refetch: () => queries.forEach((query) => void query.refetch()),
  };
  const flows = useMemo(() => {
    if (!hires.data || !promotions.data || !separations.data) return null;
    const results = {
      hire_rate: hires.data,
      promotion_rate: promotions.data,
      separation_rate: separations.data,
    };
    return flowIds.map((id) => ({
      definitionKey: `web.indicators.${id}`,
      label: t(`web.indicators.${id}.name`),
      result: results[id],
    }));
  }, [hires.data, promotions.data, separations.data, t]);
  const sexes = {
    F: t("web.sex.F"),
    M: t("web.sex.M"),
    X: t("web.sex.X"),
    U: t("web.sex.U"),
    [ALL_SEXES]: t("web.dashboard.flows.everyone"),
  };
  const table = flows
    ? flowsTable(flows, { rowHeader: t("web.dashboard.flows.sex"), sexes })
    : undefined;
  const labels = new Map(Object.entries(sexes));
  const barSeries = [
    { name: "F", label: sexes.F, color: "indigo.6" },
    { name: "M", label: sexes.M, color: "orange.6" },
    { name: ALL_SEXES, label: sexes[ALL_SEXES], color: "gray.6" },
  ];
  const period = t("web.dashboard.flows.period", {
    from: format.date(params.from),
    to: format.date(at),
  });
  return (
    <Panel
      title={t("web.dashboard.flows.title")}
      description={`${period} ${t("web.dashboard.flows.description")}`}
      query={state}
      table={table}
      fileName="flows-by-sex"
      tableMinWidth={520}
      controls={<PromotionRatio params={params} />}
      footnote={<DisclosureNote result={hires.data} />}
      chart={
        flows ? (
          <Stack gap="xs">
            <BarChart
              h={300}
              orientation="vertical"
              data={flowsChartData(flows)}
              dataKey="flow"
              series={barSeries}
              valueFormatter={(value) => format.percent(value)}
              withBarValueLabel
              yAxisProps={{ width: 110 }}
              gridAxis="x"
              barChartProps={{ margin: { right: 48 } }}
              tooltipProps={{
                content: ({ label, payload }) => (
                  <ChartTooltip
                    label={label}
                    payload={payload}
                    labels={labels}
                    formatValue={format.percent}
                    definitionKey={`web.indicators.${flowIds[flows.findIndex((f) => f.label === label)] ?? "hire_rate"}`}
                  />
                ),
              }}
            />
            <SeriesLegend
              items={barSeries.map((series) => ({ key: series.name, ...series, shape: "area" }))}
            />
          </Stack>
        ) : null
      }
    />
  );
}
