import { Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Projection } from "../../../../core/schemas/projections";
import { useFormatters } from "../../../lib/use-formatters";

function Fact({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="sm" component="article" aria-label={title}>
      <Stack gap={2}>
        <Text size="xs" c="dimmed" fw={600} component="h3" m={0}>
          {title}
        </Text>
        {children}
      </Stack>
    </Paper>
  );
}

/** When the target is reached at the scenario's pace, and how many women must be hired to reach it in time. */
export function ProjectionSummary({ projection }: { readonly projection: Projection }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { yearsToTarget, requiredWomenHires, target, estimate, longRun } = projection;
  const horizon = projection.series.length - 1;
  const targetText = target ? format.percent(target.share) : "—";
  const estimated = estimate.hiringShare;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
      <Fact title={t("web.dashboard.projection.facts.hiring")}>
        <Text fz="xl" fw={700}>
          {estimated.value === null
            ? "—"
            : (format.share(estimated.numerator, estimated.denominator) ?? "—")}
        </Text>
        <Text size="xs" c="dimmed">
          {estimated.value === null
            ? t("web.dashboard.projection.reasons.empty_denominator")
            : t("web.dashboard.projection.facts.hiringDetail", {
                women: format.count(estimated.numerator),
                hires: format.count(estimated.denominator),
                years: projection.estimationYears.join(", "),
              })}
        </Text>
      </Fact>
      <Fact title={t("web.dashboard.projection.facts.yearsToTarget", { target: targetText })}>
        {yearsToTarget === null ? (
          <Text size="sm">—</Text>
        ) : yearsToTarget.year !== null && yearsToTarget.value !== null ? (
          <>
            <Text fz="xl" fw={700}>
              {yearsToTarget.year}
            </Text>
            <Text size="xs" c="dimmed">
              {t("web.dashboard.projection.facts.inYears", {
                count: yearsToTarget.value,
                countText: format.count(yearsToTarget.value),
              })}
            </Text>
          </>
        ) : (
          <>
            <Text fz="md" fw={700}>
              {t("web.dashboard.projection.facts.notWithin", { years: horizon })}
            </Text>
            <Text size="xs" c="dimmed">
              {longRun.value === null
                ? t(`web.dashboard.projection.reasons.${longRun.reason ?? "no_steady_state"}`)
                : t(
                    yearsToTarget.isReachableInLongRun
                      ? "web.dashboard.projection.facts.longRunReaches"
                      : "web.dashboard.projection.facts.longRunShort",
                    { share: format.percent(yearsToTarget.longRunShare.value ?? longRun.value) },
                  )}
            </Text>
          </>
        )}
      </Fact>
      <Fact
        title={t("web.dashboard.projection.facts.hiresNeeded", {
          target: targetText,
          year: String(requiredWomenHires?.targetYear ?? target?.year ?? "—"),
        })}
      >
        {requiredWomenHires === null ? (
          <Text size="sm">—</Text>
        ) : requiredWomenHires.value !== null && requiredWomenHires.hiringShare !== null ? (
          <>
            <Text fz="xl" fw={700}>
              {format.count(Math.ceil(requiredWomenHires.value))}
            </Text>
            <Text size="xs" c="dimmed">
              {t("web.dashboard.projection.facts.hiresNeededDetail", {
                share: format.percent(requiredWomenHires.hiringShare),
                hires: format.count(Math.round(requiredWomenHires.knownSexHires)),
              })}
            </Text>
          </>
        ) : (
          <Text size="sm">
            {requiredWomenHires.reason === "infeasible_with_total_hires" &&
            requiredWomenHires.totalHiresNeededAtFullShare !== null
              ? t("web.dashboard.projection.facts.infeasible", {
                  hires: format.count(Math.ceil(requiredWomenHires.totalHiresNeededAtFullShare)),
                })
              : t(
                  `web.dashboard.projection.reasons.${requiredWomenHires.reason ?? "already_on_track"}`,
                )}
          </Text>
        )}
      </Fact>
    </SimpleGrid>
  );
}
