import { Button, Paper, Select, SimpleGrid, Stack, TextInput, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { apiTokenRoles, type ApiTokenCreate } from "../../../../core/schemas/api-tokens";
import type { OrgUnit } from "../../../../core/schemas/org-units";
import { ErrorAlert } from "../../../components/error-alert";

interface CreateTokenFormProps {
  readonly units: readonly OrgUnit[];
  readonly isPending: boolean;
  readonly error: unknown;
  readonly onCreate: (input: ApiTokenCreate, done: () => void) => void;
}

/** The last valid day of a new token: 90 days from today by default. */
function defaultExpiry(): string {
  return new Date(Date.now() + 90 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** Name, role, org unit and last valid day of a new token. */
export function CreateTokenForm({ units, isPending, error, onCreate }: CreateTokenFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const [role, setRole] = useState<string | null>("hq-analyst");
  const [unitId, setUnitId] = useState<string | null>(units[0] ? String(units[0].id) : null);
  const [expiresOn, setExpiresOn] = useState(defaultExpiry);
  const chosenRole = apiTokenRoles.find((r) => r === role);
  const isReady =
    name.trim() !== "" && chosenRole && unitId && /^\d{4}-\d{2}-\d{2}$/.test(expiresOn);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isReady) return;
    onCreate({ name: name.trim(), role: chosenRole, orgUnitId: Number(unitId), expiresOn }, () =>
      setName(""),
    );
  };

  return (
    <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t("web.apiTokens.create.title")}
          </Title>
          {error ? <ErrorAlert error={error} /> : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t("web.apiTokens.field.name")}
              placeholder={t("web.apiTokens.field.namePlaceholder")}
              name="token-name"
              required
              maxLength={100}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
            />
            <Select
              label={t("web.apiTokens.field.role")}
              data={apiTokenRoles.map((r) => ({ value: r, label: r }))}
              value={role}
              onChange={setRole}
              allowDeselect={false}
            />
            <Select
              label={t("web.apiTokens.field.unit")}
              data={units.map((u) => ({ value: String(u.id), label: `${u.name} (${u.code})` }))}
              value={unitId}
              onChange={setUnitId}
              searchable
              allowDeselect={false}
            />
            <TextInput
              type="date"
              label={t("web.apiTokens.field.expiresOn")}
              required
              value={expiresOn}
              onChange={(event) => setExpiresOn(event.currentTarget.value)}
            />
          </SimpleGrid>
          <Button
            type="submit"
            loading={isPending}
            disabled={!isReady}
            w={{ base: "100%", sm: "auto" }}
          >
            {t("web.apiTokens.create.submit")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
