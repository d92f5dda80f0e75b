import { Button, Group, Paper, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { MappingTemplate, PersonnelMapping } from "../../../../core/schemas/personnel-import";
import { ErrorAlert } from "../../../components/error-alert";
import { useDeleteMappingTemplate, useSaveMappingTemplate } from "../api/use-mapping-templates";

interface TemplateBarProps {
  readonly templates: readonly MappingTemplate[];
  readonly mapping: PersonnelMapping;
  readonly isLoading: boolean;
  readonly onLoad: (name: string) => void;
}

/** Load a saved mapping onto this file, delete one, or save the current one under a name. */
export function TemplateBar({ templates, mapping, isLoading, onLoad }: TemplateBarProps) {
  const { t } = useTranslation();
  const save = useSaveMappingTemplate();
  const remove = useDeleteMappingTemplate();
  const [selected, setSelected] = useState<string | null>(null);
  const [name, setName] = useState("");
  const names = templates.map((template) => template.name);
  const current = selected !== null && names.includes(selected) ? selected : null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed !== "") save.mutate({ name: trimmed, mapping });
  };
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("web.personnelImport.templates.title")}
        </Title>
        {names.length > 0 ? (
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label={t("web.personnelImport.templates.saved")}
              placeholder={t("web.personnelImport.templates.pick")}
              data={names}
              value={current}
              onChange={setSelected}
              searchable
              w={{ base: "100%", xs: 240 }}
            />
            <Group gap="xs">
              <Button
                variant="default"
                disabled={current === null}
                loading={isLoading}
                onClick={() => current !== null && onLoad(current)}
              >
                {t("web.personnelImport.templates.load")}
              </Button>
              <Button
                variant="subtle"
                color="red"
                disabled={current === null}
                loading={remove.isPending}
                onClick={() =>
                  current !== null && remove.mutate(current, { onSuccess: () => setSelected(null) })
                }
              >
                {t("web.personnelImport.templates.delete")}
              </Button>
            </Group>
          </Group>
        ) : null}
        <form onSubmit={submit}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t("web.personnelImport.templates.saveAs")}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              maxLength={80}
              w={{ base: "100%", xs: 240 }}
            />
            <Button
              type="submit"
              variant="light"
              loading={save.isPending}
              disabled={name.trim() === ""}
            >
              {t("web.personnelImport.templates.save")}
            </Button>
          </Group>
        </form>
        {save.isSuccess ? (
          <Text size="sm" c="teal.8" role="status">
            {t("web.personnelImport.templates.savedAs", { name: save.data.name })}
          </Text>
        ) : null}
        {save.isError ? <ErrorAlert error={save.error} /> : null}
        {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      </Stack>
    </Paper>
  );
}
