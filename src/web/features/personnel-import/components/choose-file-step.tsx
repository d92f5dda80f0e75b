import { Select, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MappingTemplate } from "../../../../core/schemas/personnel-import";
import { FileDropZone } from "./file-drop-zone";

interface ChooseFileStepProps {
  readonly templates: readonly MappingTemplate[];
  readonly isBusy: boolean;
  readonly onChoose: (file: File, template: string | null) => void;
}

/** Step 1: the file, and optionally the saved mapping to read it with. */
export function ChooseFileStep({ templates, isBusy, onChoose }: ChooseFileStepProps) {
  const { t } = useTranslation();
  const [template, setTemplate] = useState<string | null>(null);
  return (
    <Stack gap="md" maw={640}>
      <Text size="sm">{t("web.personnelImport.file.help")}</Text>
      {templates.length > 0 ? (
        <Select
          label={t("web.personnelImport.templates.use")}
          description={t("web.personnelImport.templates.useHelp")}
          placeholder={t("web.personnelImport.templates.none")}
          data={templates.map((tpl) => tpl.name)}
          value={template}
          onChange={setTemplate}
          clearable
          searchable
        />
      ) : null}
      <FileDropZone isBusy={isBusy} onFile={(file) => onChoose(file, template)} />
    </Stack>
  );
}
