import { Button, Paper, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/error-alert";
import { meQueryKey } from "./api/use-me.query";
import { useSignOut } from "./api/use-sign-out.mutation";
import { useTwoFactorConfirm } from "./api/use-two-factor-confirm.mutation";
import { useTwoFactorSetup } from "./api/use-two-factor-setup.mutation";
import { AuthenticatorKey } from "./components/authenticator-key";
import { CodeForm } from "./components/code-form";
import { RecoveryCodes } from "./components/recovery-codes";

/** Roles that require two-step sign-in reach nothing else until an authenticator is set up. */
export function EnrolmentPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const setup = useTwoFactorSetup();
  const confirm = useTwoFactorConfirm();
  const signOut = useSignOut();

  const signOutButton = (
    <Button variant="subtle" loading={signOut.isPending} onClick={() => signOut.mutate()}>
      {t("web.userMenu.signOut")}
    </Button>
  );

  return (
    <Paper
      withBorder
      shadow="sm"
      radius="md"
      p={{ base: "lg", sm: "xl" }}
      w="100%"
      maw={480}
      mx="auto"
    >
      {confirm.data ? (
        <RecoveryCodes
          codes={confirm.data.recoveryCodes}
          onContinue={() => void queryClient.invalidateQueries({ queryKey: meQueryKey })}
        />
      ) : (
        <Stack gap="md">
          <div>
            <Title order={1} size="h2">
              {t("web.auth.enrol.title")}
            </Title>
            <Text size="sm">{t("web.auth.enrol.body")}</Text>
          </div>
          {signOut.isError ? <ErrorAlert error={signOut.error} /> : null}
          {setup.data ? (
            <>
              <AuthenticatorKey secret={setup.data.secret} uri={setup.data.uri} />
              <CodeForm
                label={t("web.auth.enrol.code")}
                submitLabel={t("web.auth.enrol.confirm")}
                isPending={confirm.isPending}
                error={confirm.error}
                onSubmit={(code) => confirm.mutate(code)}
                secondary={signOutButton}
              />
            </>
          ) : (
            <>
              {setup.isError ? <ErrorAlert error={setup.error} /> : null}
              <Button loading={setup.isPending} onClick={() => setup.mutate()}>
                {t("web.auth.enrol.start")}
              </Button>
              {signOutButton}
            </>
          )}
        </Stack>
      )}
    </Paper>
  );
}
