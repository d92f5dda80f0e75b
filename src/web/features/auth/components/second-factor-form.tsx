import { Button, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSecondFactor } from "../api/use-second-factor.mutation";
import { CodeForm } from "./code-form";

/** The second sign-in step, after a correct password. */
export function SecondFactorForm({ onCancel }: { readonly onCancel: () => void }) {
  const { t } = useTranslation();
  const secondFactor = useSecondFactor();
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t("web.auth.secondFactor.title")}
        </Title>
        <Text c="dimmed" size="sm">
          {t("web.auth.secondFactor.body")}
        </Text>
      </div>
      <CodeForm
        label={t("web.auth.secondFactor.code")}
        submitLabel={t("web.auth.secondFactor.submit")}
        isPending={secondFactor.isPending}
        error={secondFactor.error}
        onSubmit={(code) => secondFactor.mutate(code)}
        secondary={
          <Button variant="subtle" onClick={onCancel}>
            {t("web.auth.secondFactor.back")}
          </Button>
        }
      />
    </Stack>
  );
}
