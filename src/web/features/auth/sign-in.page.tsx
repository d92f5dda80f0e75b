import { Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/error-alert";
import { useSignIn } from "./api/use-sign-in.mutation";

/** Username and password; shown whenever there is no valid session. */
export function SignInPage() {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    signIn.mutate({ username: username.trim(), password });
  };

  return (
    <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={420} mx="auto">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <div>
            <Title order={1} size="h2">
              {t("web.auth.signIn.title")}
            </Title>
            <Text c="dimmed" size="sm">
              {t("web.auth.signIn.subtitle")}
            </Text>
          </div>
          {signIn.isError ? <ErrorAlert error={signIn.error} /> : null}
          <TextInput
            label={t("web.auth.signIn.username")}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value)}
          />
          <PasswordInput
            label={t("web.auth.signIn.password")}
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <Button
            type="submit"
            loading={signIn.isPending}
            disabled={username.trim() === "" || password === ""}
          >
            {t("web.auth.signIn.submit")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
