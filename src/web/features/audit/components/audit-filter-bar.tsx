import { Autocomplete, Button, Group, SimpleGrid, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { suggestedAuditActions, type AuditFilterValues } from "../audit-filters";

type EditableFilters = Omit<AuditFilterValues, "unit">;

interface AuditFilterBarProps {
  readonly value: EditableFilters;
  readonly onApply: (filters: EditableFilters) => void;
}

/** User, action and UTC date range; applied together (the org unit comes from the header). */
export function AuditFilterBar({ value, onApply }: AuditFilterBarProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<EditableFilters>(value);
  const set = (key: keyof EditableFilters) => (next: string) =>
    setDraft((previous) => ({ ...previous, [key]: next === "" ? null : next }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const clear = () => {
    const empty = { user: null, action: null, from: null, to: null };
    setDraft(empty);
    onApply(empty);
  };
  return (
    <form onSubmit={submit} aria-label={t("web.audit.filters.label")}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <TextInput
          label={t("web.audit.filters.user")}
          placeholder={t("web.audit.filters.userPlaceholder")}
          value={draft.user ?? ""}
          onChange={(event) => set("user")(event.currentTarget.value)}
          autoCapitalize="none"
          spellCheck={false}
        />
        <Autocomplete
          label={t("web.audit.filters.action")}
          placeholder={t("web.audit.filters.actionPlaceholder")}
          data={[...suggestedAuditActions]}
          value={draft.action ?? ""}
          onChange={set("action")}
          autoCapitalize="none"
          spellCheck={false}
        />
        <TextInput
          type="date"
          label={t("web.audit.filters.from")}
          value={draft.from ?? ""}
          onChange={(event) => set("from")(event.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t("web.audit.filters.to")}
          value={draft.to ?? ""}
          onChange={(event) => set("to")(event.currentTarget.value)}
        />
      </SimpleGrid>
      <Group mt="sm" gap="sm">
        <Button type="submit">{t("web.audit.filters.apply")}</Button>
        <Button variant="default" onClick={clear}>
          {t("web.audit.filters.clear")}
        </Button>
      </Group>
    </form>
  );
}
