import { Button, Card, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { IssueDetail } from "../../../../core/schemas/community-issues";
import { ErrorAlert } from "../../../components/error-alert";
import { useIssueContact } from "../api/use-community-issues";

/**
 * The resident's contact details, decrypted only when the officer asks (the server records each
 * read in the audit trail, and the page says so beside the button).
 */
export function ContactReveal(props: { readonly issue: IssueDetail; readonly canRead: boolean }) {
  const { t } = useTranslation();
  const [isRevealed, setIsRevealed] = useState(false);
  const contact = useIssueContact(props.issue.id, isRevealed);
  const { issue } = props;
  const body = issue.isAnonymous ? (
    <Text size="sm">{t("web.communityIssues.contact.anonymous")}</Text>
  ) : !issue.hasContact ? (
    <Text size="sm" c="dimmed">
      {t("web.communityIssues.contact.none")}
    </Text>
  ) : !props.canRead ? (
    <Text size="sm" c="dimmed">
      {t("web.communityIssues.contact.notAllowed")}
    </Text>
  ) : (
    <Stack gap={4} align="flex-start">
      {contact.data ? (
        <Text
          size="sm"
          fw={600}
          data-testid="contact-details"
          style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}
        >
          {contact.data.contact ?? t("web.communityIssues.contact.none")}
        </Text>
      ) : (
        <Button
          size="xs"
          variant="light"
          color="grape"
          loading={contact.isFetching}
          onClick={() => setIsRevealed(true)}
        >
          {t("web.communityIssues.contact.show")}
        </Button>
      )}
      <Text size="xs" c="dimmed">
        {t("web.communityIssues.contact.audited")}
      </Text>
    </Stack>
  );
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="contact-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="contact-title">
          {t("web.communityIssues.contact.title")}
        </Title>
        {contact.isError ? <ErrorAlert error={contact.error} /> : null}
        {body}
      </Stack>
    </Card>
  );
}
