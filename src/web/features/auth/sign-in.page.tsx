import { Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/error-alert";
import { useSignIn } from "./api/use-sign-in.mutation";
import { SecondFactorForm } from "./components/second-factor-form";

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

  if (signIn.data?.status === "second_factor_required") {
    return (
      <Paper
        withBorder
        shadow="sm"
        radius="md"
        p={{ base: "lg", sm: "xl" }}
        w="100%"
        maw={420}
        mx="auto"
      >
        <SecondFactorForm onCancel={() => signIn.reset()} />
      </Paper>
    );
  }
  return (
    <Paper
      withBorder
      shadow="sm"
      radius="md"
      p={{ base: "lg", sm: "xl" }}
      w="100%"
      maw={420}
      mx="auto"
    >
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
