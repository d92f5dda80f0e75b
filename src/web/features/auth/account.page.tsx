import { Skeleton, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useMe } from "./api/use-me.query";
import { ChangePasswordForm } from "./components/change-password-form";
import { TwoFactorSettings } from "./components/two-factor-settings";

/** The signed-in user's own security settings: password and two-step sign-in. */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t("web.account.title")}
      </Title>
      <ChangePasswordForm />
      {me.data ? <TwoFactorSettings twoFactor={me.data.twoFactor} /> : <Skeleton height={160} />}
    </Stack>
  );
}
