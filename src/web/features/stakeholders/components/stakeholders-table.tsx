import { Badge, Button, Group, Table, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Stakeholder } from "../../../../core/schemas/stakeholders";
import { ResponsiveTable } from "../../../components/responsive-table";

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
  const typeOf = (row: Stakeholder) => t(`web.stakeholders.type.${row.type}`);

  return (
    <ResponsiveTable
      rows={props.rows}
      testId={(row) => `stakeholder-${row.id}`}
      minWidth={900}
      head={
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
      }
      cells={(row) => (
        <>
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
        </>
      )}
      card={(row) => (
        <>
          <Name row={row} />
          <Text size="sm" c="dimmed">
            {typeOf(row)}
          </Text>
          <Multiline text={row.services} />
          <Coverage row={row} />
          <Multiline text={row.contacts} />
          <Actions {...props} row={row} />
        </>
      )}
    />
  );
}
