import { Alert, Button, Paper, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { MIN_PASSWORD_LENGTH } from "../../../../core/schemas/auth";
import { ErrorAlert } from "../../../components/error-alert";
import { useChangePassword } from "../api/use-change-password.mutation";

/** Current password, the new one twice; the server checks length and the common-password list. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [again, setAgain] = useState("");
  const isMismatch = again !== "" && next !== again;
  const isReady = current !== "" && [...next].length >= MIN_PASSWORD_LENGTH && next === again;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent("");
          setNext("");
          setAgain("");
        },
      },
    );
  };

  return (
    <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={420}>
          <Title order={2} size="h3">
            {t("web.account.password.title")}
          </Title>
          {change.isSuccess ? (
            <Alert color="green" variant="light" role="status">
              {t("web.account.password.done")}
            </Alert>
          ) : null}
          {change.isError ? <ErrorAlert error={change.error} /> : null}
          <PasswordInput
            label={t("web.account.password.current")}
            name="current-password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(event) => setCurrent(event.currentTarget.value)}
          />
          <PasswordInput
            label={t("web.account.password.new")}
            name="new-password"
            autoComplete="new-password"
            required
            value={next}
            onChange={(event) => setNext(event.currentTarget.value)}
          />
          <PasswordInput
            label={t("web.account.password.confirm")}
            name="new-password-again"
            autoComplete="new-password"
            required
            value={again}
            error={isMismatch ? t("web.account.password.mismatch") : undefined}
            onChange={(event) => setAgain(event.currentTarget.value)}
          />
          <Text size="xs" c="dimmed">
            {t("web.account.password.hint", { minLength: MIN_PASSWORD_LENGTH })}
          </Text>
          <Button type="submit" loading={change.isPending} disabled={!isReady}>
            {t("web.account.password.submit")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
