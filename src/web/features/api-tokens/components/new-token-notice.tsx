import { Alert, Button, Code, CopyButton, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The new token, shown this once; only its SHA-256 is stored. */
export function NewTokenNotice({
  token,
  onDone,
}: {
  readonly token: string;
  readonly onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" variant="light" title={t("web.apiTokens.created.title")}>
      <Stack gap="sm">
        <Text size="sm">{t("web.apiTokens.created.body")}</Text>
        <Code
          block
          data-testid="new-api-token"
          style={{ wordBreak: "break-all", whiteSpace: "pre-wrap" }}
        >
          {token}
        </Code>
        <Group gap="sm">
          <CopyButton value={token}>
            {({ copied, copy }) => (
              <Button variant="outline" onClick={copy}>
                {t(copied ? "web.apiTokens.created.copied" : "web.apiTokens.created.copy")}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onDone}>{t("web.apiTokens.created.done")}</Button>
        </Group>
      </Stack>
    </Alert>
  );
}
