import { SimpleGrid, Stack, Text } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useTargetStatus } from "../api/use-target-status.query";
import { sortTargets, targetsTable } from "../lib/targets";
import { Panel } from "../../../components/figures/panel";
import { TargetGauge, useTargetStatusText } from "./target-gauge";

interface TargetsPanelProps {
  readonly unit: number | null;
  readonly at: string;
  readonly onOpenUnit: (unitId: number) => void;
}

/** The representation targets of the unit's subtree: a gauge each, and the table of their figures. */
export function TargetsPanel({ unit, at, onOpenUnit }: TargetsPanelProps) {
  const { t } = useTranslation();
  const statusText = useTargetStatusText();
  const query = useTargetStatus(unit, at);
  const targets = query.data?.targets;
  const table = useMemo(
    () =>
      targets
        ? targetsTable(targets, {
            rowHeader: t("web.dashboard.targets.target"),
            allRanks: t("web.dashboard.allRanks"),
            columns: {
              target: t("web.dashboard.targets.columns.target"),
              year: t("web.dashboard.targets.columns.year"),
              current: t("web.dashboard.targets.columns.current"),
              expected: t("web.dashboard.targets.columns.expected"),
              gapPoints: t("web.dashboard.targets.columns.gapPoints"),
              gapPersons: t("web.dashboard.targets.columns.gapPersons"),
              status: t("web.dashboard.targets.columns.status"),
            },
            statusText,
          })
        : undefined,
    [targets, t, statusText],
  );
  return (
    <Panel
      title={t("web.dashboard.targets.title")}
      description={t("web.dashboard.targets.description")}
      query={query}
      table={table}
      fileName="targets-status"
      layout="below"
      tableMinWidth={760}
      onOpenUnit={onOpenUnit}
      chart={
        targets ? (
          targets.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("web.dashboard.targets.none")}
            </Text>
          ) : (
            <Stack gap="xs">
              <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} spacing="sm">
                {sortTargets(targets).map((target) => (
                  <TargetGauge key={target.id} target={target} />
                ))}
              </SimpleGrid>
              <Text size="xs" c="dimmed">
                {t("web.dashboard.targets.legend")}
              </Text>
            </Stack>
          )
        ) : null
      }
    />
  );
}
