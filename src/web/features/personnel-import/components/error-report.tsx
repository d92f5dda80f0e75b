import { Alert, Button, Group, Pagination, Paper, Stack, Table, Text } from "@mantine/core";
import { useCallback, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { RowError } from "../../../../core/import/row-error";
import type { PersonnelImportReport } from "../../../../core/schemas/personnel-import";
import { useFormatters } from "../../../lib/use-formatters";
import { errorReportCsv } from "../error-csv";

const PAGE_SIZE = 50;

/** A row error in the user's language (its code when this version has no words for it). */
function useRowErrorMessage(): (error: RowError) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: RowError) =>
      i18n.exists(error.messageKey)
        ? t(error.messageKey, {
            row: String(error.row),
            column: error.column ?? "—",
            value: error.value ?? "",
          })
        : error.code,
    [t, i18n],
  );
}

function downloadCsv(csv: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}

interface ErrorReportProps {
  readonly report: PersonnelImportReport;
  readonly fileName: string;
  /** Shown between the summary and the list of problems (the value-map editor). */
  readonly children?: ReactNode;
}

/** Why a file was refused: every row error, a page at a time, and the whole list as CSV. */
export function ErrorReport({ report, fileName, children }: ErrorReportProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const message = useRowErrorMessage();
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(report.errors.length / PAGE_SIZE));
  const shown = report.errors.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const baseName = fileName.replace(/\.[^.]*$/, "") || "import";
  const key = "web.personnelImport.errors";
  const pager =
    pages > 1 ? (
      <Pagination
        total={pages}
        value={page}
        onChange={setPage}
        siblings={0}
        boundaries={1}
        size="sm"
        getControlProps={(control) => ({
          "aria-label": t(`${key}.pageControl.${control}`),
        })}
        getItemProps={(item) => ({ "aria-label": t(`${key}.pageNumber`, { page: item }) })}
      />
    ) : null;
  return (
    <Stack gap="sm">
      <Alert color="red" variant="light" role="status" data-testid="personnel-outcome">
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t(`${key}.summary`, {
              errors: report.errorCount,
              errorsText: format.count(report.errorCount),
              rows: report.rows,
              rowsText: format.count(report.rows),
            })}
          </Text>
          {report.errorCount > report.errors.length ? (
            <Text size="sm">
              {t(`${key}.truncated`, {
                shown: format.count(report.errors.length),
                total: format.count(report.errorCount),
              })}
            </Text>
          ) : null}
        </Stack>
      </Alert>
      {children}
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm" c="dimmed">
          {t(`${key}.page`, {
            from: format.count((page - 1) * PAGE_SIZE + 1),
            to: format.count((page - 1) * PAGE_SIZE + shown.length),
            total: format.count(report.errors.length),
          })}
        </Text>
        <Button
          variant="light"
          onClick={() =>
            downloadCsv(errorReportCsv(report.errors, message), `${baseName}-errors.csv`)
          }
        >
          {t(`${key}.download`)}
        </Button>
      </Group>
      {pager}
      <Table.ScrollContainer minWidth={640} type="native" visibleFrom="sm">
        <Table striped fz="sm" data-testid="personnel-errors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t(`${key}.row`)}</Table.Th>
              <Table.Th scope="col">{t(`${key}.column`)}</Table.Th>
              <Table.Th scope="col">{t(`${key}.value`)}</Table.Th>
              <Table.Th scope="col">{t(`${key}.problem`)}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((error, index) => (
              <Table.Tr key={`${error.row}-${error.column ?? ""}-${error.code}-${index}`}>
                <Table.Td>{error.row}</Table.Td>
                <Table.Td>{error.column ?? "—"}</Table.Td>
                <Table.Td style={{ minWidth: 96, maxWidth: 200, overflowWrap: "anywhere" }}>
                  {error.value ?? "—"}
                </Table.Td>
                <Table.Td>{message(error)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack gap="xs" hiddenFrom="sm">
        {shown.map((error, index) => (
          <Paper
            key={`${error.row}-${error.column ?? ""}-${error.code}-${index}`}
            withBorder
            p="sm"
          >
            <Text size="xs" c="dimmed">
              {t(`${key}.where`, { row: String(error.row), column: error.column ?? "—" })}
            </Text>
            <Text size="sm">{message(error)}</Text>
          </Paper>
        ))}
      </Stack>
      {pager}
    </Stack>
  );
}
