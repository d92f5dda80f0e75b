import { Button, Group, Paper, Progress, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ImportProgress } from "../../../../core/schemas/personnel-import";
import { useFormatters } from "../../../lib/use-formatters";

interface RunProgressProps {
  readonly isDryRun: boolean;
  readonly progress: ImportProgress | null;
  readonly onCancel: () => void;
}

/** The running import: phase, percent, rows and rows per second, and a cancel. */
export function RunProgress({ isDryRun, progress, onCancel }: RunProgressProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const percent = Math.min(100, Math.max(0, Math.floor(progress?.percent ?? 0)));
  const phase = progress === null ? "sending" : progress.phase;
  return (
    <Paper withBorder radius="md" p="md" data-testid="personnel-progress">
      <Stack gap="sm">
        <Text fw={600} aria-live="polite">
          {t(`web.personnelImport.progress.${isDryRun ? "checking" : "importing"}`)} ·{" "}
          {t(`web.personnelImport.progress.phase.${phase}`)}
        </Text>
        <Progress
          value={percent}
          size="lg"
          animated
          aria-label={t("web.personnelImport.progress.label")}
        />
        <Text size="sm" c="dimmed">
          {t("web.personnelImport.progress.detail", {
            percent: format.count(percent),
            rows: progress?.rows ?? 0,
            rowsText: format.count(progress?.rows ?? 0),
            rate: format.count(Math.round(progress?.rowsPerSecond ?? 0)),
          })}
        </Text>
        <Group>
          <Button variant="default" color="red" onClick={onCancel}>
            {t("web.personnelImport.progress.cancel")}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t("web.personnelImport.progress.cancelHelp")}
        </Text>
      </Stack>
    </Paper>
  );
}
