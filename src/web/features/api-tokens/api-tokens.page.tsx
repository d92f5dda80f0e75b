import { Button, Group, Modal, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiToken } from "../../../core/schemas/api-tokens";
import { ErrorAlert } from "../../components/error-alert";
import {
  useApiTokens,
  useCreateApiToken,
  useRevokeApiToken,
  useTokenUnits,
} from "./api/use-api-tokens";
import { CreateTokenForm } from "./components/create-token-form";
import { NewTokenNotice } from "./components/new-token-notice";
import { TokenTable } from "./components/token-table";

/** Administrators issue and revoke the bearer tokens that integrations use. */
export function ApiTokensPage() {
  const { t } = useTranslation();
  const tokens = useApiTokens();
  const units = useTokenUnits();
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const [toRevoke, setToRevoke] = useState<ApiToken | null>(null);
  const unitLabel = (id: number) => {
    const unit = units.data?.find((u) => u.id === id);
    return unit ? `${unit.name} (${unit.code})` : `#${id}`;
  };

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {t("web.apiTokens.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("web.apiTokens.intro")}
        </Text>
      </div>
      {create.data ? (
        <NewTokenNotice token={create.data.token} onDone={() => create.reset()} />
      ) : units.data ? (
        <CreateTokenForm
          units={units.data}
          isPending={create.isPending}
          error={create.error}
          onCreate={(input, done) => create.mutate(input, { onSuccess: done })}
        />
      ) : (
        <Skeleton height={180} />
      )}
      {tokens.isError ? (
        <ErrorAlert error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : null}
      {revoke.isError ? <ErrorAlert error={revoke.error} /> : null}
      {tokens.isPending ? <Skeleton height={160} /> : null}
      {tokens.data?.length === 0 ? <Text c="dimmed">{t("web.apiTokens.empty")}</Text> : null}
      {tokens.data && tokens.data.length > 0 ? (
        <TokenTable
          tokens={tokens.data}
          unitLabel={unitLabel}
          now={new Date()}
          onRevoke={setToRevoke}
        />
      ) : null}
      <Modal
        opened={toRevoke !== null}
        onClose={() => setToRevoke(null)}
        title={t("web.apiTokens.revoke")}
        centered
      >
        <Stack gap="md">
          <Text size="sm">{t("web.apiTokens.revokeConfirm", { name: toRevoke?.name ?? "" })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setToRevoke(null)}>
              {t("web.apiTokens.cancel")}
            </Button>
            <Button
              color="red"
              loading={revoke.isPending}
              onClick={() => {
                if (toRevoke) revoke.mutate(toRevoke.id, { onSettled: () => setToRevoke(null) });
              }}
            >
              {t("web.apiTokens.revoke")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
