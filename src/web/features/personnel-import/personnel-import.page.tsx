import { Alert, Button, Group, Stack, Stepper, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { canPerform } from "../../../core/access/permissions";
import type { PersonnelInspection } from "../../../core/schemas/personnel-import";
import { ErrorAlert } from "../../components/error-alert";
import { useMe } from "../auth/api/use-me.query";
import { useInspectFile } from "./api/use-inspect-file";
import { useMappingTemplates } from "./api/use-mapping-templates";
import { isCancellation, useRunImport } from "./api/use-run-import";
import { ChooseFileStep } from "./components/choose-file-step";
import { MappingStep } from "./components/mapping-step";
import { RunProgress } from "./components/run-progress";
import { RunResult } from "./components/run-result";
import {
  fileSettingsOf,
  formFromInspection,
  mergeInspection,
  runOptionsOf,
  withFileSettings,
  type FileSettingsChange,
  type MappingForm,
} from "./mapping-form";
import { withValueChoices, type ValueChoice } from "./value-maps";

const stages = ["choose", "map", "validate", "import"] as const;
type Stage = (typeof stages)[number];

interface Loaded {
  readonly file: File;
  readonly inspection: PersonnelInspection;
  readonly form: MappingForm;
}

/**
 * The personnel import: choose a file, map its columns, check it (a dry run that reviews the
 * events it would write), then import it. Nothing is written until the last step, and then all
 * rows or none.
 */
export function PersonnelImportPage() {
  const { t } = useTranslation();
  const me = useMe();
  const roles = me.data?.user.roles.map((r) => r.role) ?? [];
  const isAllowed = canPerform(roles, "personnel.write");
  const templates = useMappingTemplates(isAllowed);
  const inspect = useInspectFile();
  const { run, progress, cancel } = useRunImport();
  const [stage, setStage] = useState<Stage>("choose");
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  if (!isAllowed) return <Text>{t("web.personnelImport.forbidden")}</Text>;
  const outcome = run.data?.outcome;
  const isDone = stage === "import" && (outcome === "imported" || outcome === "unchanged");

  const chooseFile = (file: File, template: string | null) => {
    run.reset();
    inspect.mutate(
      { file, ...(template ? { template } : {}) },
      {
        onSuccess: (inspection) => {
          setLoaded({ file, inspection, form: formFromInspection(inspection) });
          setStage("map");
        },
      },
    );
  };
  const setForm = (form: MappingForm) => setLoaded((prev) => prev && { ...prev, form });
  const changeFileSettings = (change: FileSettingsChange) => {
    if (!loaded) return;
    const form = withFileSettings(loaded.form, change);
    setForm(form);
    inspect.mutate(
      { file: loaded.file, mapping: fileSettingsOf(form.mapping) },
      {
        onSuccess: (inspection) =>
          setLoaded(
            (prev) => prev && { ...prev, inspection, form: mergeInspection(prev.form, inspection) },
          ),
      },
    );
  };
  const loadTemplate = (template: string) => {
    if (!loaded) return;
    inspect.mutate(
      { file: loaded.file, template },
      {
        onSuccess: (inspection) =>
          setLoaded(
            (prev) =>
              prev && { ...prev, inspection, form: formFromInspection(inspection, prev.form.asOf) },
          ),
      },
    );
  };
  const start = (isDryRun: boolean, form = loaded?.form) => {
    if (!loaded || !form) return;
    const { file, inspection } = loaded;
    run.mutate({ file, options: runOptionsOf(form, inspection, file.name), isDryRun });
    setStage(isDryRun ? "validate" : "import");
  };
  const applyValues = (choices: readonly ValueChoice[]) => {
    if (!loaded) return;
    const form = { ...loaded.form, mapping: withValueChoices(loaded.form.mapping, choices) };
    setForm(form);
    start(true, form);
  };
  const backToMapping = () => {
    run.reset();
    setStage("map");
  };
  const startOver = () => {
    run.reset();
    inspect.reset();
    setLoaded(null);
    setStage("choose");
  };

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t("web.personnelImport.title")}
        </Title>
        <Text size="sm" c="dimmed" maw={720}>
          {t("web.personnelImport.intro")}
        </Text>
      </Stack>
      <Stepper
        active={isDone ? stages.length : stages.indexOf(stage)}
        size="sm"
        visibleFrom="sm"
        allowNextStepsSelect={false}
      >
        {stages.map((s) => (
          <Stepper.Step key={s} label={t(`web.personnelImport.steps.${s}`)} />
        ))}
      </Stepper>
      <Text size="sm" fw={600} hiddenFrom="sm">
        {t("web.personnelImport.stepOf", {
          step: stages.indexOf(stage) + 1,
          total: stages.length,
          name: t(`web.personnelImport.steps.${stage}`),
        })}
      </Text>
      {inspect.isError ? <ErrorAlert error={inspect.error} /> : null}
      {stage === "choose" || !loaded ? (
        <ChooseFileStep
          templates={templates.data ?? []}
          isBusy={inspect.isPending}
          onChoose={chooseFile}
        />
      ) : stage === "map" ? (
        <MappingStep
          file={loaded.file}
          inspection={loaded.inspection}
          form={loaded.form}
          templates={templates.data ?? []}
          isReading={inspect.isPending}
          onForm={setForm}
          onFileSettings={changeFileSettings}
          onLoadTemplate={loadTemplate}
          onValidate={() => start(true)}
          onStartOver={startOver}
        />
      ) : run.isPending ? (
        <RunProgress isDryRun={stage === "validate"} progress={progress} onCancel={cancel} />
      ) : run.isError ? (
        <Stack gap="md">
          {isCancellation(run.error) ? (
            <Alert color="yellow" variant="light" role="status" data-testid="personnel-outcome">
              {t("web.personnelImport.result.cancelled")}
            </Alert>
          ) : (
            <ErrorAlert error={run.error} />
          )}
          <Group gap="sm">
            <Button variant="default" onClick={backToMapping}>
              {t("web.personnelImport.result.back")}
            </Button>
          </Group>
        </Stack>
      ) : run.data ? (
        <RunResult
          report={run.data}
          fileName={loaded.file.name}
          onImport={() => start(false)}
          onApplyValues={applyValues}
          onBack={backToMapping}
          onStartOver={startOver}
        />
      ) : null}
    </Stack>
  );
}
