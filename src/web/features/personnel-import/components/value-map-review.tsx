import { Badge, CloseButton, Code, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PersonnelMapping } from "../../../../core/schemas/personnel-import";
import { useReferenceValues } from "../api/use-reference-values";
import { useValueTargets } from "../use-value-targets";
import { isRegisterField, valueMapEntries, type ValueMapField } from "../value-maps";

interface ValueMapReviewProps {
  readonly mapping: PersonnelMapping;
  readonly onRemove: (field: ValueMapField, source: string) => void;
}

/**
 * The mapping's translated values (from a template or from "Translate values" after a check), to
 * review before checking the file again or saving the mapping; each can be removed.
 */
export function ValueMapReview({ mapping, onRemove }: ValueMapReviewProps) {
  const { t } = useTranslation();
  const entries = valueMapEntries(mapping);
  const reference = useReferenceValues(entries.some((entry) => isRegisterField(entry.field)));
  const targets = useValueTargets(reference.data);
  if (entries.length === 0) return null;
  const key = "web.personnelImport.valueMaps";
  return (
    <Paper withBorder radius="md" p="md" data-testid="personnel-value-map-review">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t(`${key}.reviewTitle`)}
        </Title>
        <Text size="sm" c="dimmed">
          {t(`${key}.reviewHelp`)}
        </Text>
        <List listStyleType="none" spacing={6} styles={{ itemWrapper: { width: "100%" } }}>
          {entries.map(({ field, source, target }) => {
            const fieldName = t(`web.personnelImport.field.${field}`);
            return (
              <List.Item key={`${field}\u0000${source}`} styles={{ itemLabel: { width: "100%" } }}>
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Group gap={6} wrap="wrap" style={{ minWidth: 0 }}>
                    <Badge variant="light" tt="none">
                      {fieldName}
                    </Badge>
                    <Code fz="sm" style={{ overflowWrap: "anywhere" }}>
                      {source}
                    </Code>
                    <Text size="sm" aria-hidden>
                      →
                    </Text>
                    <Text size="sm" fw={500}>
                      {targets.labelOf(field, target)}
                    </Text>
                  </Group>
                  <CloseButton
                    aria-label={t(`${key}.remove`, { value: source, field: fieldName })}
                    onClick={() => onRemove(field, source)}
                  />
                </Group>
              </List.Item>
            );
          })}
        </List>
      </Stack>
    </Paper>
  );
}
