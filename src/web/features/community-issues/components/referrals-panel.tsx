import { Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { IssueDetail, Referral } from "../../../../core/schemas/community-issues";
import { useFormatters } from "../../../lib/use-formatters";
import { useIssueLabels } from "../use-issue-labels";
import { ResponseModal } from "./referral-modals";

const outcomeColors = {
  resolved: "green",
  partly_resolved: "lime",
  not_resolved: "red",
  declined: "gray",
} as const;

/** The issue's referrals: stakeholder, what was asked and when, the response and its outcome. */
export function ReferralsPanel(props: { readonly issue: IssueDetail; readonly canWork: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const labels = useIssueLabels();
  const [responding, setResponding] = useState<Referral | null>(null);
  const { referrals } = props.issue;
  return (
    <Stack gap="sm" component="section" aria-labelledby="referrals-title">
      <Title order={2} size="h4" id="referrals-title">
        {t("web.communityIssues.referrals")}
      </Title>
      {referrals.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("web.communityIssues.noReferrals")}
        </Text>
      ) : null}
      {referrals.map((referral) => (
        <Card key={referral.id} withBorder padding="sm" data-testid={`referral-${referral.id}`}>
          <Stack gap={6}>
            <Group justify="space-between" gap="xs">
              <Text fw={600}>
                {referral.stakeholder.name}{" "}
                <Text span size="xs" c="dimmed">
                  · {labels.stakeholderType(referral.stakeholder.type)}
                </Text>
              </Text>
              {referral.outcome ? (
                <Badge color={outcomeColors[referral.outcome]} variant="light" tt="none">
                  {labels.outcome(referral.outcome)}
                </Badge>
              ) : (
                <Badge color="yellow" variant="outline" tt="none">
                  {t(
                    referral.response === null
                      ? "web.communityIssues.awaitingResponse"
                      : "web.communityIssues.noOutcomeYet",
                  )}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {t("web.communityIssues.askedOn", { date: format.date(referral.sentOn) })}
            </Text>
            <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
              {referral.request}
            </Text>
            {referral.response !== null ? (
              <Stack
                gap={2}
                pl="sm"
                style={{ borderLeft: "3px solid var(--mantine-color-gray-3)" }}
              >
                <Text size="xs" c="dimmed">
                  {t("web.communityIssues.respondedOn", {
                    date: referral.responseOn === null ? "—" : format.date(referral.responseOn),
                  })}
                </Text>
                <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                  {referral.response}
                </Text>
              </Stack>
            ) : null}
            {props.canWork ? (
              <Group>
                <Button size="xs" variant="light" onClick={() => setResponding(referral)}>
                  {t(
                    referral.response === null
                      ? "web.communityIssues.recordResponse"
                      : "web.communityIssues.editResponse",
                  )}
                </Button>
              </Group>
            ) : null}
          </Stack>
        </Card>
      ))}
      {responding ? (
        <ResponseModal
          issueId={props.issue.id}
          referral={responding}
          onClose={() => setResponding(null)}
        />
      ) : null}
    </Stack>
  );
}
