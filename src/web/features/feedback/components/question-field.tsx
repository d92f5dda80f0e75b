import { Chip, Group, Stack, Text } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { FeedbackSurvey } from "../../../../core/schemas/community-config";
import type { AnswerDraft } from "../lib/feedback-entry";

type Question = FeedbackSurvey["questions"][number];

const scaleValues = [1, 2, 3, 4, 5] as const;

/** The option as stored in the chip group: `1`…`5`, `yes`, `no`, `dont_know`. */
function optionOf(answer: AnswerDraft): string {
  if (answer === null) return "";
  return "value" in answer ? String(answer.value) : answer.choice;
}

function answerOf(option: string): AnswerDraft {
  if (option === "") return null;
  if (option === "yes" || option === "no" || option === "dont_know") return { choice: option };
  return { value: Number(option) };
}

interface QuestionFieldProps {
  readonly number: number;
  readonly question: Question;
  readonly text: string;
  readonly answer: AnswerDraft;
  readonly onChange: (answer: AnswerDraft) => void;
  readonly error?: string | undefined;
}

/**
 * One question as large tappable choices: 1–5 and "don't know", or yes / no / don't know. Tapping
 * the chosen answer again clears it (a blank on the paper form).
 */
export function QuestionField({
  number,
  question,
  text,
  answer,
  onChange,
  error,
}: QuestionFieldProps) {
  const { t } = useTranslation();
  const labelId = useId();
  const options =
    question.kind === "scale_1_5"
      ? [
          ...scaleValues.map((value) => ({ value: String(value), label: String(value) })),
          { value: "dont_know", label: t("web.feedbackEntry.choice.dont_know") },
        ]
      : (["yes", "no", "dont_know"] as const).map((choice) => ({
          value: choice,
          label: t(`web.feedbackEntry.choice.${choice}`),
        }));
  const selected = optionOf(answer);

  return (
    <Stack gap={6} role="group" aria-labelledby={labelId} data-question={question.code}>
      <Text fw={500} id={labelId}>
        {number}. {text}
      </Text>
      {question.kind === "scale_1_5" ? (
        <Text size="xs" c="dimmed">
          {t("web.feedbackEntry.scaleHint")}
        </Text>
      ) : null}
      <Group gap={6}>
        {options.map((option) => (
          <Chip
            key={option.value}
            size="md"
            checked={selected === option.value}
            onChange={() => onChange(answerOf(selected === option.value ? "" : option.value))}
          >
            {option.label}
          </Chip>
        ))}
      </Group>
      {error ? (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
