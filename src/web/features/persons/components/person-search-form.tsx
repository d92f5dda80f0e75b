import { Button, Group, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

interface PersonSearchFormProps {
  readonly value: string;
  readonly onSearch: (q: string) => void;
}

/** The service-number search box; Enter or the button applies it. */
export function PersonSearchForm({ value, onSearch }: PersonSearchFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(draft.trim());
  };
  return (
    <form onSubmit={submit} role="search" aria-label={t("web.persons.search.label")}>
      <Group gap="sm" align="flex-end" wrap="nowrap">
        <TextInput
          label={t("web.persons.search.label")}
          placeholder={t("web.persons.search.placeholder")}
          value={draft}
          onChange={(event) => setDraft(event.currentTarget.value)}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          style={{ flex: 1 }}
          maw={420}
        />
        <Button type="submit">{t("web.persons.search.submit")}</Button>
      </Group>
    </form>
  );
}
