import {
  Alert,
  Button,
  Checkbox,
  FileInput,
  Group,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ImportReport } from "../../../../core/schemas/import";
import { ErrorAlert } from "../../../components/error-alert";
import { useImportOrgUnits } from "../api/use-org-units-admin";

function ReportView({ report }: { readonly report: ImportReport }) {
  const { t } = useTranslation();
  const color =
    report.outcome === "invalid" ? "red" : report.outcome === "imported" ? "green" : "blue";
  return (
    <Stack gap="xs">
      <Alert color={color} variant="light" role="status" data-testid="import-outcome">
        {t(`web.admin.import.outcome.${report.outcome}`, {
          rows: report.rows,
          created: report.created,
          updated: report.updated,
          unchanged: report.unchanged,
          errors: report.errors.length,
        })}
      </Alert>
      {report.errors.length > 0 ? (
        <Table.ScrollContainer minWidth={480}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("web.admin.import.row")}</Table.Th>
                <Table.Th>{t("web.admin.import.column")}</Table.Th>
                <Table.Th>{t("web.admin.import.value")}</Table.Th>
                <Table.Th>{t("web.admin.import.problem")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.errors.map((e) => (
                <Table.Tr key={`${e.row}-${e.column ?? ""}-${e.code}`}>
                  <Table.Td>{e.row}</Table.Td>
                  <Table.Td>{e.column ?? "—"}</Table.Td>
                  <Table.Td>{e.value ?? "—"}</Table.Td>
                  <Table.Td>
                    {t(e.messageKey, { row: e.row, column: e.column ?? "—", value: e.value ?? "" })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}

/** Upload a tree file (CSV, UTF-8); a dry run shows what would change. All rows or none are written. */
export function ImportPanel() {
  const { t } = useTranslation();
  const upload = useImportOrgUnits();
  const [file, setFile] = useState<File | null>(null);
  const [isDryRun, setDryRun] = useState(true);
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t("web.admin.import.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("web.admin.import.help")}
      </Text>
      <Group align="flex-end" gap="sm">
        <FileInput
          label={t("web.admin.import.file")}
          accept=".csv,text/csv"
          value={file}
          onChange={setFile}
          w={{ base: "100%", sm: 320 }}
          clearable
        />
        <Checkbox
          label={t("web.admin.import.dryRun")}
          checked={isDryRun}
          onChange={(e) => setDryRun(e.currentTarget.checked)}
        />
        <Button
          disabled={file === null}
          loading={upload.isPending}
          onClick={() => file && upload.mutate({ file, isDryRun })}
        >
          {t(isDryRun ? "web.admin.import.check" : "web.admin.import.submit")}
        </Button>
      </Group>
      {upload.isError ? <ErrorAlert error={upload.error} /> : null}
      {upload.data ? <ReportView report={upload.data} /> : null}
    </Stack>
  );
}
