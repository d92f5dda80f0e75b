import { Anchor, Card, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { IssueSummary } from "../../../../core/schemas/community-issues";
import { useFormatters } from "../../../lib/use-formatters";
import { useIssueLabels } from "../use-issue-labels";
import { DueBadge, IssueStatusBadge, WomanOfficerBadge } from "./issue-badges";

interface IssueListProps {
  readonly issues: readonly IssueSummary[];
  /** The queue's query string, kept on the issue page's "back" link. */
  readonly search: string;
  readonly label: string;
}

/** A queue: a table on wide screens, one card per issue on phones; each opens the issue. */
export function IssueList({ issues, search, label }: IssueListProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const labels = useIssueLabels();
  const link = (issue: IssueSummary) => (
    <Anchor
      component={Link}
      to={`/community/issues/${issue.id}`}
      state={{ from: search }}
      fw={600}
      ff="monospace"
      aria-label={t("web.communityIssues.open", {
        reference: issue.reference,
        category: labels.category(issue.category),
      })}
    >
      {issue.reference}
    </Anchor>
  );
  const due = (issue: IssueSummary) => (issue.dueOn === null ? "—" : format.date(issue.dueOn));
  return (
    <>
      <Table striped highlightOnHover visibleFrom="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("web.communityIssues.column.reference")}</Table.Th>
            <Table.Th>{t("web.communityIssues.column.status")}</Table.Th>
            <Table.Th>{t("web.communityIssues.column.category")}</Table.Th>
            <Table.Th>{t("web.communityIssues.column.unit")}</Table.Th>
            <Table.Th>{t("web.communityIssues.column.recorded")}</Table.Th>
            <Table.Th>{t("web.communityIssues.column.due")}</Table.Th>
            <Table.Th>{t("web.communityIssues.column.assignee")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {issues.map((issue) => (
            <Table.Tr key={issue.id} data-testid={`issue-row-${issue.reference}`}>
              <Table.Td>{link(issue)}</Table.Td>
              <Table.Td>
                <IssueStatusBadge status={issue.status} />
              </Table.Td>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <Text size="sm">{labels.category(issue.category)}</Text>
                  <WomanOfficerBadge issue={issue} />
                </Stack>
              </Table.Td>
              <Table.Td>{issue.unit.name}</Table.Td>
              <Table.Td>{format.date(issue.createdAt.slice(0, 10))}</Table.Td>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <Text size="sm">{due(issue)}</Text>
                  <DueBadge issue={issue} />
                </Stack>
              </Table.Td>
              <Table.Td>
                {issue.assignee?.displayName ?? (
                  <Text span size="sm" c="dimmed">
                    {t("web.communityIssues.unassigned")}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Stack gap="xs" hiddenFrom="sm" role="list" aria-label={label}>
        {issues.map((issue) => (
          <Card
            key={issue.id}
            withBorder
            padding="sm"
            role="listitem"
            data-testid={`issue-card-${issue.reference}`}
          >
            <Group justify="space-between" gap="xs" wrap="nowrap">
              {link(issue)}
              <IssueStatusBadge status={issue.status} />
            </Group>
            <Text size="sm" fw={500}>
              {labels.category(issue.category)} · {issue.unit.name}
            </Text>
            <Text size="sm" c="dimmed" lineClamp={2} style={{ overflowWrap: "anywhere" }}>
              {issue.description}
            </Text>
            <Group gap="xs" mt={4}>
              <Text size="xs" c="dimmed">
                {t("web.communityIssues.dueOn", { date: due(issue) })}
              </Text>
              <DueBadge issue={issue} />
              <WomanOfficerBadge issue={issue} />
            </Group>
          </Card>
        ))}
      </Stack>
    </>
  );
}
