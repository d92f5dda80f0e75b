import { Button, Card, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { exportFormats, exportKinds } from "../../../../core/schemas/personnel-export";
import { exportUrl } from "../person-urls";

interface ExportPanelProps {
  /** The as-of date (the page's `?at`, today when absent). */
  readonly at: string;
  readonly unit: number | null;
  readonly onDateChange: (isoDate: string | null) => void;
}

/** Download links for the register and its event history, for the header's unit and this date. */
export function ExportPanel({ at, unit, onDateChange }: ExportPanelProps) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="persons-export-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="persons-export-title">
          {t("web.persons.export.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("web.persons.export.note")}
        </Text>
        <TextInput
          type="date"
          label={t("web.persons.export.asOf")}
          value={at}
          onChange={(event) => {
            const next = event.currentTarget.value;
            if (next === "") onDateChange(null);
            else if (/^\d{4}-\d{2}-\d{2}$/.test(next)) onDateChange(next);
          }}
          w={{ base: "100%", xs: 200 }}
        />
        {exportKinds.map((kind) => (
          <Group key={kind} gap="xs">
            {exportFormats.map((format) => (
              <Button
                key={format}
                component="a"
                href={exportUrl(kind, format, { at, unit })}
                variant="light"
                download
              >
                {t(`web.persons.export.${kind}.${format}`)}
              </Button>
            ))}
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
