import { LineChart } from "@mantine/charts";
import { Stack } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../../../lib/use-formatters";
import { useIndicatorTrend } from "../../../lib/use-indicator.query";
import { useRankOrder } from "../api/use-rank-order.query";
import { seriesStyle } from "../lib/series-style";
import { buildTrendChart, trendTable } from "../lib/trend-series";
import { ChartTooltip } from "./chart-tooltip";
import { SeriesLegend } from "./series-legend";
import { DisclosureNote } from "../../../components/disclosure-note";
import { Panel } from "../../../components/figures/panel";

const DEFINITION_KEY = "web.indicators.share_women";

/** Ten years of the share of women, overall and per rank group, with the table of the same points. */
export function TrendPanel({ unit, at }: { readonly unit: number | null; readonly at: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const order = useRankOrder();
  const query = useIndicatorTrend("share_women", { unit, at, by: ["rank_group"] }, 10);
  const groupOrder = order.data?.groups;
  const options = useMemo(
    () => ({
      dimension: "rank_group",
      allLabel: t("web.dashboard.allRanks"),
      order: groupOrder ?? [],
    }),
    [t, groupOrder],
  );
  const chart = useMemo(
    () => (query.data ? buildTrendChart(query.data, options) : null),
    [query.data, options],
  );
  const table = useMemo(
    () =>
      query.data
        ? trendTable(query.data, {
            ...options,
            rowHeader: t("web.dashboard.trend.year"),
            definitionKey: DEFINITION_KEY,
          })
        : undefined,
    [query.data, options, t],
  );
  const labels = useMemo(
    () => new Map(chart?.series.map((series) => [series.key, series.label])),
    [chart],
  );
  const title = t("web.dashboard.trend.title");
  const latest = query.data?.points.at(-1);
  return (
    <Panel
      title={title}
      description={`${t(`${DEFINITION_KEY}.definition`)} ${t("web.dashboard.trend.description")}`}
      query={query}
      table={table}
      fileName="share-of-women-trend"
      layout="below"
      tableMinWidth={480}
      footnote={<DisclosureNote result={latest} />}
      chart={
        chart ? (
          <Stack gap="xs">
            <LineChart
              h={300}
              data={[...chart.data]}
              dataKey="period"
              series={chart.series.map((series, i) => ({
                name: series.key,
                label: series.label,
                ...seriesStyle(i),
              }))}
              valueFormatter={(value) => format.percent(value)}
              tooltipProps={{
                content: ({ label, payload }) => (
                  <ChartTooltip
                    label={label}
                    payload={payload}
                    labels={labels}
                    formatValue={format.percent}
                    definitionKey={DEFINITION_KEY}
                  />
                ),
              }}
              yAxisProps={{ domain: [0, "auto"], width: 56 }}
              connectNulls={false}
              curveType="linear"
              strokeWidth={2}
            />
            <SeriesLegend
              items={chart.series.map((series, i) => ({
                key: series.key,
                label: series.label,
                ...seriesStyle(i),
              }))}
            />
          </Stack>
        ) : null
      }
    />
  );
}
