import { Paper, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";

interface StatCardProps {
  readonly title: string;
  /** What the figure means and what it is divided by. */
  readonly definition: string;
  readonly children: ReactNode;
}

/** One headline figure with its definition printed beneath, never hidden in a tooltip. */
export function StatCard({ title, definition, children }: StatCardProps) {
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="xs" h="100%">
        <Text size="sm" c="dimmed" fw={600}>
          {title}
        </Text>
        {children}
        <Text size="xs" c="dimmed" mt="auto">
          {definition}
        </Text>
      </Stack>
    </Paper>
  );
}
