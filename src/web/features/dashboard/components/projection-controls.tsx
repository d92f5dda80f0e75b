import { Button, Group, Select, SimpleGrid, Slider, Stack, Switch, Text } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../../../lib/use-formatters";
import type { ProjectionScenario } from "../api/use-projection.query";

interface ProjectionControlsProps {
  readonly scenario: ProjectionScenario;
  readonly onChange: (next: ProjectionScenario) => void;
  /** Today's share of women among hires (the estimate), where the hiring slider starts. */
  readonly estimatedHiringShare: number | null;
  readonly baselineYear: number | null;
  readonly rankGroups: readonly { readonly code: string; readonly name: string }[];
}

const toPercent = (fraction: number) => Math.round(fraction * 100);
const COMMIT_DELAY_MS = 400;

/** A slider of whole percentages that commits its value when the thumb is released. */
function PercentSlider({
  label,
  value,
  valueText,
  min,
  max,
  onCommit,
}: {
  readonly label: string;
  readonly value: number;
  /** The exact value to print while the thumb rests at `value` (today's pace, unrounded). */
  readonly valueText?: string | undefined;
  readonly min: number;
  readonly max: number;
  readonly onCommit: (percent: number) => void;
}) {
  const format = useFormatters();
  const labelId = useId();
  // Arrow keys end a change on every press: wait for a pause before asking for a new projection.
  const commit = useDebouncedCallback(onCommit, COMMIT_DELAY_MS);
  const [shown, setShown] = useState(value);
  const [committed, setCommitted] = useState(value);
  // A new value from outside (a reset) moves the thumb; dragging only moves what is shown.
  if (committed !== value) {
    setCommitted(value);
    setShown(value);
  }
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={500} id={labelId}>
          {label}
        </Text>
        <Text size="sm" fw={700}>
          {shown === value && valueText !== undefined ? valueText : format.percent(shown / 100)}
        </Text>
      </Group>
      <Slider
        value={shown}
        min={min}
        max={max}
        step={1}
        onChange={setShown}
        onChangeEnd={commit}
        label={(v) => format.percent(v / 100)}
        thumbLabel={label}
        aria-labelledby={labelId}
      />
    </Stack>
  );
}

/** What-if controls: women's share of hires, promotion parity, and the target (share, year, rank group). */
export function ProjectionControls({
  scenario,
  onChange,
  estimatedHiringShare,
  baselineYear,
  rankGroups,
}: ProjectionControlsProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const hiringShare = scenario.hiringShare ?? estimatedHiringShare ?? 0;
  const firstYear = (baselineYear ?? new Date().getFullYear()) + 1;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="sm">
      <Stack gap="xs">
        <PercentSlider
          label={t("web.dashboard.projection.controls.hiringShare")}
          value={toPercent(hiringShare)}
          valueText={
            scenario.hiringShare === null && estimatedHiringShare !== null
              ? format.percent(estimatedHiringShare)
              : undefined
          }
          min={0}
          max={100}
          onCommit={(percent) => onChange({ ...scenario, hiringShare: percent / 100 })}
        />
        <Group gap="xs" justify="space-between">
          <Text size="xs" c="dimmed">
            {estimatedHiringShare === null
              ? t("web.dashboard.projection.controls.noHires")
              : t("web.dashboard.projection.controls.todayHiring", {
                  share: format.percent(estimatedHiringShare),
                })}
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            disabled={scenario.hiringShare === null}
            onClick={() => onChange({ ...scenario, hiringShare: null })}
          >
            {t("web.dashboard.projection.controls.reset")}
          </Button>
        </Group>
        <Switch
          checked={scenario.promotionParity}
          onChange={(event) =>
            onChange({ ...scenario, promotionParity: event.currentTarget.checked })
          }
          label={t("web.dashboard.projection.controls.promotionParity")}
          description={t("web.dashboard.projection.controls.promotionParityHelp")}
        />
      </Stack>
      <Stack gap="xs">
        <PercentSlider
          label={t("web.dashboard.projection.controls.targetShare")}
          value={toPercent(scenario.targetShare)}
          min={1}
          max={60}
          onCommit={(percent) => onChange({ ...scenario, targetShare: percent / 100 })}
        />
        <Group grow gap="sm" align="flex-start">
          <Select
            label={t("web.dashboard.projection.controls.targetYear")}
            data={Array.from({ length: scenario.horizon }, (_, i) => String(firstYear + i))}
            value={scenario.targetYear === null ? null : String(scenario.targetYear)}
            onChange={(value) =>
              onChange({ ...scenario, targetYear: value ? Number(value) : null })
            }
            allowDeselect={false}
            maxDropdownHeight={240}
          />
          <Select
            label={t("web.dashboard.projection.controls.targetRankGroup")}
            data={[
              { value: "", label: t("web.dashboard.allRanks") },
              ...rankGroups.map((group) => ({ value: group.code, label: group.name })),
            ]}
            value={scenario.targetRankGroup ?? ""}
            onChange={(value) => onChange({ ...scenario, targetRankGroup: value ? value : null })}
            allowDeselect={false}
          />
        </Group>
      </Stack>
    </SimpleGrid>
  );
}
