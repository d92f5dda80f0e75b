import { Badge, Code, Paper, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { AuditEntry, AuditOutcome } from "../../../../core/schemas/audit";
import { formatUtcTimestamp } from "../audit-filters";

const outcomeColor: Readonly<Record<AuditOutcome, string>> = {
  success: "teal",
  failure: "red",
  denied: "orange",
};

interface AuditEntryListProps {
  readonly entries: readonly AuditEntry[];
  readonly unitNames: ReadonlyMap<number, string>;
}

function useCells(unitNames: ReadonlyMap<number, string>) {
  const { t } = useTranslation();
  return {
    user: (e: AuditEntry) => e.actorUsername ?? "—",
    entity: (e: AuditEntry) =>
      e.entityType === null
        ? "—"
        : `${e.entityType}${e.entityId === null ? "" : ` #${e.entityId}`}`,
    unit: (e: AuditEntry) =>
      e.orgUnitId === null ? "—" : (unitNames.get(e.orgUnitId) ?? `#${e.orgUnitId}`),
    fields: (e: AuditEntry) => (e.fields.length ? e.fields.join(", ") : "—"),
    client: (e: AuditEntry) => [e.ip, e.userAgent].filter((v) => v !== null).join(" · ") || "—",
    outcome: (e: AuditEntry) => (
      <Badge
        color={outcomeColor[e.outcome]}
        variant="light"
        styles={{ root: { minWidth: "max-content" }, label: { overflow: "visible" } }}
      >
        {t(`web.audit.outcome.${e.outcome}`)}
      </Badge>
    ),
  };
}

/** A table on wide screens; one card per entry on a phone. */
export function AuditEntryList({ entries, unitNames }: AuditEntryListProps) {
  const { t } = useTranslation();
  const cell = useCells(unitNames);
  const columns = ["time", "user", "action", "entity", "unit", "fields", "outcome", "client"];
  return (
    <>
      <Table.ScrollContainer minWidth={960} type="native" visibleFrom="sm">
        <Table striped highlightOnHover verticalSpacing="xs" fz="sm">
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column} scope="col">
                  {t(`web.audit.columns.${column}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  {formatUtcTimestamp(e.occurredAt)}
                </Table.Td>
                <Table.Td>{cell.user(e)}</Table.Td>
                <Table.Td>
                  <Code>{e.action}</Code>
                </Table.Td>
                <Table.Td>{cell.entity(e)}</Table.Td>
                <Table.Td>{cell.unit(e)}</Table.Td>
                <Table.Td>{cell.fields(e)}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{cell.outcome(e)}</Table.Td>
                <Table.Td fz="xs" style={{ maxWidth: 240, overflowWrap: "anywhere" }}>
                  {cell.client(e)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack gap="xs" hiddenFrom="sm">
        {entries.map((e) => (
          <Paper key={e.id} withBorder p="sm" radius="md">
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                <Code>{e.action}</Code> {cell.outcome(e)}
              </Text>
              <Text size="xs" c="dimmed">
                {formatUtcTimestamp(e.occurredAt)} UTC · {cell.user(e)}
              </Text>
              <Text size="xs">
                {t("web.audit.columns.entity")}: {cell.entity(e)} · {t("web.audit.columns.unit")}:{" "}
                {cell.unit(e)}
              </Text>
              <Text size="xs">
                {t("web.audit.columns.fields")}: {cell.fields(e)}
              </Text>
              <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                {cell.client(e)}
              </Text>
            </Stack>
          </Paper>
        ))}
      </Stack>
    </>
  );
}
