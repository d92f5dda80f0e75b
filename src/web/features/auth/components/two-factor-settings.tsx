import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Me } from "../../../../core/schemas/auth";
import { ErrorAlert } from "../../../components/error-alert";
import { meQueryKey } from "../api/use-me.query";
import { useTwoFactorConfirm } from "../api/use-two-factor-confirm.mutation";
import { useTwoFactorDisable } from "../api/use-two-factor-disable.mutation";
import { useTwoFactorSetup } from "../api/use-two-factor-setup.mutation";
import { AuthenticatorKey } from "./authenticator-key";
import { CodeForm } from "./code-form";
import { RecoveryCodes } from "./recovery-codes";

/** Turning two-step sign-in on (anyone) and off (with the password). */
export function TwoFactorSettings({ twoFactor }: { readonly twoFactor: Me["twoFactor"] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const setup = useTwoFactorSetup();
  const confirm = useTwoFactorConfirm();
  const disable = useTwoFactorDisable();
  const [password, setPassword] = useState("");

  const refresh = () => {
    setup.reset();
    confirm.reset();
    void queryClient.invalidateQueries({ queryKey: meQueryKey });
  };
  const turnOff = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    disable.mutate(password, { onSuccess: () => setPassword("") });
  };

  if (confirm.data)
    return <RecoveryCodes codes={confirm.data.recoveryCodes} onContinue={refresh} />;

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
          <form onSubmit={turnOff} noValidate>
            <Stack gap="sm">
              <Text size="sm">{t("web.account.twoFactor.bodyOn")}</Text>
              {twoFactor.isRequired ? (
                <Alert color="yellow" variant="light">
                  {t("web.account.twoFactor.required")}
                </Alert>
              ) : null}
              {disable.isError ? <ErrorAlert error={disable.error} /> : null}
              <PasswordInput
                label={t("web.account.twoFactor.password")}
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
              />
              <Button
                type="submit"
                color="red"
                variant="outline"
                loading={disable.isPending}
                disabled={password === ""}
              >
                {t("web.account.twoFactor.disable")}
              </Button>
            </Stack>
          </form>
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
