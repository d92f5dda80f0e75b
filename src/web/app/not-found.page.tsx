import { Anchor, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Title order={1} size="h2">
        {t("web.notFound.title")}
      </Title>
      <Text>{t("web.notFound.body")}</Text>
      <Anchor component={Link} to="/">
        {t("web.notFound.home")}
      </Anchor>
    </Stack>
  );
}
