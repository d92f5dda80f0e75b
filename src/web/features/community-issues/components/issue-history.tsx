import { Badge, Group, Text, Timeline } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { IssueEvent, Referral } from "../../../../core/schemas/community-issues";
import { useIssueLabels } from "../use-issue-labels";

const multiline = { whiteSpace: "pre-wrap", overflowWrap: "anywhere" } as const;

/** The title of one history entry, in words. */
function useEventTitle(referrals: readonly Referral[]) {
  const { t } = useTranslation();
  const labels = useIssueLabels();
  const stakeholderOf = (id: number | null) =>
    referrals.find((r) => r.id === id)?.stakeholder.name ?? "—";
  return (event: IssueEvent): string => {
    switch (event.kind) {
      case "created":
        return t("web.communityIssues.event.created");
      case "status":
        return t("web.communityIssues.event.status", {
          from: event.fromStatus ? labels.status(event.fromStatus) : "—",
          to: event.toStatus ? labels.status(event.toStatus) : "—",
        });
      case "reopen":
        return t("web.communityIssues.event.reopen");
      case "assignment":
        return event.assignee
          ? t("web.communityIssues.event.assigned", { name: event.assignee.displayName })
          : t("web.communityIssues.event.unassigned");
      case "note":
        return t("web.communityIssues.event.note");
      case "referral":
        return t("web.communityIssues.event.referral", {
          stakeholder: stakeholderOf(event.referralId),
        });
      case "referral_update":
        return t("web.communityIssues.event.referralUpdate", {
          stakeholder: stakeholderOf(event.referralId),
        });
      case "update":
        return t("web.communityIssues.event.update");
      case "resident_confirmation":
        return t("web.communityIssues.event.residentConfirmation");
    }
  };
}

/** Every entry of the issue's history, oldest first: who, when, what; notes internal or public. */
export function IssueHistory(props: {
  readonly events: readonly IssueEvent[];
  readonly referrals: readonly Referral[];
}) {
  const { t, i18n } = useTranslation();
  const title = useEventTitle(props.referrals);
  const when = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" }),
    [i18n.language],
  );
  const actorOf = (event: IssueEvent) =>
    event.actor.kind === "staff"
      ? (event.actor.user?.displayName ?? t("web.communityIssues.actor.staff"))
      : t(`web.communityIssues.actor.${event.actor.kind}`);
  return (
    <Timeline active={props.events.length - 1} bulletSize={16} lineWidth={2}>
      {props.events.map((event) => (
        <Timeline.Item
          key={event.id}
          title={
            <Group gap="xs" wrap="wrap">
              <Text fw={600} size="sm">
                {title(event)}
              </Text>
              {event.kind === "note" ? (
                <Badge
                  size="sm"
                  variant="light"
                  color={event.isInternal ? "gray" : "cyan"}
                  tt="none"
                >
                  {t(
                    event.isInternal
                      ? "web.communityIssues.note.internal"
                      : "web.communityIssues.note.public",
                  )}
                </Badge>
              ) : null}
            </Group>
          }
        >
          <Text size="xs" c="dimmed">
            {when.format(new Date(event.occurredAt))} · {actorOf(event)}
          </Text>
          {event.reason ? (
            <Text size="sm" style={multiline}>
              {t("web.communityIssues.event.reason", { reason: event.reason })}
            </Text>
          ) : null}
          {event.note ? (
            <Text size="sm" style={multiline}>
              {event.note}
            </Text>
          ) : null}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
