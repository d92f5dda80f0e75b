import { Anchor, Badge, Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { OutreachSession } from "../../../../core/schemas/outreach";
import { useTaxonomyName } from "../../../lib/use-taxonomy-name";

/** The community issues recorded from the session's problems, each with its reference and status. */
export function LinkedIssues({ issues }: { readonly issues: OutreachSession["issues"] }) {
  const { t } = useTranslation();
  const categoryName = useTaxonomyName("categories");
  if (issues.length === 0) {
    return <Text c="dimmed">{t("web.outreach.issues.none")}</Text>;
  }
  return (
    <Stack gap="xs" data-testid="linked-issues">
      <Text size="sm" c="dimmed">
        {t("web.outreach.issues.intro")}
      </Text>
      {issues.map((issue) => (
        <Paper key={issue.id} withBorder p="sm">
          <Group justify="space-between" gap="xs">
            <Stack gap={0}>
              <Anchor component={Link} to={`/community/issues/${issue.id}`} ff="monospace">
                {issue.reference}
              </Anchor>
              <Text size="sm">{categoryName(issue.category)}</Text>
            </Stack>
            <Badge variant="light">{t(`web.outreach.status.${issue.status}`)}</Badge>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
