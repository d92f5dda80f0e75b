import {
  Alert,
  Button,
  Chip,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { canPerform } from "../../../core/access/permissions";
import { ageGroups } from "../../../core/community/vocabulary";
import { communityTextLimits } from "../../../core/community/text-limits";
import { sexes } from "../../../core/schemas/sex";
import { ErrorAlert } from "../../components/error-alert";
import { ApiError } from "../../lib/api-client";
import { useFormatters } from "../../lib/use-formatters";
import { useSearchParam } from "../../lib/use-search-param";
import { useTaxonomyName } from "../../lib/use-taxonomy-name";
import { useMe } from "../auth/api/use-me.query";
import {
  useClosedIssues,
  useCreateFeedback,
  useRecentSessions,
  useSurveys,
} from "./api/use-feedback";
import { QuestionField } from "./components/question-field";
import {
  answeredCount,
  emptyFeedbackEntry,
  toFeedbackBody,
  type FeedbackEntry,
  type FeedbackTarget,
} from "./lib/feedback-entry";

const positiveInt = (value: string | null): number | null => {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n > 0 ? n : null;
};

/**
 * `/community/feedback/new`: paper surveys entered after an outreach session (`?session=ID`), or a
 * phone survey after an issue (`?issue=ID`), one respondent after another: "save and next" keeps
 * the session and survey and clears the sheet.
 */
export function FeedbackEntryPage() {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const me = useMe();
  const roles = me.data?.user.roles.map((r) => r.role) ?? [];
  const canWrite = canPerform(roles, "community.write");
  const surveyName = useTaxonomyName("feedback");
  const [sessionParam, setSession] = useSearchParam("session");
  const [issueParam, setIssue] = useSearchParam("issue");
  const [surveyParam, setSurvey] = useSearchParam("survey");
  const kind = issueParam !== null ? "issue" : "session";
  const target: FeedbackTarget | null =
    kind === "issue"
      ? positiveInt(issueParam) === null
        ? null
        : { kind, id: Number(issueParam) }
      : positiveInt(sessionParam) === null
        ? null
        : { kind, id: Number(sessionParam) };
  const surveys = useSurveys();
  const sessions = useRecentSessions(canWrite && kind === "session");
  const issues = useClosedIssues(canWrite && kind === "issue");
  const create = useCreateFeedback();
  const [entry, setEntry] = useState<FeedbackEntry>(emptyFeedbackEntry);
  const [savedCount, setSavedCount] = useState(0);
  const [problem, setProblem] = useState<"no_target" | "no_answers" | null>(null);
  const topRef = useRef<HTMLHeadingElement>(null);

  if (!canWrite) return <Text>{t("web.feedbackEntry.forbidden")}</Text>;
  const active = (surveys.data ?? []).filter((s) => s.isActive);
  const survey = active.find((s) => s.code === surveyParam) ?? active[0] ?? null;
  const questionText = (question: NonNullable<typeof survey>["questions"][number]) =>
    question.text ??
    (question.textKey && i18n.exists(question.textKey) ? t(question.textKey) : question.code);
  const refusedQuestion =
    create.error instanceof ApiError && create.error.code === "feedback.answer_invalid"
      ? String(create.error.details.question)
      : null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!survey) return;
    const mapped = toFeedbackBody(survey, target, entry);
    if (!mapped.ok) return setProblem(mapped.reason);
    setProblem(null);
    create.mutate(mapped.body, {
      onSuccess: () => {
        setSavedCount((n) => n + 1);
        setEntry(emptyFeedbackEntry);
        topRef.current?.scrollIntoView({ block: "start" });
      },
    });
  };
  const change = (values: Partial<FeedbackEntry>) => {
    create.reset();
    setProblem(null);
    setEntry((current) => ({ ...current, ...values }));
  };

  return (
    <Stack gap="lg" maw={720}>
      <Stack gap={4}>
        <Title order={1} size="h2" ref={topRef}>
          {t("web.feedbackEntry.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("web.feedbackEntry.intro")}
        </Text>
      </Stack>
      {surveys.isError ? (
        <ErrorAlert error={surveys.error} onRetry={() => void surveys.refetch()} />
      ) : null}
      <SegmentedControl
        fullWidth
        value={kind}
        onChange={(value) => {
          if (value === "issue") {
            setSession(null);
            setIssue("");
          } else setIssue(null);
        }}
        data={[
          { value: "session", label: t("web.feedbackEntry.kind.session") },
          { value: "issue", label: t("web.feedbackEntry.kind.issue") },
        ]}
      />
      {kind === "session" ? (
        <Select
          label={t("web.feedbackEntry.session")}
          placeholder={t("web.feedbackEntry.choose")}
          data={(sessions.data ?? []).map((s) => ({
            value: String(s.id),
            label: `${format.date(s.heldOn)} · ${s.place} · ${s.unit.name}`,
          }))}
          value={target ? String(target.id) : null}
          onChange={(value) => setSession(value)}
          error={problem === "no_target" ? t("web.feedbackEntry.errors.noTarget") : undefined}
          searchable
          size="md"
          nothingFoundMessage={t("web.feedbackEntry.nothingFound")}
        />
      ) : (
        <Select
          label={t("web.feedbackEntry.issue")}
          placeholder={t("web.feedbackEntry.choose")}
          data={(issues.data ?? []).map((issue) => ({
            value: String(issue.id),
            label: `${issue.reference} · ${issue.unit.name}`,
          }))}
          value={target ? String(target.id) : null}
          onChange={(value) => setIssue(value ?? "")}
          error={problem === "no_target" ? t("web.feedbackEntry.errors.noTarget") : undefined}
          searchable
          size="md"
          nothingFoundMessage={t("web.feedbackEntry.nothingFound")}
        />
      )}
      {sessions.isError ? <ErrorAlert error={sessions.error} /> : null}
      {issues.isError ? <ErrorAlert error={issues.error} /> : null}
      {active.length > 1 ? (
        <Select
          label={t("web.feedbackEntry.survey")}
          data={active.map((s) => ({ value: s.code, label: surveyName(s) }))}
          value={survey?.code ?? null}
          onChange={(value) => setSurvey(value)}
          allowDeselect={false}
          size="md"
        />
      ) : null}
      {savedCount > 0 ? (
        <Alert color="teal" variant="light" role="status">
          {t("web.feedbackEntry.savedCount", { count: savedCount })}
        </Alert>
      ) : null}
      {surveys.isPending ? <Skeleton height={320} /> : null}
      {surveys.data && !survey ? <Text c="dimmed">{t("web.feedbackEntry.noSurvey")}</Text> : null}
      {survey ? (
        <form onSubmit={submit} noValidate>
          <Paper withBorder p="md">
            <Stack gap="lg">
              <Title order={2} size="h4">
                {t("web.feedbackEntry.respondentNumber", { number: savedCount + 1 })}
              </Title>
              <Stack gap={6}>
                <Text fw={500}>{t("web.feedbackEntry.sex")}</Text>
                <Chip.Group
                  value={entry.sex ?? ""}
                  onChange={(value) => change({ sex: sexes.find((s) => s === value) ?? null })}
                >
                  <Group gap={6}>
                    {sexes.map((sex) => (
                      <Chip key={sex} value={sex} size="md">
                        {t(`web.sex.${sex}`)}
                      </Chip>
                    ))}
                  </Group>
                </Chip.Group>
              </Stack>
              <Stack gap={6}>
                <Text fw={500}>{t("web.feedbackEntry.ageGroup")}</Text>
                <Chip.Group
                  value={entry.ageGroup ?? ""}
                  onChange={(value) =>
                    change({ ageGroup: ageGroups.find((g) => g === value) ?? null })
                  }
                >
                  <Group gap={6}>
                    {ageGroups.map((group) => (
                      <Chip key={group} value={group} size="md">
                        {t(`web.outreach.ageGroup.${group}`)}
                      </Chip>
                    ))}
                  </Group>
                </Chip.Group>
              </Stack>
              {survey.questions.map((question, index) => (
                <QuestionField
                  key={`${savedCount}-${question.code}`}
                  number={index + 1}
                  question={question}
                  text={questionText(question)}
                  answer={entry.answers[question.code] ?? null}
                  onChange={(answer) =>
                    change({ answers: { ...entry.answers, [question.code]: answer } })
                  }
                  error={
                    refusedQuestion === question.code
                      ? t("web.feedbackEntry.errors.answer")
                      : undefined
                  }
                />
              ))}
              <Textarea
                label={t("web.feedbackEntry.comment")}
                value={entry.comment}
                onChange={(event) => change({ comment: event.currentTarget.value })}
                maxLength={communityTextLimits.comment}
                autosize
                minRows={2}
                size="md"
              />
              {problem === "no_answers" ? (
                <Text size="sm" c="red" role="alert">
                  {t("web.feedbackEntry.errors.noAnswers")}
                </Text>
              ) : null}
              {create.isError ? <ErrorAlert error={create.error} /> : null}
              <Group justify="space-between" align="center">
                <Text size="sm" c="dimmed">
                  {t("web.feedbackEntry.answered", {
                    answered: answeredCount(survey, entry),
                    total: survey.questions.length,
                  })}
                </Text>
                <Button type="submit" size="md" loading={create.isPending}>
                  {t("web.feedbackEntry.saveAndNext")}
                </Button>
              </Group>
            </Stack>
          </Paper>
        </form>
      ) : null}
    </Stack>
  );
}
