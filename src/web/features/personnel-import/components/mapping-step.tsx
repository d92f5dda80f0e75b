import { Alert, Box, Button, Group, List, LoadingOverlay, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type {
  MappingTemplate,
  PersonnelInspection,
} from "../../../../core/schemas/personnel-import";
import {
  mappingProblems,
  withColumn,
  type FileSettingsChange,
  type MappingForm,
  type MappingProblem,
} from "../mapping-form";
import { withoutValueMapEntry } from "../value-maps";
import { ColumnMapping } from "./column-mapping";
import { FileSettings } from "./file-settings";
import { PreviewTable } from "./preview-table";
import { ReadingOptions } from "./reading-options";
import { TemplateBar } from "./template-bar";
import { ValueMapReview } from "./value-map-review";

interface MappingStepProps {
  readonly file: File;
  readonly inspection: PersonnelInspection;
  readonly form: MappingForm;
  readonly templates: readonly MappingTemplate[];
  /** The file is being read again (new settings or a template). */
  readonly isReading: boolean;
  readonly onForm: (form: MappingForm) => void;
  /** Sheet, encoding, delimiter or header row changed: read the file again. */
  readonly onFileSettings: (change: FileSettingsChange) => void;
  readonly onLoadTemplate: (name: string) => void;
  readonly onValidate: () => void;
  readonly onStartOver: () => void;
}

function useProblemText(): (problem: MappingProblem) => string {
  const { t } = useTranslation();
  return (problem) => {
    switch (problem.kind) {
      case "as_of_required":
        return t("web.personnelImport.problems.asOf");
      case "date_format_required":
        return t("web.personnelImport.problems.dateOrder");
      case "field_required":
        return t("web.personnelImport.problems.field", {
          field: t(`web.personnelImport.field.${problem.field}`),
        });
    }
  };
}

/** Step 2: how to read the file and which column holds which field, with a live preview. */
export function MappingStep(props: MappingStepProps) {
  const { t } = useTranslation();
  const { form, inspection } = props;
  const [showProblems, setShowProblems] = useState(false);
  const problems = mappingProblems(form, inspection);
  const describe = useProblemText();
  const validate = () => {
    setShowProblems(true);
    if (problems.length === 0) props.onValidate();
  };
  return (
    <Box pos="relative">
      <LoadingOverlay visible={props.isReading} zIndex={10} overlayProps={{ blur: 1 }} />
      <Stack gap="md">
        <FileSettings
          file={props.file}
          inspection={inspection}
          mapping={form.mapping}
          onChange={props.onFileSettings}
        />
        <TemplateBar
          templates={props.templates}
          mapping={form.mapping}
          isLoading={props.isReading}
          onLoad={props.onLoadTemplate}
        />
        <ReadingOptions
          form={form}
          inspection={inspection}
          showProblems={showProblems}
          onMapping={(change) => props.onForm({ ...form, mapping: { ...form.mapping, ...change } })}
          onAsOf={(asOf) => props.onForm({ ...form, asOf })}
        />
        <ColumnMapping
          form={form}
          headers={inspection.headers}
          problems={problems}
          showProblems={showProblems}
          onColumn={(field, header) => props.onForm(withColumn(form, field, header))}
        />
        <ValueMapReview
          mapping={form.mapping}
          onRemove={(field, source) =>
            props.onForm({ ...form, mapping: withoutValueMapEntry(form.mapping, field, source) })
          }
        />
        <PreviewTable inspection={inspection} mapping={form.mapping} />
        {showProblems && problems.length > 0 ? (
          <Alert color="orange" variant="light" title={t("web.personnelImport.problems.title")}>
            <List size="sm">
              {problems.map((problem) => (
                <List.Item key={problem.kind === "field_required" ? problem.field : problem.kind}>
                  {describe(problem)}
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        <Group gap="sm">
          <Button onClick={validate}>{t("web.personnelImport.mapping.validate")}</Button>
          <Button variant="default" onClick={props.onStartOver}>
            {t("web.personnelImport.mapping.otherFile")}
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}
