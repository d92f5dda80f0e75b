import { Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { canPerform } from "../../../core/access/permissions";
import { todayIsoDate } from "../../lib/format";
import { useSearchParam, useUnitParam } from "../../lib/use-search-param";
import { AsOfDateInput } from "../home/components/as-of-date-input";
import { useMe } from "../auth/api/use-me.query";
import { useOrgUnits } from "../org-units/api/use-org-units.query";
import { useIndicator, useIndicatorList } from "../../lib/use-indicator.query";
import { FlowsPanel } from "./components/flows-panel";
import { HeadlineCards } from "./components/headline-cards";
import { HeatMapPanel } from "./components/heat-map-panel";
import { PipelinePanel } from "./components/pipeline-panel";
import { ReportDownload } from "./components/report-download";
import { ProjectionPanel } from "./components/projection-panel";
import { TargetsPanel } from "./components/targets-panel";
import { TrendPanel } from "./components/trend-panel";
import { UnitBreadcrumb } from "./components/unit-breadcrumb";
import { unitIdsByCode, unitPath } from "./lib/unit-path";

/**
 * The parity dashboard: where women are in the chosen unit's subtree on the chosen date, how that
 * changed over ten years, where the pipeline leaks, which units are off target, what the future
 * holds at today's pace and what hiring would change. The unit is `?unit=ID` (shared with the
 * header's picker), the date `?at=`.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const [unitId, setUnit] = useUnitParam();
  const [atParam, setAt] = useSearchParam("at");
  // Registers are updated with a lag: open on the last day with data, not on an empty today.
  const list = useIndicatorList();
  const isDatePending = atParam === undefined && list.isPending;
  const at = atParam ?? list.data?.dataAsOf ?? todayIsoDate();
  const units = useOrgUnits(atParam);
  const me = useMe();
  // Partner-viewers do not read projections (raw small stocks and flows): no panel, no 403.
  const canProject = canPerform(me.data?.user.roles.map((r) => r.role) ?? [], "projections.read");
  // The same query as the share card: it names the unit shown when none is chosen.
  const share = useIndicator("share_women", { unit: unitId, at }, !isDatePending);
  const scopeId = unitId ?? share.data?.scope.id ?? null;
  const path = useMemo(
    () => (scopeId === null ? [] : unitPath(units.data ?? [], scopeId)),
    [units.data, scopeId],
  );
  const unitIds = useMemo(() => {
    const ids = unitIdsByCode(units.data ?? []);
    // The unit's own staff may come as a row named after it: that row opens nothing new.
    for (const [code, id] of ids) if (id === scopeId) ids.delete(code);
    return ids;
  }, [units.data, scopeId]);
  const openUnit = useCallback(
    (id: number) => {
      setUnit(id);
      window.scrollTo({ top: 0 });
    },
    [setUnit],
  );

  return (
    <Stack gap="lg" maw={1400}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t("web.dashboard.title")}
          </Title>
          <UnitBreadcrumb
            path={path}
            isPending={units.isPending || scopeId === null}
            onOpenUnit={openUnit}
          />
          <Text size="xs" c="dimmed">
            {t("web.dashboard.subtitle")}
          </Text>
        </Stack>
        <Group gap="sm" align="flex-end">
          <AsOfDateInput value={at} onChange={(next) => setAt(next, { replace: true })} />
          <ReportDownload unit={unitId} at={at} />
        </Group>
      </Group>
      {isDatePending ? (
        <Skeleton height={400} radius="md" aria-hidden />
      ) : (
        <>
          <HeadlineCards filters={{ unit: unitId, at }} />
          <TrendPanel unit={unitId} at={at} />
          <PipelinePanel unit={unitId} at={at} />
          <HeatMapPanel unit={unitId} at={at} unitIds={unitIds} onOpenUnit={openUnit} />
          <TargetsPanel unit={unitId} at={at} onOpenUnit={openUnit} />
          {canProject ? <ProjectionPanel unit={unitId} /> : null}
          <FlowsPanel unit={unitId} at={at} />
        </>
      )}
    </Stack>
  );
}
