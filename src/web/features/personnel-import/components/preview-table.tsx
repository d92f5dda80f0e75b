import { Badge, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type {
  PersonnelInspection,
  PersonnelMapping,
} from "../../../../core/schemas/personnel-import";
import { fieldsByHeader } from "../mapping-form";

interface PreviewTableProps {
  readonly inspection: PersonnelInspection;
  readonly mapping: PersonnelMapping;
}

const cellStyle = {
  maxWidth: 220,
  overflow: "hidden",
  textOverflow: "ellipsis",
  whiteSpace: "nowrap",
} as const;

/** The first rows of the file as read, with the register field each column is mapped to above it. */
export function PreviewTable({ inspection, mapping }: PreviewTableProps) {
  const { t } = useTranslation();
  const mapped = fieldsByHeader(mapping);
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t("web.personnelImport.preview.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("web.personnelImport.preview.help", {
          rows: inspection.preview.length,
          headerRow: inspection.headerRow,
        })}
      </Text>
      <Table.ScrollContainer
        minWidth={Math.max(320, 140 * inspection.headers.length)}
        type="native"
      >
        <Table striped withTableBorder withColumnBorders fz="sm" data-testid="personnel-preview">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" rowSpan={2}>
                {t("web.personnelImport.preview.row")}
              </Table.Th>
              {inspection.headers.map((header, index) => (
                <Table.Th key={`field-${index}`} scope="col">
                  <Group gap={4} wrap="wrap">
                    {(mapped.get(header) ?? []).map((field) => (
                      <Badge key={field} size="sm" variant="filled" tt="none">
                        {t(`web.personnelImport.field.${field}`)}
                      </Badge>
                    ))}
                    {mapped.has(header) ? null : (
                      <Text size="xs" c="dimmed">
                        {t("web.personnelImport.preview.unmapped")}
                      </Text>
                    )}
                  </Group>
                </Table.Th>
              ))}
            </Table.Tr>
            <Table.Tr>
              {inspection.headers.map((header, index) => (
                <Table.Th key={`header-${index}`} scope="col" style={cellStyle} title={header}>
                  {header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {inspection.preview.map((row) => (
              <Table.Tr key={row.row}>
                <Table.Td c="dimmed">{row.row}</Table.Td>
                {inspection.headers.map((_, index) => (
                  <Table.Td key={index} style={cellStyle} title={row.cells[index] ?? ""}>
                    {row.cells[index] ?? ""}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
