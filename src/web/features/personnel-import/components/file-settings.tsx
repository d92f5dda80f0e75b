import {
  Badge,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import {
  csvDelimiter,
  fileEncoding,
  type CsvDelimiter,
  type FileEncoding,
  type PersonnelInspection,
  type PersonnelMapping,
} from "../../../../core/schemas/personnel-import";
import { useFormatters } from "../../../lib/use-formatters";
import type { FileSettingsChange } from "../mapping-form";

const delimiterKeys: Readonly<Record<CsvDelimiter, string>> = {
  auto: "auto",
  ",": "comma",
  ";": "semicolon",
  "\t": "tab",
  "|": "pipe",
};

/** Encodings by their technical name; legacy code pages also by the script they serve. */
const encodingNames: Readonly<Record<Exclude<FileEncoding, "auto">, [string, string | null]>> = {
  "utf-8": ["UTF-8", null],
  "utf-16le": ["UTF-16 LE", null],
  "utf-16be": ["UTF-16 BE", null],
  "windows-1252": ["Windows-1252", "western"],
  "windows-1251": ["Windows-1251", "cyrillic"],
  "windows-874": ["Windows-874", "thai"],
  "windows-1258": ["Windows-1258", "vietnamese"],
};

interface FileSettingsProps {
  readonly file: File;
  readonly inspection: PersonnelInspection;
  readonly mapping: PersonnelMapping;
  /** A changed setting: the file is read again with it. */
  readonly onChange: (settings: FileSettingsChange) => void;
}

/** What the file is and how it is read: a change of any setting re-reads the preview. */
export function FileSettings({ file, inspection, mapping, onChange }: FileSettingsProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const isCsv = inspection.format === "csv";
  const delimiterRead = csvDelimiter.safeParse(inspection.delimiter);
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={2} size="h4">
            {t("web.personnelImport.settings.title")}
          </Title>
          <Badge variant="light" tt="none">
            {t(`web.personnelImport.settings.format.${inspection.format}`)}
          </Badge>
        </Group>
        <Text size="sm" style={{ overflowWrap: "anywhere" }} data-testid="personnel-file-name">
          {t("web.personnelImport.settings.file", {
            name: file.name,
            size: format.count(Math.max(1, Math.ceil(file.size / 1024))),
          })}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          {isCsv ? (
            <>
              <Select
                label={t("web.personnelImport.settings.encoding")}
                description={
                  inspection.encoding
                    ? t("web.personnelImport.settings.read", { value: inspection.encoding })
                    : undefined
                }
                data={fileEncoding.options.map((value) => {
                  if (value === "auto") {
                    return { value, label: t("web.personnelImport.settings.encodings.auto") };
                  }
                  const [name, script] = encodingNames[value];
                  const label =
                    script === null
                      ? name
                      : `${name} (${t(`web.personnelImport.settings.encodings.${script}`)})`;
                  return { value, label };
                })}
                value={mapping.encoding}
                onChange={(value) => {
                  const parsed = fileEncoding.safeParse(value);
                  if (parsed.success) onChange({ encoding: parsed.data });
                }}
                allowDeselect={false}
              />
              <Select
                label={t("web.personnelImport.settings.delimiter")}
                description={
                  delimiterRead.success
                    ? t("web.personnelImport.settings.read", {
                        value: t(
                          `web.personnelImport.settings.delimiters.${delimiterKeys[delimiterRead.data]}`,
                        ),
                      })
                    : undefined
                }
                data={csvDelimiter.options.map((value) => ({
                  value,
                  label: t(`web.personnelImport.settings.delimiters.${delimiterKeys[value]}`),
                }))}
                value={mapping.delimiter}
                onChange={(value) => {
                  const parsed = csvDelimiter.safeParse(value);
                  if (parsed.success) onChange({ delimiter: parsed.data });
                }}
                allowDeselect={false}
              />
            </>
          ) : (
            <Select
              label={t("web.personnelImport.settings.sheet")}
              data={inspection.sheets}
              value={inspection.sheet}
              onChange={(value) => value !== null && onChange({ sheet: value })}
              allowDeselect={false}
            />
          )}
          <NumberInput
            label={t("web.personnelImport.settings.headerRow")}
            description={t("web.personnelImport.settings.headerRowHelp")}
            value={mapping.headerRow ?? inspection.headerRow}
            min={1}
            max={1000}
            allowDecimal={false}
            allowNegative={false}
            onChange={(value) => {
              if (typeof value === "number" && value >= 1 && value <= 1000) {
                onChange({ headerRow: value });
              }
            }}
          />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
