import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { IssueStatus } from "../../../../core/community/issue-lifecycle";
import type { IssueSummary } from "../../../../core/schemas/community-issues";
import { todayIsoDate } from "../../../lib/format";
import { dueStateOf } from "../issue-lifecycle-view";
import { useIssueLabels } from "../use-issue-labels";

const statusColors: Readonly<Record<IssueStatus, string>> = {
  new: "blue",
  referred: "violet",
  in_follow_up: "orange",
  solved_on_the_spot: "teal",
  resolved: "green",
  partly_resolved: "lime",
  closed_without_action: "gray",
  closed_not_resolved: "dark",
};

export function IssueStatusBadge({ status }: { readonly status: IssueStatus }) {
  const labels = useIssueLabels();
  return (
    <Badge variant="light" color={statusColors[status]} tt="none">
      {labels.status(status)}
    </Badge>
  );
}

/** "Overdue by 3 days" in red, "Due today" in orange; nothing for a closed issue or a later date. */
export function DueBadge({
  issue,
}: {
  readonly issue: Pick<IssueSummary, "status" | "dueOn" | "isOverdue">;
}) {
  const { t } = useTranslation();
  const due = dueStateOf(issue, todayIsoDate());
  if (due.kind === "overdue") {
    return (
      <Badge color="red" variant="filled" tt="none">
        {t("web.communityIssues.due.overdue", { days: due.days })}
      </Badge>
    );
  }
  if (due.kind === "today") {
    return (
      <Badge color="orange" variant="light" tt="none">
        {t("web.communityIssues.due.today")}
      </Badge>
    );
  }
  return null;
}

/** Whether the resident asked for a woman officer, and whether one serves them. */
export function WomanOfficerBadge({
  issue,
}: {
  readonly issue: Pick<IssueSummary, "womanOfficerRequested" | "womanOfficerAssigned">;
}) {
  const { t } = useTranslation();
  if (!issue.womanOfficerRequested) return null;
  return (
    <Badge color={issue.womanOfficerAssigned ? "grape" : "pink"} variant="outline" tt="none">
      {t(
        issue.womanOfficerAssigned
          ? "web.communityIssues.womanOfficer.badgeAssigned"
          : "web.communityIssues.womanOfficer.badgeRequested",
      )}
    </Badge>
  );
}
