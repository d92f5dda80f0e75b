import {
  Alert,
  Button,
  Chip,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { communityTextLimits } from "../../../../core/community/text-limits";
import type { OutreachSession } from "../../../../core/schemas/outreach";
import { ErrorAlert } from "../../../components/error-alert";
import { ApiError, clientErrorCodes } from "../../../lib/api-client";
import { useFormatters } from "../../../lib/use-formatters";
import { useTaxonomyName } from "../../../lib/use-taxonomy-name";
import {
  usePartnerOptions,
  useSaveOutreachSession,
  useSessionUnits,
  useTaxonomy,
} from "../api/use-outreach";
import { fieldErrorsFromApi, type FieldErrors } from "../lib/field-errors";
import { toCreateBody, toUpdateBody } from "../lib/session-body";
import {
  emptyProblemDraft,
  isSameDraft,
  type ProblemDraft,
  type SessionDraft,
} from "../lib/session-draft";
import { useDraftStorage } from "../lib/use-draft-storage";
import { AttendanceFields } from "./attendance-fields";
import { LinkedIssues } from "./linked-issues";
import { PlaceFields } from "./place-fields";
import { ProblemFields } from "./problem-fields";

interface SessionFormProps {
  /** Where the draft is kept in this browser. */
  readonly storageKey: string;
  readonly initial: SessionDraft;
  /** Absent for a new session. */
  readonly session?: OutreachSession;
  readonly today: string;
  readonly canWrite: boolean;
  /** After an edit is saved (the page then shows the stored session afresh). */
  readonly onSaved?: () => void;
}

function Section({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  return (
    <Stack gap="sm" component="section">
      <Title order={2} size="h4">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** A long topic name (Khmer, Russian) wraps inside its chip instead of widening the page. */
const wrappingChip = {
  root: { maxWidth: "100%" },
  label: {
    whiteSpace: "normal",
    height: "auto",
    minHeight: "var(--chip-size)",
    paddingBlock: 6,
    lineHeight: 1.35,
  },
} as const;

let problemSerial = 0;
const newProblemKey = () => `p${Date.now().toString(36)}-${(problemSerial++).toString(36)}`;

/**
 * The outreach form, made for a phone: when and where, topics, partners, people counted, problems
 * raised (on a saved session: those recorded, and more to add) and notes. Every change is kept as a draft on the device; saving is
 * all or nothing, and the fields the server refuses are marked with its reason.
 */
export function SessionForm({
  storageKey,
  initial,
  session,
  today,
  canWrite,
  onSaved,
}: SessionFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useFormatters();
  const topicName = useTaxonomyName("topics");
  const { draft, change, restoredAt, canKeep, discard, forget } = useDraftStorage(
    storageKey,
    initial,
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useSaveOutreachSession();
  const units = useSessionUnits();
  const topics = useTaxonomy("topics");
  const categories = useTaxonomy("categories");
  const partners = usePartnerOptions(draft.unitId);
  const isDisabled = !canWrite;
  const isNew = session === undefined;

  const errorOf = (field: string): string | undefined => {
    const error = errors[field];
    return error ? t(`web.outreach.fieldErrors.${error.key}`, error.values ?? {}) : undefined;
  };
  const clearErrors = (prefix: string) =>
    setErrors((current) =>
      Object.fromEntries(Object.entries(current).filter(([field]) => !field.startsWith(prefix))),
    );
  const update = (values: Partial<SessionDraft>) => {
    change({ ...draft, ...values });
    for (const field of Object.keys(values)) clearErrors(field);
  };
  const updateProblem = (index: number, problem: ProblemDraft) => {
    update({ problems: draft.problems.map((p, i) => (i === index ? problem : p)) });
    clearErrors(`problems[${index}]`);
  };
  const removeProblem = (index: number) => {
    update({ problems: draft.problems.filter((_, i) => i !== index) });
    setErrors({});
  };

  const onError = (error: Error) => {
    if (error instanceof ApiError) setErrors(fieldErrorsFromApi(error) ?? {});
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (session === undefined) {
      const mapped = toCreateBody(draft);
      if (!mapped.ok) return setErrors(mapped.errors);
      setErrors({});
      save.mutate(
        { kind: "create", body: mapped.body },
        {
          onSuccess: (created) => {
            forget();
            void navigate(`/community/outreach/${created.id}`, { state: { isJustSaved: true } });
          },
          onError,
        },
      );
      return;
    }
    const mapped = toUpdateBody(draft, initial);
    if (!mapped.ok) return setErrors(mapped.errors);
    setErrors({});
    save.mutate(
      { kind: "update", id: session.id, body: mapped.body },
      {
        onSuccess: () => {
          forget();
          onSaved?.();
        },
        onError,
      },
    );
  };

  const errorCount = Object.keys(errors).length;
  const isOffline = save.error instanceof ApiError && save.error.code === clientErrorCodes.network;
  const unitOptions = (units.data ?? [])
    .filter((unit) => unit.closedOn === null || unit.id === draft.unitId)
    .map((unit) => ({ value: String(unit.id), label: `${unit.name} (${unit.code})` }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        {restoredAt && !isSameDraft(draft, initial) ? (
          <Alert color="blue" variant="light" title={t("web.outreach.draft.restoredTitle")}>
            <Stack gap="xs">
              <Text size="sm">
                {t("web.outreach.draft.restored", { date: format.date(restoredAt.slice(0, 10)) })}
              </Text>
              <Group>
                <Button size="compact-sm" variant="outline" onClick={discard}>
                  {t("web.outreach.draft.discard")}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : null}
        {units.isError ? (
          <ErrorAlert error={units.error} onRetry={() => void units.refetch()} />
        ) : null}
        {topics.isError ? (
          <ErrorAlert error={topics.error} onRetry={() => void topics.refetch()} />
        ) : null}

        <Section title={t("web.outreach.section.whenWhere")}>
          <TextInput
            type="date"
            label={t("web.outreach.field.heldOn")}
            value={draft.heldOn}
            max={today}
            onChange={(event) => update({ heldOn: event.currentTarget.value })}
            error={errorOf("heldOn")}
            required
            size="md"
            disabled={isDisabled}
          />
          {isNew ? (
            <Select
              label={t("web.outreach.field.unit")}
              data={unitOptions}
              value={draft.unitId === null ? null : String(draft.unitId)}
              onChange={(value) =>
                update({ unitId: value === null ? null : Number(value), partnerIds: [] })
              }
              error={errorOf("unitId")}
              searchable
              required
              allowDeselect={false}
              size="md"
              nothingFoundMessage={t("web.outreach.nothingFound")}
              disabled={isDisabled}
            />
          ) : (
            <TextInput
              label={t("web.outreach.field.unit")}
              value={`${session.unit.name} (${session.unit.code})`}
              readOnly
              size="md"
            />
          )}
          <PlaceFields
            place={draft.place}
            latitude={draft.latitude}
            longitude={draft.longitude}
            onChange={update}
            errorOf={errorOf}
            isDisabled={isDisabled}
          />
        </Section>

        <Section title={t("web.outreach.field.topics")}>
          <Chip.Group
            multiple
            value={draft.topicIds.map(String)}
            onChange={(values) => update({ topicIds: values.map(Number) })}
          >
            <Group gap="xs">
              {(topics.data ?? [])
                .filter((topic) => topic.isActive || draft.topicIds.includes(topic.id))
                .map((topic) => (
                  <Chip
                    key={topic.id}
                    value={String(topic.id)}
                    size="md"
                    disabled={isDisabled}
                    styles={wrappingChip}
                  >
                    {topicName(topic)}
                  </Chip>
                ))}
            </Group>
          </Chip.Group>
          {errorOf("topicIds") ? (
            <Text size="sm" c="red" role="alert">
              {errorOf("topicIds")}
            </Text>
          ) : null}
        </Section>

        <Section title={t("web.outreach.field.partners")}>
          <MultiSelect
            label={t("web.outreach.field.partnersLabel")}
            description={t("web.outreach.field.partnersHint")}
            data={(partners.data ?? []).map((partner) => ({
              value: String(partner.id),
              label: `${partner.name} · ${t(`web.stakeholders.type.${partner.type}`)}`,
            }))}
            value={draft.partnerIds.map(String)}
            onChange={(values) => update({ partnerIds: values.map(Number) })}
            error={errorOf("partnerIds")}
            searchable
            hidePickedOptions
            size="md"
            nothingFoundMessage={t("web.outreach.nothingFound")}
            disabled={isDisabled}
          />
          {partners.isError ? <ErrorAlert error={partners.error} /> : null}
        </Section>

        <Section title={t("web.outreach.section.people")}>
          <AttendanceFields
            officers={draft.officers}
            attendance={draft.attendance}
            onOfficersChange={(officers) => update({ officers })}
            onAttendanceChange={(attendance) => update({ attendance })}
            isDisabled={isDisabled}
            attendanceError={errorOf("attendance") ?? errorOf("officersPresent")}
          />
        </Section>

        <Section title={t("web.outreach.section.problems")}>
          {isNew ? null : <LinkedIssues issues={session.issues} />}
          <Text size="sm" c="dimmed">
            {t(isNew ? "web.outreach.problem.intro" : "web.outreach.problem.introLater")}
          </Text>
          {categories.isError ? <ErrorAlert error={categories.error} /> : null}
          {draft.problems.map((problem, index) => (
            <ProblemFields
              key={problem.key}
              index={index}
              problem={problem}
              categories={categories.data ?? []}
              errorOf={(field) =>
                errorOf(`problems[${index}].${field}`) ?? errorOf(`problems[${index}]`)
              }
              onChange={(next) => updateProblem(index, next)}
              onRemove={() => removeProblem(index)}
            />
          ))}
          {canWrite ? (
            <Button
              variant="light"
              size="md"
              onClick={() =>
                update({ problems: [...draft.problems, emptyProblemDraft(newProblemKey())] })
              }
              disabled={isDisabled}
            >
              {t("web.outreach.problem.add")}
            </Button>
          ) : null}
        </Section>

        <Section title={t("web.outreach.field.notes")}>
          <Textarea
            aria-label={t("web.outreach.field.notes")}
            value={draft.notes}
            onChange={(event) => update({ notes: event.currentTarget.value })}
            error={errorOf("notes")}
            maxLength={communityTextLimits.notes}
            autosize
            minRows={3}
            size="md"
            disabled={isDisabled}
          />
        </Section>

        {canWrite ? (
          <Paper withBorder p="sm" shadow="sm" style={{ position: "sticky", bottom: 0, zIndex: 2 }}>
            <Stack gap="xs">
              {errorCount > 0 ? (
                <Text size="sm" c="red" role="alert">
                  {t("web.outreach.notSaved", { count: errorCount })}
                </Text>
              ) : null}
              {save.isError && errorCount === 0 ? <ErrorAlert error={save.error} /> : null}
              {isOffline ? <Text size="sm">{t("web.outreach.draft.offline")}</Text> : null}
              <Button type="submit" size="md" fullWidth loading={save.isPending}>
                {isNew ? t("web.outreach.saveNew") : t("web.outreach.saveChanges")}
              </Button>
              <Text size="xs" c="dimmed" ta="center">
                {canKeep ? t("web.outreach.draft.kept") : t("web.outreach.draft.cannotKeep")}
              </Text>
            </Stack>
          </Paper>
        ) : null}
      </Stack>
    </form>
  );
}
