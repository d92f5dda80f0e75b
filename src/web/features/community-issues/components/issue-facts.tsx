import { Button, Card, SimpleGrid, Stack, Text } from "@mantine/core";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { IssueDetail } from "../../../../core/schemas/community-issues";
import { useFormatters } from "../../../lib/use-formatters";
import { useIssueLabels } from "../use-issue-labels";
import { EditIssueModal } from "./edit-issue-modal";

function Fact({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: "anywhere" }}>
        {children}
      </Text>
    </Stack>
  );
}

/** Where the issue came from, where and by whom it was raised, and its dates; corrected by those who work on it. */
export function IssueFacts({
  issue,
  canWork,
}: {
  readonly issue: IssueDetail;
  readonly canWork: boolean;
}) {
  const { t } = useTranslation();
  const [isEditing, setIsEditing] = useState(false);
  const format = useFormatters();
  const labels = useIssueLabels();
  const notSaid = t("web.communityIssues.notSaid");
  return (
    <Card withBorder padding="md" component="section" aria-label={t("web.communityIssues.facts")}>
      <SimpleGrid cols={2} spacing="sm">
        <Fact label={t("web.communityIssues.column.category")}>
          {labels.category(issue.category)}
        </Fact>
        <Fact label={t("web.communityIssues.fact.source")}>{labels.source(issue.source)}</Fact>
        <Fact label={t("web.communityIssues.column.unit")}>
          {issue.unit.name} ({issue.unit.code})
        </Fact>
        <Fact label={t("web.communityIssues.fact.place")}>{issue.place ?? notSaid}</Fact>
        <Fact label={t("web.communityIssues.fact.raisedBy")}>
          {[
            issue.raisedBy.sex ? labels.sex(issue.raisedBy.sex) : null,
            issue.raisedBy.ageGroup ? labels.ageGroup(issue.raisedBy.ageGroup) : null,
          ]
            .filter((part) => part !== null)
            .join(" · ") || notSaid}
        </Fact>
        <Fact label={t("web.communityIssues.column.recorded")}>
          {format.date(issue.createdAt.slice(0, 10))}
        </Fact>
        <Fact label={t("web.communityIssues.column.due")}>
          {issue.dueOn === null ? "—" : format.date(issue.dueOn)}
        </Fact>
        {issue.closedAt ? (
          <Fact label={t("web.communityIssues.fact.closed")}>
            {format.date(issue.closedAt.slice(0, 10))}
          </Fact>
        ) : null}
        {issue.reopenCount > 0 ? (
          <Fact label={t("web.communityIssues.fact.reopened")}>
            {t("web.communityIssues.fact.reopenCount", { count: issue.reopenCount })}
          </Fact>
        ) : null}
      </SimpleGrid>
      {canWork ? (
        <Button variant="default" size="xs" mt="sm" onClick={() => setIsEditing(true)}>
          {t("web.communityIssues.edit.open")}
        </Button>
      ) : null}
      {isEditing ? <EditIssueModal issue={issue} onClose={() => setIsEditing(false)} /> : null}
    </Card>
  );
}
