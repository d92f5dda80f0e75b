import { Stack, Text } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useIndicator } from "../../../lib/use-indicator.query";
import { useRankOrder } from "../api/use-rank-order.query";
import { buildHeatMapMatrix, heatMapTable } from "../lib/heat-map-matrix";
import { DisclosureNote } from "../../../components/disclosure-note";
import { HeatMap, HeatMapLegend } from "./heat-map";
import { Panel } from "../../../components/figures/panel";

const DEFINITION_KEY = "web.indicators.share_women";

interface HeatMapPanelProps {
  readonly unit: number | null;
  readonly at: string;
  /** Ids of the units the user may open, by code. */
  readonly unitIds: ReadonlyMap<string, number>;
  readonly onOpenUnit: (unitId: number) => void;
}

/** The share of women in each unit below the chosen one × rank group; a unit's name drills into it. */
export function HeatMapPanel({ unit, at, unitIds, onOpenUnit }: HeatMapPanelProps) {
  const { t } = useTranslation();
  const order = useRankOrder();
  const query = useIndicator("share_women", { unit, at, by: ["unit", "rank_group"] });
  const groupOrder = order.data?.groups;
  const table = useMemo(
    () =>
      query.data
        ? heatMapTable(buildHeatMapMatrix(query.data, { groupOrder: groupOrder ?? [], unitIds }), {
            rowHeader: t("web.dashboard.heatMap.unit"),
            allRankGroups: t("web.dashboard.allRanks"),
            allUnits: t("web.dashboard.heatMap.allUnits"),
            definitionKey: DEFINITION_KEY,
          })
        : undefined,
    [query.data, groupOrder, unitIds, t],
  );
  const title = t("web.dashboard.heatMap.title");
  return (
    <Panel
      title={title}
      description={`${t(`${DEFINITION_KEY}.definition`)} ${t("web.dashboard.heatMap.description")}`}
      query={query}
      table={table}
      fileName="share-of-women-by-unit-and-rank-group"
      isTableShown={false}
      footnote={<DisclosureNote result={query.data} />}
      chart={
        table ? (
          table.rows.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("web.dashboard.heatMap.noUnits")}
            </Text>
          ) : (
            <Stack gap="xs">
              <HeatMapLegend />
              <HeatMap
                model={table}
                label={t("web.dashboard.tableOf", { title })}
                onOpenUnit={onOpenUnit}
              />
            </Stack>
          )
        ) : null
      }
    />
  );
}
