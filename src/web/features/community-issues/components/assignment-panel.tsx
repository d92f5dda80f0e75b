import { Button, Card, Group, Select, Stack, Switch, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { IssueDetail } from "../../../../core/schemas/community-issues";
import { ErrorAlert } from "../../../components/error-alert";
import { useIssueAssignees, useIssueChange } from "../api/use-community-issues";

/**
 * Who works on the issue (assign to oneself, to anyone who may work on issues of its unit, or to no
 * one), whether the resident asked for a woman officer and whether one now serves them (users
 * carry no sex: the officer says so).
 */
export function AssignmentPanel(props: {
  readonly issue: IssueDetail;
  readonly userId: number;
  readonly canWork: boolean;
}) {
  const { t } = useTranslation();
  const change = useIssueChange(props.issue.id);
  const assignees = useIssueAssignees(props.issue.id, props.canWork);
  const { issue, userId } = props;
  const assigneeId = issue.assignee?.id ?? null;
  const assign = (next: number | null, womanOfficerAssigned?: boolean) =>
    change.mutate({
      kind: "assign",
      body: {
        assigneeId: next,
        ...(womanOfficerAssigned === undefined ? {} : { womanOfficerAssigned }),
      },
    });
  const yesNo = (value: boolean) => t(value ? "web.communityIssues.yes" : "web.communityIssues.no");
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="assignment-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="assignment-title">
          {t("web.communityIssues.assignment")}
        </Title>
        {change.isError ? <ErrorAlert error={change.error} /> : null}
        <Text size="sm" data-testid="assignee">
          {issue.assignee
            ? t("web.communityIssues.assignedTo", { name: issue.assignee.displayName })
            : t("web.communityIssues.unassigned")}
        </Text>
        <Text size="sm" data-testid="woman-officer-requested">
          {t("web.communityIssues.womanOfficer.requested", {
            answer: yesNo(issue.womanOfficerRequested),
          })}
        </Text>
        <Text
          size="sm"
          data-testid="woman-officer-assigned"
          c={issue.womanOfficerRequested && !issue.womanOfficerAssigned ? "red.8" : undefined}
          fw={issue.womanOfficerRequested && !issue.womanOfficerAssigned ? 600 : undefined}
        >
          {t("web.communityIssues.womanOfficer.assigned", {
            answer: yesNo(issue.womanOfficerAssigned),
          })}
        </Text>
        {props.canWork ? (
          <>
            {assignees.isError ? <ErrorAlert error={assignees.error} /> : null}
            <Select
              label={t("web.communityIssues.assignTo")}
              placeholder={t("web.communityIssues.assignToPlaceholder")}
              data={(assignees.data ?? []).map((a) => ({
                value: String(a.id),
                label: a.displayName,
              }))}
              value={assigneeId === null ? null : String(assigneeId)}
              onChange={(value) => {
                if (value !== null && Number(value) !== assigneeId) assign(Number(value));
              }}
              searchable
              nothingFoundMessage={t("web.communityIssues.assignToNone")}
              disabled={change.isPending || assignees.isPending}
              data-testid="assignee-select"
            />
            <Group gap="xs">
              {assigneeId !== userId ? (
                <Button
                  size="xs"
                  variant="light"
                  loading={change.isPending}
                  onClick={() => assign(userId)}
                >
                  {t("web.communityIssues.assignToMe")}
                </Button>
              ) : null}
              {assigneeId !== null ? (
                <Button
                  size="xs"
                  variant="default"
                  loading={change.isPending}
                  onClick={() => assign(null)}
                >
                  {t("web.communityIssues.unassign")}
                </Button>
              ) : null}
            </Group>
            <Switch
              label={t("web.communityIssues.womanOfficer.switch")}
              checked={issue.womanOfficerAssigned}
              disabled={change.isPending}
              onChange={(event) => assign(assigneeId, event.currentTarget.checked)}
            />
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
