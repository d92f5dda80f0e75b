import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PersonnelImportReport } from "../../../../core/schemas/personnel-import";
import { useFormatters } from "../../../lib/use-formatters";
import { ErrorReport } from "./error-report";
import type { ValueChoice } from "../value-maps";
import { EventCountsTable } from "./event-counts-table";
import { ValueMapPanel } from "./value-map-panel";

interface RunResultProps {
  readonly report: PersonnelImportReport;
  readonly fileName: string;
  /** Commits the validated file (offered after a successful dry run). */
  readonly onImport: () => void;
  /** Translations of values the register does not know: add them to the mapping and check again. */
  readonly onApplyValues: (choices: readonly ValueChoice[]) => void;
  readonly onBack: () => void;
  readonly onStartOver: () => void;
}

function Outcome({ color, children }: { readonly color: string; readonly children: ReactNode }) {
  return (
    <Alert color={color} variant="light" role="status" data-testid="personnel-outcome">
      {children}
    </Alert>
  );
}

/** Above this share of a unit's officers leaving at once, the review asks whether the file is complete. */
const MANY_EXITS_SHARE = 0.1;

/** What a run found or did: the errors, the review before committing, or the summary after. */
export function RunResult(props: RunResultProps) {
  const { report, fileName, onImport, onBack, onStartOver } = props;
  const { t } = useTranslation();
  const format = useFormatters();
  const key = "web.personnelImport.result";
  const counts = {
    rows: report.rows,
    rowsText: format.count(report.rows),
    events: report.eventsCreated,
    eventsText: format.count(report.eventsCreated),
    persons: report.personsCreated,
    personsText: format.count(report.personsCreated),
  };
  const coverage = report.coverage ? (
    <Text size="sm" c="dimmed" data-testid="personnel-coverage">
      {t(`${key}.coverage`, report.coverage)}
    </Text>
  ) : null;
  const exits = report.events.find((e) => e.type === "exit")?.total ?? 0;
  const exitsWarning =
    report.coverage && exits > MANY_EXITS_SHARE * report.coverage.serving ? (
      <Alert color="yellow" variant="light" data-testid="personnel-many-exits">
        {t(`${key}.manyExits`, {
          exits,
          exitsText: format.count(exits),
          serving: report.coverage.serving,
          servingText: format.count(report.coverage.serving),
          name: report.coverage.name,
          code: report.coverage.code,
        })}
      </Alert>
    ) : null;
  const back = (
    <Button variant="default" onClick={onBack}>
      {t(`${key}.back`)}
    </Button>
  );
  const another = (
    <Button variant="default" onClick={onStartOver}>
      {t(`${key}.another`)}
    </Button>
  );
  switch (report.outcome) {
    case "invalid":
      return (
        <Stack gap="md">
          <ErrorReport report={report} fileName={fileName}>
            <ValueMapPanel report={report} onApply={props.onApplyValues} />
          </ErrorReport>
          <Group gap="sm">
            {back}
            {another}
          </Group>
        </Stack>
      );
    case "validated":
      return (
        <Stack gap="md">
          <Outcome color="blue">
            <Text size="sm" fw={600}>
              {t(`${key}.validated`, counts)}
            </Text>
            <Text size="sm">{t(`${key}.reviewHelp`)}</Text>
          </Outcome>
          <EventCountsTable events={report.events} />
          {coverage}
          {exitsWarning}
          <Group gap="sm">
            <Button onClick={onImport}>{t(`${key}.import`)}</Button>
            {back}
          </Group>
        </Stack>
      );
    case "imported":
      return (
        <Stack gap="md">
          <Outcome color="green">
            <Text size="sm" fw={600}>
              {t(`${key}.imported`, counts)}
            </Text>
            {report.batchId === null ? null : (
              <Text size="sm">{t(`${key}.batch`, { id: String(report.batchId) })}</Text>
            )}
          </Outcome>
          <EventCountsTable events={report.events} />
          {coverage}
          <Group gap="sm">
            <Button component={Link} to="/">
              {t(`${key}.home`)}
            </Button>
            {another}
          </Group>
        </Stack>
      );
    case "unchanged":
      return (
        <Stack gap="md">
          <Outcome color="teal">
            {t(`${key}.${report.isDryRun ? "unchangedCheck" : "unchanged"}`, counts)}
          </Outcome>
          <Group gap="sm">
            <Button component={Link} to="/" variant="default">
              {t(`${key}.home`)}
            </Button>
            {another}
          </Group>
        </Stack>
      );
    case "cancelled":
      return (
        <Stack gap="md">
          <Outcome color="yellow">{t(`${key}.cancelled`)}</Outcome>
          <Group gap="sm">{back}</Group>
        </Stack>
      );
  }
}
