import { Alert, Badge, Button, Divider, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Me } from "../../../../core/schemas/auth";
import { ErrorAlert } from "../../../components/error-alert";
import { meQueryKey } from "../api/use-me.query";
import { useRegenerateRecoveryCodes } from "../api/use-recovery-codes.mutation";
import { useTwoFactorConfirm } from "../api/use-two-factor-confirm.mutation";
import { useTwoFactorDisable } from "../api/use-two-factor-disable.mutation";
import { useTwoFactorSetup } from "../api/use-two-factor-setup.mutation";
import { AuthenticatorKey } from "./authenticator-key";
import { CodeForm } from "./code-form";
import { PasswordConfirmForm } from "./password-confirm-form";
import { RecoveryCodes } from "./recovery-codes";

/** Turning two-step sign-in on (anyone) and off, or renewing the recovery codes (with the password). */
export function TwoFactorSettings({ twoFactor }: { readonly twoFactor: Me["twoFactor"] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const setup = useTwoFactorSetup();
  const confirm = useTwoFactorConfirm();
  const disable = useTwoFactorDisable();
  const regenerate = useRegenerateRecoveryCodes();

  const refresh = () => {
    setup.reset();
    confirm.reset();
    void queryClient.invalidateQueries({ queryKey: meQueryKey });
  };

  if (confirm.data)
    return <RecoveryCodes codes={confirm.data.recoveryCodes} onContinue={refresh} />;
  if (regenerate.data)
    return (
      <RecoveryCodes codes={regenerate.data.recoveryCodes} onContinue={() => regenerate.reset()} />
    );

  return (
    <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }}>
      <Stack gap="sm" maw={480}>
        <Group gap="sm">
          <Title order={2} size="h3">
            {t("web.account.twoFactor.title")}
          </Title>
          <Badge color={twoFactor.isEnabled ? "green" : "gray"} data-testid="two-factor-status">
            {t(twoFactor.isEnabled ? "web.account.twoFactor.on" : "web.account.twoFactor.off")}
          </Badge>
        </Group>
        {disable.isSuccess ? (
          <Alert color="green" variant="light" role="status">
            {t("web.account.twoFactor.disabled")}
          </Alert>
        ) : null}
        {twoFactor.isEnabled ? (
          <>
            <PasswordConfirmForm
              name="password"
              submitLabel={t("web.account.twoFactor.disable")}
              isPending={disable.isPending}
              error={disable.error}
              isDanger
              onSubmit={(password, clear) => disable.mutate(password, { onSuccess: clear })}
            >
              <Text size="sm">{t("web.account.twoFactor.bodyOn")}</Text>
              {twoFactor.isRequired ? (
                <Alert color="yellow" variant="light">
                  {t("web.account.twoFactor.required")}
                </Alert>
              ) : null}
            </PasswordConfirmForm>
            <Divider />
            <PasswordConfirmForm
              name="recovery-codes-password"
              submitLabel={t("web.account.twoFactor.recoveryCodes.submit")}
              isPending={regenerate.isPending}
              error={regenerate.error}
              onSubmit={(password, clear) => regenerate.mutate(password, { onSuccess: clear })}
            >
              <Title order={3} size="h4">
                {t("web.auth.recovery.title")}
              </Title>
              <Text size="sm">{t("web.account.twoFactor.recoveryCodes.body")}</Text>
            </PasswordConfirmForm>
          </>
        ) : setup.data ? (
          <>
            <AuthenticatorKey secret={setup.data.secret} uri={setup.data.uri} />
            <CodeForm
              label={t("web.auth.enrol.code")}
              submitLabel={t("web.auth.enrol.confirm")}
              isPending={confirm.isPending}
              error={confirm.error}
              onSubmit={(code) => confirm.mutate(code)}
            />
          </>
        ) : (
          <>
            <Text size="sm">{t("web.account.twoFactor.bodyOff")}</Text>
            {setup.isError ? <ErrorAlert error={setup.error} /> : null}
            <Button loading={setup.isPending} onClick={() => setup.mutate()}>
              {t("web.account.twoFactor.enable")}
            </Button>
          </>
        )}
      </Stack>
    </Paper>
  );
}
