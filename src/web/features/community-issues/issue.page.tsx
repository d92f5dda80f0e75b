import { Alert, Anchor, Grid, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { canPerform } from "../../../core/access/permissions";
import { ErrorAlert } from "../../components/error-alert";
import { useFormatters } from "../../lib/use-formatters";
import { useMe } from "../auth/api/use-me.query";
import { useIssue, useIssueHistory } from "./api/use-community-issues";
import { AssignmentPanel } from "./components/assignment-panel";
import { ContactReveal } from "./components/contact-reveal";
import { DueBadge, IssueStatusBadge, WomanOfficerBadge } from "./components/issue-badges";
import { IssueFacts } from "./components/issue-facts";
import { IssueHistory } from "./components/issue-history";
import { LifecycleActions } from "./components/lifecycle-actions";
import { NoteForm } from "./components/note-form";
import { ReferralsPanel } from "./components/referrals-panel";
import { useIssueLabels } from "./use-issue-labels";

interface ArrivalState {
  /** The queue's query string, for the way back. */
  readonly from?: string;
  /** The reference of an issue just recorded. */
  readonly recorded?: string;
}

const multiline = { whiteSpace: "pre-wrap", overflowWrap: "anywhere" } as const;

/** One issue: its facts, the steps the lifecycle allows, referrals, notes and the full history. */
export function IssuePage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const labels = useIssueLabels();
  const me = useMe();
  const location = useLocation();
  const arrival = (location.state ?? {}) as ArrivalState;
  const roles = me.data?.user.roles.map((r) => r.role) ?? [];
  const issueId = Number(useParams().id);
  const issue = useIssue(issueId);
  const history = useIssueHistory(issueId);
  const canWork = canPerform(roles, "community.write");

  if (!canPerform(roles, "community.read")) {
    return <Text>{t("web.communityIssues.forbidden")}</Text>;
  }
  const back = (
    <Anchor component={Link} to={`/community/issues${arrival.from ?? ""}`} size="sm">
      ← {t("web.communityIssues.back")}
    </Anchor>
  );
  const data = issue.data;
  return (
    <Stack gap="lg" maw={1280}>
      {back}
      {issue.isError ? <ErrorAlert error={issue.error} /> : null}
      {issue.isPending ? <Skeleton height={320} /> : null}
      {data ? (
        <>
          {arrival.recorded === data.reference ? (
            <Alert color="green" variant="light" role="status">
              {t("web.communityIssues.recorded", { reference: data.reference })}
            </Alert>
          ) : null}
          <Stack gap="xs">
            <Title order={1} size="h2">
              {t("web.communityIssues.detailTitle", {
                reference: data.reference,
                category: labels.category(data.category),
              })}
            </Title>
            <Group gap="xs">
              <IssueStatusBadge status={data.status} />
              <DueBadge issue={data} />
              <WomanOfficerBadge issue={data} />
            </Group>
          </Stack>
          {/* In this order on a phone: the issue and its steps, its facts, then the long history. */}
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack gap="lg">
                <Stack gap={4} component="section" aria-labelledby="description-title">
                  <Title order={2} size="h4" id="description-title">
                    {t("web.communityIssues.description")}
                  </Title>
                  <Text style={multiline}>{data.description}</Text>
                </Stack>
                {data.statusReason ? (
                  <Alert color="gray" variant="light" title={t("web.communityIssues.statusReason")}>
                    <Text size="sm" style={multiline}>
                      {data.statusReason}
                    </Text>
                  </Alert>
                ) : null}
                {data.residentConfirmation ? (
                  <Alert
                    color={data.residentConfirmation === "fixed" ? "green" : "orange"}
                    variant="light"
                    title={t("web.communityIssues.residentConfirmation")}
                    data-testid="resident-confirmation"
                  >
                    {t("web.communityIssues.residentSaid", {
                      answer: labels.confirmation(data.residentConfirmation),
                      date: data.residentConfirmedAt
                        ? format.date(data.residentConfirmedAt.slice(0, 10))
                        : "—",
                    })}
                  </Alert>
                ) : null}
                {canWork ? <LifecycleActions issue={data} /> : null}
                <ReferralsPanel issue={data} canWork={canWork} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Stack gap="md">
                <IssueFacts issue={data} canWork={canWork} />
                <AssignmentPanel issue={data} userId={me.data?.user.id ?? 0} canWork={canWork} />
                <ContactReveal issue={data} canRead={canPerform(roles, "community.contact.read")} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack gap="sm" component="section" aria-labelledby="history-title">
                <Title order={2} size="h4" id="history-title">
                  {t("web.communityIssues.history")}
                </Title>
                {canWork ? <NoteForm issueId={data.id} /> : null}
                {history.isError ? <ErrorAlert error={history.error} /> : null}
                {history.data ? (
                  <IssueHistory events={history.data} referrals={data.referrals} />
                ) : (
                  <Skeleton height={120} />
                )}
              </Stack>
            </Grid.Col>
          </Grid>
        </>
      ) : null}
    </Stack>
  );
}
