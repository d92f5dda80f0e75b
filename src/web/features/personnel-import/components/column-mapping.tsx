import { Paper, Select, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PersonnelField } from "../../../../core/schemas/personnel-import";
import {
  fieldsOfKind,
  headerChoices,
  isRequiredField,
  type MappingForm,
  type MappingProblem,
} from "../mapping-form";

interface ColumnMappingProps {
  readonly form: MappingForm;
  readonly headers: readonly string[];
  readonly problems: readonly MappingProblem[];
  readonly showProblems: boolean;
  readonly onColumn: (field: PersonnelField, header: string | null) => void;
}

/** One select per register field: which column of the file holds it (required ones marked). */
export function ColumnMapping({
  form,
  headers,
  problems,
  showProblems,
  onColumn,
}: ColumnMappingProps) {
  const { t } = useTranslation();
  const { kind, columns } = form.mapping;
  const choices = headerChoices(headers);
  const isMissing = (field: PersonnelField) =>
    problems.some((p) => p.kind === "field_required" && p.field === field);
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("web.personnelImport.columns.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("web.personnelImport.columns.help")}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} spacing="sm">
          {fieldsOfKind(kind).map((field) => {
            const value = columns[field] ?? null;
            return (
              <Select
                key={field}
                label={t(`web.personnelImport.field.${field}`)}
                withAsterisk={isRequiredField(kind, field)}
                data={choices}
                value={value !== null && choices.includes(value) ? value : null}
                onChange={(header) => onColumn(field, header)}
                placeholder={t("web.personnelImport.columns.notInFile")}
                clearable
                allowDeselect={false}
                searchable
                error={
                  showProblems && isMissing(field)
                    ? t("web.personnelImport.columns.required")
                    : undefined
                }
              />
            );
          })}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
