import { Badge, Group, Paper, SimpleGrid, Stack, Switch, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Sex } from "../../../../core/schemas/sex";
import { useFormatters } from "../../../lib/use-formatters";
import {
  attendanceGrid,
  attendanceTotals,
  clampCount,
  hasDetailedCounts,
  setCell,
  type AttendanceGrid,
  type SexCounts,
} from "../lib/attendance";
import { CountStepper } from "./count-stepper";

interface AttendanceFieldsProps {
  readonly officers: SexCounts;
  readonly attendance: AttendanceGrid;
  readonly onOfficersChange: (officers: SexCounts) => void;
  readonly onAttendanceChange: (attendance: AttendanceGrid) => void;
  readonly isDisabled: boolean;
  readonly attendanceError?: string | undefined;
}

/**
 * Officers present by sex and attendance by sex × age group, with totals. Women and men of a known
 * age are always shown; another or unknown sex and unknown age open on request (or when counted).
 */
export function AttendanceFields(props: AttendanceFieldsProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [isDetailWanted, setIsDetailWanted] = useState(false);
  const isDetailed = isDetailWanted || hasDetailedCounts(props.attendance, props.officers);
  const sexesShown: readonly Sex[] = isDetailed ? ["F", "M", "X", "U"] : ["F", "M"];
  const groupsShown = isDetailed ? attendanceGrid : attendanceGrid.filter((g) => g !== "unknown");
  const totals = attendanceTotals(props.attendance);
  const officerTotal = props.officers.F + props.officers.M + props.officers.X + props.officers.U;

  return (
    <Stack gap="sm">
      <Switch
        size="md"
        label={t("web.outreach.attendance.detail")}
        checked={isDetailed}
        disabled={isDetailed && !isDetailWanted}
        onChange={(event) => setIsDetailWanted(event.currentTarget.checked)}
      />
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <Group justify="space-between" wrap="nowrap">
            <Title order={3} size="h5">
              {t("web.outreach.field.officersPresent")}
            </Title>
            <Badge variant="light" size="lg" data-testid="officers-total">
              {format.count(officerTotal)}
            </Badge>
          </Group>
          <SimpleGrid cols={2} spacing="xs">
            {sexesShown.map((sex) => (
              <CountStepper
                key={sex}
                label={t(`web.sex.${sex}`)}
                accessibleName={t("web.outreach.attendance.officersOf", {
                  sex: t(`web.sex.${sex}`),
                })}
                value={props.officers[sex]}
                onChange={(value) =>
                  props.onOfficersChange({ ...props.officers, [sex]: clampCount(value) })
                }
                isDisabled={props.isDisabled}
              />
            ))}
          </SimpleGrid>
        </Stack>
      </Paper>
      {sexesShown.map((sex) => (
        <Paper key={sex} withBorder p="sm">
          <Stack gap="xs">
            <Group justify="space-between" wrap="nowrap">
              <Title order={3} size="h5">
                {t("web.outreach.attendance.participants", { sex: t(`web.sex.${sex}`) })}
              </Title>
              <Badge variant="light" size="lg" data-testid={`attendance-total-${sex}`}>
                {format.count(totals.bySex[sex])}
              </Badge>
            </Group>
            <SimpleGrid cols={2} spacing="xs">
              {groupsShown.map((ageGroup) => (
                <CountStepper
                  key={ageGroup}
                  label={t(`web.outreach.ageGroup.${ageGroup}`)}
                  accessibleName={t("web.outreach.attendance.cell", {
                    sex: t(`web.sex.${sex}`),
                    ageGroup: t(`web.outreach.ageGroup.${ageGroup}`),
                  })}
                  value={props.attendance[sex][ageGroup]}
                  onChange={(value) =>
                    props.onAttendanceChange(setCell(props.attendance, sex, ageGroup, value))
                  }
                  isDisabled={props.isDisabled}
                />
              ))}
            </SimpleGrid>
          </Stack>
        </Paper>
      ))}
      <Paper withBorder p="sm" bg="gray.0">
        <Stack gap={4}>
          <Text fw={600} data-testid="attendance-total">
            {t("web.outreach.attendance.total", { total: format.count(totals.total) })}
          </Text>
          <Text size="sm" c="dimmed">
            {groupsShown
              .map((ageGroup) =>
                t("web.outreach.attendance.byAgeGroup", {
                  ageGroup: t(`web.outreach.ageGroup.${ageGroup}`),
                  count: format.count(totals.byAgeGroup[ageGroup]),
                }),
              )
              .join(" · ")}
          </Text>
          {props.attendanceError ? (
            <Text size="sm" c="red" role="alert">
              {props.attendanceError}
            </Text>
          ) : null}
        </Stack>
      </Paper>
    </Stack>
  );
}
