import { Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RankSchemeSection } from "./components/rank-scheme-section";
import { RolesSection } from "./components/roles-section";

/** Ranks and roles: the rank scheme (groups, ordered ranks) and the job roles, for administrators. */
export function RegisterConfigPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="xl" maw={1000}>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t("web.registerConfig.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("web.registerConfig.intro")}
        </Text>
      </Stack>
      <RankSchemeSection />
      <RolesSection />
    </Stack>
  );
}
