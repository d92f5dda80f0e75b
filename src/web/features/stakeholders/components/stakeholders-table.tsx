import { Badge, Button, Group, Paper, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import type { Stakeholder } from "../../../../core/schemas/stakeholders";

interface StakeholdersTableProps {
  readonly rows: readonly Stakeholder[];
  /** Absent for people who may read the directory but not change it. */
  readonly onEdit?: (row: Stakeholder) => void;
  readonly onToggleActive?: (row: Stakeholder) => void;
}

/** Name with an "inactive" mark. */
function Name({ row }: { readonly row: Stakeholder }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Text size="sm" fw={500}>
        {row.name}
      </Text>
      {row.isActive ? null : (
        <Badge color="gray" variant="light">
          {t("web.stakeholders.inactive")}
        </Badge>
      )}
    </Group>
  );
}

function Coverage({ row }: { readonly row: Stakeholder }) {
  const { t } = useTranslation();
  const names = row.units.map((unit) => unit.name).join(", ");
  return (
    <Text size="sm">
      {row.hasCoverageOutsideScope
        ? t("web.stakeholders.coverageBeyond", { units: names || "—" })
        : names || "—"}
    </Text>
  );
}

/** Pre-wrapped text (services, contacts) as typed; React escapes it. */
function Multiline({ text }: { readonly text: string }) {
  return (
    <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
      {text || "—"}
    </Text>
  );
}

function Actions({
  row,
  onEdit,
  onToggleActive,
}: StakeholdersTableProps & { readonly row: Stakeholder }) {
  const { t } = useTranslation();
  // An organisation that also covers areas outside the caller's scope is changed by someone above.
  if (!onEdit || !onToggleActive || row.hasCoverageOutsideScope) return null;
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      <Button
        size="compact-sm"
        variant="subtle"
        aria-label={t("web.stakeholders.editFor", { name: row.name })}
        onClick={() => onEdit(row)}
      >
        {t("web.stakeholders.edit")}
      </Button>
      <Button
        size="compact-sm"
        variant="subtle"
        color={row.isActive ? "red" : "teal"}
        aria-label={t(
          row.isActive ? "web.stakeholders.deactivateFor" : "web.stakeholders.reactivateFor",
          {
            name: row.name,
          },
        )}
        onClick={() => onToggleActive(row)}
      >
        {t(row.isActive ? "web.stakeholders.deactivate" : "web.stakeholders.reactivate")}
      </Button>
    </Group>
  );
}

/** The directory: a table on a wide screen, cards on a phone. */
export function StakeholdersTable(props: StakeholdersTableProps) {
  const { t } = useTranslation();
  const isCompact = useMediaQuery("(max-width: 48em)");
  const typeOf = (row: Stakeholder) => t(`web.stakeholders.type.${row.type}`);

  if (isCompact) {
    return (
      <Stack gap="xs">
        {props.rows.map((row) => (
          <Paper key={row.id} withBorder p="sm" data-testid={`stakeholder-${row.id}`}>
            <Stack gap={4}>
              <Name row={row} />
              <Text size="sm" c="dimmed">
                {typeOf(row)}
              </Text>
              <Multiline text={row.services} />
              <Coverage row={row} />
              <Multiline text={row.contacts} />
              <Actions {...props} row={row} />
            </Stack>
          </Paper>
        ))}
      </Stack>
    );
  }

  return (
    <Table.ScrollContainer minWidth={900} type="native">
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("web.stakeholders.field.name")}</Table.Th>
            <Table.Th scope="col">{t("web.stakeholders.field.type")}</Table.Th>
            <Table.Th scope="col">{t("web.stakeholders.field.services")}</Table.Th>
            <Table.Th scope="col">{t("web.stakeholders.field.coverage")}</Table.Th>
            <Table.Th scope="col">{t("web.stakeholders.field.contacts")}</Table.Th>
            {props.onEdit ? (
              <Table.Th scope="col">
                <VisuallyHidden>{t("web.stakeholders.actions")}</VisuallyHidden>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((row) => (
            <Table.Tr key={row.id} data-testid={`stakeholder-${row.id}`}>
              <Table.Td>
                <Name row={row} />
              </Table.Td>
              <Table.Td>{typeOf(row)}</Table.Td>
              <Table.Td maw={260}>
                <Multiline text={row.services} />
              </Table.Td>
              <Table.Td maw={220}>
                <Coverage row={row} />
              </Table.Td>
              <Table.Td maw={220}>
                <Multiline text={row.contacts} />
              </Table.Td>
              {props.onEdit ? (
                <Table.Td>
                  <Actions {...props} row={row} />
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
