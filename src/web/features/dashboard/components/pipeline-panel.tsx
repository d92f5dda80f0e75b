import { BarChart } from "@mantine/charts";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../../../lib/use-formatters";
import { useIndicator } from "../../../lib/use-indicator.query";
import { useRankOrder } from "../api/use-rank-order.query";
import { chartValueOf, figureOf } from "../../../components/figures/figure";
import { buildPipelineBars, countsTable } from "../lib/pipeline";
import { ChartTooltip } from "./chart-tooltip";
import { DisclosureNote } from "../../../components/disclosure-note";
import { Panel } from "../../../components/figures/panel";

const DEFINITION_KEY = "web.indicators.share_women";

/** The leaky pipeline: the share of women at each rank, most junior first, against the overall share. */
export function PipelinePanel({ unit, at }: { readonly unit: number | null; readonly at: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const order = useRankOrder();
  const query = useIndicator("share_women", { unit, at, by: ["rank"] });
  const rankOrder = order.data?.ranks;
  const bars = useMemo(
    () => (query.data ? buildPipelineBars(query.data, "rank", rankOrder ?? []) : []),
    [query.data, rankOrder],
  );
  const table = useMemo(
    () =>
      query.data
        ? countsTable(query.data, "rank", rankOrder ?? [], {
            rowHeader: t("web.dashboard.pipeline.rank"),
            counts: {
              F: t("web.sex.F"),
              M: t("web.sex.M"),
              X: t("web.sex.X"),
              U: t("web.sex.U"),
              N: t("web.indicators.headcount.name"),
            },
            value: t("web.indicators.share_women.name"),
            total: t("web.dashboard.allRanks"),
            definitionKey: DEFINITION_KEY,
            countDefinitionKey: "web.indicators.headcount",
          })
        : undefined,
    [query.data, rankOrder, t],
  );
  const overall = query.data ? chartValueOf(figureOf(query.data.total)) : null;
  const seriesLabel = t("web.indicators.share_women.name");
  const labels = useMemo(() => new Map([["share", seriesLabel]]), [seriesLabel]);
  return (
    <Panel
      title={t("web.dashboard.pipeline.title")}
      description={`${t(`${DEFINITION_KEY}.definition`)} ${t("web.dashboard.pipeline.description")}`}
      query={query}
      table={table}
      fileName="share-of-women-by-rank"
      tableMinWidth={560}
      footnote={<DisclosureNote result={query.data} />}
      chart={
        bars.length > 0 ? (
          <BarChart
            h={Math.max(220, bars.length * 32 + 48)}
            data={bars}
            dataKey="label"
            orientation="vertical"
            series={[{ name: "share", label: seriesLabel, color: "indigo.6" }]}
            valueFormatter={(value) => format.percent(value)}
            withBarValueLabel
            xAxisProps={{ domain: [0, "auto"] }}
            yAxisProps={{ width: 110 }}
            gridAxis="x"
            barChartProps={{ margin: { top: 24, right: 48 } }}
            referenceLines={
              overall === null
                ? []
                : [
                    {
                      x: overall,
                      color: "red.7",
                      strokeDasharray: "6 3",
                      label: t("web.dashboard.pipeline.overall", {
                        share: format.percent(overall),
                      }),
                      labelPosition: "top",
                    },
                  ]
            }
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
          />
        ) : null
      }
    />
  );
}
