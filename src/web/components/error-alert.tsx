import { Alert, Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useErrorMessage } from "../lib/use-error-message";

interface ErrorAlertProps {
  readonly error: unknown;
  readonly onRetry?: () => void;
}

/** A failure, in words, with an optional retry. */
export function ErrorAlert({ error, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  return (
    <Alert color="red" variant="light" title={t("web.errors.title")} role="alert">
      <Group justify="space-between" gap="sm">
        <Text size="sm">{describe(error)}</Text>
        {onRetry ? (
          <Button size="xs" variant="outline" color="red" onClick={onRetry}>
            {t("web.common.retry")}
          </Button>
        ) : null}
      </Group>
    </Alert>
  );
}
