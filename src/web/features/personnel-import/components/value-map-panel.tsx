import { Button, Code, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PersonnelImportReport } from "../../../../core/schemas/personnel-import";
import { ErrorAlert } from "../../../components/error-alert";
import { useFormatters } from "../../../lib/use-formatters";
import { useReferenceValues } from "../api/use-reference-values";
import { useValueTargets } from "../use-value-targets";
import {
  isRegisterField,
  unrecognisedValues,
  valueMapFields,
  type UnrecognisedValue,
  type ValueChoice,
} from "../value-maps";

/** Lines shown before "Show more": a file with hundreds of unknown units stays usable. */
const SHOWN_AT_FIRST = 20;

/** Options a target select lists at once; typing narrows the rest. */
const OPTIONS_LIMIT = 50;

interface ValueMapPanelProps {
  readonly report: PersonnelImportReport;
  /** The user's translations: merge them into the mapping and check the file again. */
  readonly onApply: (choices: readonly ValueChoice[]) => void;
}

const idOf = (value: UnrecognisedValue) => `${value.field}\u0000${value.value}`;

/**
 * "Values Tandem does not recognise": each distinct value of a refused file that a translation
 * can cure (an unknown rank, unit, role, sex, event type or reason), with its number of rows and a
 * searchable choice of what it means; "Apply and check again" adds the translations to the
 * mapping's value maps and runs the check again. Nothing shows when no error is of that kind.
 */
export function ValueMapPanel({ report, onApply }: ValueMapPanelProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const titleId = useId();
  const values = useMemo(() => unrecognisedValues(report.errors), [report.errors]);
  const reference = useReferenceValues(values.some((value) => isRegisterField(value.field)));
  const targets = useValueTargets(reference.data);
  const [chosen, setChosen] = useState<ReadonlyMap<string, string>>(new Map());
  const [isAllShown, setAllShown] = useState(false);
  if (values.length === 0) return null;

  const key = "web.personnelImport.valueMaps";
  const shown = isAllShown ? values : values.slice(0, SHOWN_AT_FIRST);
  const hidden = values.length - shown.length;
  const choose = (value: UnrecognisedValue, target: string | null) =>
    setChosen((previous) => {
      const next = new Map(previous);
      if (target === null) next.delete(idOf(value));
      else next.set(idOf(value), target);
      return next;
    });
  const apply = () =>
    onApply(
      values.flatMap((value) => {
        const target = chosen.get(idOf(value));
        return target === undefined ? [] : [{ field: value.field, value: value.value, target }];
      }),
    );

  return (
    <Paper
      component="section"
      aria-labelledby={titleId}
      withBorder
      radius="md"
      p="md"
      data-testid="personnel-value-maps"
    >
      <Stack gap="md">
        <Stack gap={4}>
          <Title id={titleId} order={2} size="h4">
            {t(`${key}.title`)}
          </Title>
          <Text size="sm" c="dimmed">
            {t(`${key}.help`)}
          </Text>
          {report.errorCount > report.errors.length ? (
            <Text size="sm" c="orange.9">
              {t(`${key}.truncated`, {
                shown: format.count(report.errors.length),
                total: format.count(report.errorCount),
              })}
            </Text>
          ) : null}
        </Stack>
        {reference.isError ? (
          <ErrorAlert error={reference.error} onRetry={() => void reference.refetch()} />
        ) : null}
        {valueMapFields.map((field) => {
          const lines = shown.filter((value) => value.field === field);
          const [first] = lines;
          if (first === undefined) return null;
          const fieldName = t(`web.personnelImport.field.${field}`);
          const isLoading = isRegisterField(field) && reference.isPending;
          return (
            <Stack key={field} gap="xs">
              <Text size="sm" fw={700} style={{ overflowWrap: "anywhere" }}>
                {t(`${key}.group`, { field: fieldName, column: first.column })}
              </Text>
              <Stack gap="md">
                {lines.map((value) => (
                  <SimpleGrid
                    key={idOf(value)}
                    cols={{ base: 1, sm: 2 }}
                    spacing="sm"
                    verticalSpacing={4}
                    maw={720}
                    data-testid="personnel-value-map-line"
                  >
                    <Stack gap={0} justify="center" style={{ minWidth: 0 }}>
                      <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                        <Code fz="sm">{value.value}</Code>
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t(`${key}.rows`, { rows: value.rows, rowsText: format.count(value.rows) })}
                        {value.isAmbiguous ? ` · ${t(`${key}.ambiguous`)}` : ""}
                      </Text>
                    </Stack>
                    <Select
                      aria-label={t(`${key}.mapTo`, { value: value.value, field: fieldName })}
                      placeholder={t(isLoading ? `${key}.loading` : `${key}.choose`)}
                      data={targets.options[field]}
                      value={chosen.get(idOf(value)) ?? null}
                      onChange={(target) => choose(value, target)}
                      searchable
                      clearable
                      limit={OPTIONS_LIMIT}
                      nothingFoundMessage={t(`${key}.nothingFound`)}
                      disabled={isLoading}
                    />
                  </SimpleGrid>
                ))}
              </Stack>
            </Stack>
          );
        })}
        {hidden > 0 ? (
          <Group>
            <Button variant="subtle" onClick={() => setAllShown(true)}>
              {t(`${key}.showMore`, { count: hidden, countText: format.count(hidden) })}
            </Button>
          </Group>
        ) : null}
        <Group gap="sm" wrap="wrap">
          <Button onClick={apply} disabled={chosen.size === 0}>
            {t(`${key}.apply`)}
          </Button>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t(`${key}.chosen`, { count: chosen.size, countText: format.count(chosen.size) })}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
