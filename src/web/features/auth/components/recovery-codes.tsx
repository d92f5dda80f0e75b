import { Alert, Button, Checkbox, Code, SimpleGrid, Stack, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

interface RecoveryCodesProps {
  readonly codes: readonly string[];
  readonly onContinue: () => void;
}

/** The single-use recovery codes, shown once; the user confirms storing them before going on. */
export function RecoveryCodes({ codes, onContinue }: RecoveryCodesProps) {
  const { t } = useTranslation();
  const [isStored, setIsStored] = useState(false);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t("web.auth.recovery.title")}
      </Title>
      <Alert color="yellow" variant="light">
        {t("web.auth.recovery.body", { count: codes.length })}
      </Alert>
      <SimpleGrid cols={2} spacing="xs" data-testid="recovery-codes">
        {codes.map((code) => (
          <Code key={code} fz="md" ta="center">
            {code}
          </Code>
        ))}
      </SimpleGrid>
      <Checkbox
        label={t("web.auth.recovery.stored")}
        checked={isStored}
        onChange={(event) => setIsStored(event.currentTarget.checked)}
      />
      <Button disabled={!isStored} onClick={onContinue}>
        {t("web.auth.recovery.continue")}
      </Button>
    </Stack>
  );
}
