import { Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

interface PageHeaderProps {
  readonly title: string;
  readonly intro: string;
  /** The page's main action (e.g. "New …"), at the end of the line; absent for readers. */
  readonly action?: ReactNode;
  /** More lines under the intro. */
  readonly children?: ReactNode;
}

/** A list page's heading: the title (the page's one h1) and its intro, with the main action beside. */
export function PageHeader({ title, intro, action, children }: PageHeaderProps) {
  return (
    <Group justify="space-between" align="flex-end" gap="sm">
      <Stack gap={4} maw={760}>
        <Title order={1} size="h2">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {intro}
        </Text>
        {children}
      </Stack>
      {action}
    </Group>
  );
}
