import { Anchor, Badge, Card, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PersonStatus, PersonSummary } from "../../../../core/schemas/persons";

const statusColors: Readonly<Record<PersonStatus, string>> = {
  active: "green",
  on_leave: "yellow",
  left: "gray",
};

export function StatusBadge({ status }: { readonly status: PersonStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={statusColors[status]}>
      {t(`web.persons.status.${status}`)}
    </Badge>
  );
}

interface PersonResultsProps {
  readonly persons: readonly PersonSummary[];
  /** The page's query string, kept on the person page's "back" link. */
  readonly search: string;
}

/** Search results: a table on wide screens, one card per person on phones; each opens the person. */
export function PersonResults({ persons, search }: PersonResultsProps) {
  const { t } = useTranslation();
  const link = (person: PersonSummary) => (
    <Anchor component={Link} to={{ pathname: `/people/${person.id}`, search }} fw={600}>
      {person.serviceNumber}
    </Anchor>
  );
  return (
    <>
      <Table striped highlightOnHover visibleFrom="sm" aria-label={t("web.persons.results")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("web.persons.column.serviceNumber")}</Table.Th>
            <Table.Th>{t("web.persons.column.sex")}</Table.Th>
            <Table.Th>{t("web.persons.column.birthYear")}</Table.Th>
            <Table.Th>{t("web.persons.column.rank")}</Table.Th>
            <Table.Th>{t("web.persons.column.unit")}</Table.Th>
            <Table.Th>{t("web.persons.column.role")}</Table.Th>
            <Table.Th>{t("web.persons.column.status")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {persons.map((person) => (
            <Table.Tr key={person.id}>
              <Table.Td>{link(person)}</Table.Td>
              <Table.Td>{t(`web.persons.sex.${person.sex}`)}</Table.Td>
              <Table.Td>{person.birthYear ?? "—"}</Table.Td>
              <Table.Td>{person.rank.name}</Table.Td>
              <Table.Td>{person.unit.name}</Table.Td>
              <Table.Td>{person.role?.name ?? "—"}</Table.Td>
              <Table.Td>
                <StatusBadge status={person.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Stack gap="xs" hiddenFrom="sm" role="list" aria-label={t("web.persons.results")}>
        {persons.map((person) => (
          <Card key={person.id} withBorder padding="sm" role="listitem">
            <Group justify="space-between" gap="xs" wrap="nowrap">
              {link(person)}
              <StatusBadge status={person.status} />
            </Group>
            <Text size="sm">
              {person.rank.name} · {person.unit.name}
            </Text>
            <Text size="sm" c="dimmed">
              {[
                t(`web.persons.sex.${person.sex}`),
                person.birthYear === null ? null : String(person.birthYear),
                person.role?.name ?? null,
              ]
                .filter((part) => part !== null)
                .join(" · ")}
            </Text>
          </Card>
        ))}
      </Stack>
    </>
  );
}
