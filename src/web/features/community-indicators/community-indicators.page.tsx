import { Stack, Text, Title } from "@mantine/core";
import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { IndicatorId } from "../../../core/indicators/registry";
import {
  indicatorResult,
  trendResult,
  type IndicatorResult,
} from "../../../core/schemas/indicators";
import { sexes } from "../../../core/schemas/sex";
import { DisclosureNote } from "../../components/disclosure-note";
import { MonthSelect } from "../../components/month-select";
import { apiRequest } from "../../lib/api-client";
import { recentMonths, todayIsoDate } from "../../lib/format";
import { useFormatters } from "../../lib/use-formatters";
import { useSearchParam, useUnitParam } from "../../lib/use-search-param";
import { useIndicator, type IndicatorParams } from "../../lib/use-indicator.query";
import { Panel } from "../../components/figures/panel";
import { countFigureOf, figureOf } from "../../components/figures/figure";
import type { ColumnKind, TableModel, TableRow } from "../../components/figures/table-model";

/** The comparison table's columns: each a community indicator of the month (docs/indicators.md §7). */
const COMPARED: readonly { id: IndicatorId; kind: ColumnKind }[] = [
  { id: "issues_raised", kind: "count" },
  { id: "on_the_spot_rate", kind: "percent" },
  { id: "resolution_rate_officer", kind: "percent" },
  { id: "resolution_rate_resident_confirmed", kind: "percent" },
  { id: "referral_completion_rate", kind: "percent" },
  { id: "median_days_to_resolution", kind: "count" },
  { id: "woman_officer_request_fulfilment", kind: "percent" },
  { id: "outreach_attendance", kind: "count" },
  { id: "outreach_sessions", kind: "count" },
  { id: "satisfaction", kind: "percent" },
];

function monthPeriod(month: string) {
  const [year, number] = month.split("-").map(Number) as [number, number];
  const next = new Date(Date.UTC(year, number, 1)).toISOString().slice(0, 10);
  const end = new Date(Date.UTC(year, number, 0)).toISOString().slice(0, 10);
  return { from: `${month}-01`, to: next, at: end };
}

function cellOf(result: IndicatorResult | undefined, unitCode: string | null) {
  if (!result) return undefined;
  return unitCode === null ? result.total : result.rows.find((r) => r.key.unit === unitCode);
}

/** Several indicators for the same unit and period (`GET /api/indicators/:id`), cached as the dashboard's. */
function useIndicators(ids: readonly IndicatorId[], params: IndicatorParams) {
  const query = new URLSearchParams({
    from: params.from ?? "",
    to: params.to ?? "",
    at: params.at ?? "",
    by: (params.by ?? []).join(","),
  });
  if (params.unit !== null) query.set("unit", String(params.unit));
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: ["indicators", id, params],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        apiRequest("GET", `/api/indicators/${id}?${query.toString()}`, {
          schema: indicatorResult,
          signal,
        }),
      placeholderData: keepPreviousData,
    })),
  });
}

function useMonthlyTrend(id: IndicatorId, unit: number | null, at: string) {
  return useQuery({
    queryKey: ["indicators", id, "monthly", unit, at],
    queryFn: ({ signal }) =>
      apiRequest(
        "GET",
        `/api/indicators/${id}/trend?months=12&at=${at}${unit === null ? "" : `&unit=${unit}`}`,
        { schema: trendResult, signal },
      ),
  });
}

/**
 * `/community/indicators`: a unit's community indicators for a month (the unit from the navigation's
 * picker, `?unit=`), the units under it compared, officer-reported beside resident-confirmed
 * resolution, satisfaction by sex with intervals, and a monthly trend. Reuses the dashboard's
 * panels, tables and definitions-on-hover.
 */
export function CommunityIndicatorsPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [unit, setUnit] = useUnitParam();
  const months = recentMonths(todayIsoDate(), { includeCurrent: true });
  const [monthParam, setMonth] = useSearchParam("month");
  const month = monthParam ?? months[1] ?? months[0] ?? "";
  const period = monthPeriod(month);
  const params = { unit, from: period.from, to: period.to, at: period.at, by: ["unit"] as const };
  const queries = useIndicators(
    COMPARED.map(({ id }) => id),
    params,
  );
  const results = COMPARED.map(({ id }, i) => ({ id, query: queries[i] }));
  const satisfaction = useIndicator("satisfaction", { ...params, by: [] });
  const raisedTrend = useMonthlyTrend("issues_raised", unit, period.at);
  const spotTrend = useMonthlyTrend("on_the_spot_rate", unit, period.at);
  const first = queries[0];
  const name = (id: IndicatorId) => t(`web.indicators.${id}.name`);

  const comparisonRow = (code: string | null, header: string, unitId?: number): TableRow => ({
    id: code ?? "total",
    header,
    ...(unitId !== undefined && { unitId }),
    cells: results.map(({ query }) => {
      const cell = cellOf(query?.data, code);
      return cell
        ? { figure: figureOf(cell), numerator: cell.numerator, denominator: cell.denominator }
        : { figure: { kind: "missing", messageKey: "web.dashboard.noValue" } };
    }),
  });
  const comparison: TableModel | undefined = first?.data && {
    rowHeader: t("web.communityIndicators.unit"),
    columns: COMPARED.map(({ id, kind }) => ({
      id,
      label: name(id),
      kind,
      definitionKey: `web.indicators.${id}`,
    })),
    rows: first.data.rows.map((row) =>
      comparisonRow(row.key.unit ?? "", row.labels.unit ?? "", undefined),
    ),
    total: comparisonRow(null, first.data.scope.name),
  };

  const resolutionIds: IndicatorId[] = [
    "resolution_rate_officer",
    "resolution_rate_resident_confirmed",
  ];
  const resolution: TableModel | undefined = first?.data && {
    rowHeader: t("web.communityIndicators.indicator"),
    columns: [
      { id: "value", label: t("web.communityIndicators.value"), kind: "percent" },
      { id: "numerator", label: "n", kind: "count" },
      { id: "denominator", label: "N", kind: "count" },
    ],
    rows: resolutionIds.map((id) => {
      const cell = results.find((r) => r.id === id)?.query?.data?.total;
      const count = (n: number | null | undefined) =>
        countFigureOf(n ?? null, cell?.suppression ?? null);
      return {
        id,
        header: name(id),
        cells: cell
          ? [
              { figure: figureOf(cell), numerator: cell.numerator, denominator: cell.denominator },
              { figure: count(cell.numerator) },
              { figure: count(cell.denominator) },
            ]
          : [],
      };
    }),
  };

  const total = satisfaction.data?.total;
  const satisfactionTable: TableModel | undefined = total && {
    rowHeader: t("web.communityIndicators.satisfaction"),
    columns: [
      {
        id: "value",
        label: name("satisfaction"),
        kind: "percent",
        definitionKey: "web.indicators.satisfaction",
      },
      { id: "n", label: t("web.communityIndicators.respondents"), kind: "count" },
      { id: "low", label: `${t("web.communityIndicators.interval")} −`, kind: "percent" },
      { id: "high", label: `${t("web.communityIndicators.interval")} +`, kind: "percent" },
      { id: "flag", label: "", kind: "text" },
    ],
    rows: sexes.map((sex) => {
      const value = total.bySex?.[sex];
      const ci = value?.ci ?? null;
      return {
        id: sex,
        header: t(`web.sex.${sex}`),
        cells: value
          ? [
              {
                figure: figureOf(value),
                numerator: value.numerator,
                denominator: value.denominator,
              },
              { figure: countFigureOf(value.denominator, value.suppression) },
              {
                figure: ci ? { kind: "value", value: ci.low } : figureOf({ ...value, value: null }),
              },
              {
                figure: ci
                  ? { kind: "value", value: ci.high }
                  : figureOf({ ...value, value: null }),
              },
              {
                figure: {
                  kind: "text",
                  text: value.flags?.includes("small_sample")
                    ? t("web.communityIndicators.smallSample")
                    : "",
                },
              },
            ]
          : [],
      };
    }),
  };
  const difference = total?.details?.differenceFM as
    { estimate: number; low: number; high: number } | null | undefined;

  const trendTable: TableModel | undefined = raisedTrend.data && {
    rowHeader: t("web.communityIndicators.month"),
    columns: [
      {
        id: "raised",
        label: name("issues_raised"),
        kind: "count",
        definitionKey: "web.indicators.issues_raised",
      },
      {
        id: "spot",
        label: name("on_the_spot_rate"),
        kind: "percent",
        definitionKey: "web.indicators.on_the_spot_rate",
      },
    ],
    rows: raisedTrend.data.points.map((point, i) => {
      const spot = spotTrend.data?.points[i]?.total;
      return {
        id: point.from ?? String(i),
        header: format.month((point.from ?? "").slice(0, 7)),
        cells: [
          { figure: figureOf(point.total) },
          spot
            ? { figure: figureOf(spot), numerator: spot.numerator, denominator: spot.denominator }
            : { figure: { kind: "missing", messageKey: "web.dashboard.noValue" } },
        ],
      };
    }),
  };

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t("web.communityIndicators.title")}
      </Title>
      <MonthSelect
        label={t("web.communityIndicators.month")}
        value={month}
        months={months}
        onChange={(value) => setMonth(value)}
      />
      <Panel
        title={t("web.communityIndicators.comparison")}
        description={t("web.communityIndicators.comparisonDescription")}
        query={first ?? satisfaction}
        table={comparison}
        fileName={`community-indicators-${month}`}
        onOpenUnit={setUnit}
        tableMinWidth={1100}
        footnote={<DisclosureNote result={first?.data} />}
      />
      <Panel
        title={t("web.communityIndicators.resolution")}
        description={t("web.transparency.sideBySide")}
        query={first ?? satisfaction}
        table={resolution}
        fileName={`community-resolution-${month}`}
      />
      <Panel
        title={t("web.communityIndicators.satisfaction")}
        description={t("web.indicators.satisfaction.definition")}
        query={satisfaction}
        table={satisfactionTable}
        fileName={`community-satisfaction-${month}`}
        footnote={
          difference ? (
            <Text size="sm">
              {t("web.communityIndicators.difference", {
                value: format.decimal(difference.estimate * 100, 1),
                low: format.decimal(difference.low * 100, 1),
                high: format.decimal(difference.high * 100, 1),
              })}
            </Text>
          ) : null
        }
      />
      <Panel
        title={t("web.communityIndicators.trend")}
        description={t("web.communityIndicators.trendDescription")}
        query={raisedTrend}
        table={trendTable}
        fileName={`community-trend-${month}`}
      />
    </Stack>
  );
}
