import { Box, Container, Group, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { LanguageSwitcher } from "./language-switcher";

/** Frame of the pages seen before signing in: the name, the language, the content centred. */
export function PublicLayout({ children }: { readonly children: ReactNode }) {
  return (
    <Box mih="100dvh" bg="gray.0">
      <Group justify="space-between" px="md" py="sm" component="header">
        <Title order={2} size="h3" c="indigo.8">
          Tandem
        </Title>
        <LanguageSwitcher />
      </Group>
      <Container component="main" size="sm" py={{ base: "md", sm: "xl" }}>
        {children}
      </Container>
    </Box>
  );
}
