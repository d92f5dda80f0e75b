/** @jsxImportSource preact */
import { useEffect, useState } from "preact/hooks";
import type { FeedbackChoice } from "../../core/community/vocabulary";
import { feedbackChoices } from "../../core/community/vocabulary";
import type { FeedbackAnswerInput, PublicFeedbackView } from "../../core/schemas/feedback";
import { ApiError, NETWORK_FAILURE, publicApi } from "./api";
import { useTranslator } from "./translator-context";
import { errorMessage } from "./error-message";

type Answer = { readonly value?: number; readonly choice?: FeedbackChoice };
const scale = [1, 2, 3, 4, 5] as const;

/**
 * The short survey behind the follow-up link, once the issue is closed and until it is answered
 * (`GET/POST /api/public/issues/:reference/feedback`). Shown only when the server offers one.
 */
export function FeedbackSurvey(props: { reference: string; secret: string; status: string }) {
  const translator = useTranslator();
  const { t } = translator;
  const [view, setView] = useState<PublicFeedbackView | null>(null);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [comment, setComment] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const [isDone, setDone] = useState(false);

  useEffect(() => {
    // No survey route on this server, or none open: the page simply offers none.
    publicApi.feedback(props.reference, props.secret).then(setView, () => setView(null));
  }, [props.reference, props.secret, props.status]);

  const survey = view?.survey;
  if (isDone) {
    return (
      <p class="card notice" role="status">
        {t("web.publicChannel.feedback.thanks")}
      </p>
    );
  }
  if (!view || !survey || !view.isOpen || view.isAnswered) return null;

  const text = (textKey: string | null, fallback: string | null, code: string) =>
    fallback ?? (textKey ? t(textKey) : code);
  const send = async (event: Event) => {
    event.preventDefault();
    const given: FeedbackAnswerInput[] = Object.entries(answers).map(([question, a]) => ({
      question,
      ...a,
    }));
    if (given.length === 0) {
      setFailure(t("web.publicChannel.feedback.answerOne"));
      return;
    }
    try {
      await publicApi.answerFeedback(props.reference, props.secret, {
        survey: survey.code,
        answers: given,
        ...(comment.trim() === "" ? {} : { comment: comment.trim() }),
      });
      setDone(true);
    } catch (error) {
      setFailure(
        errorMessage(translator, error instanceof ApiError ? error.failure : NETWORK_FAILURE),
      );
    }
  };

  return (
    <form class="card" aria-labelledby="feedback-title" onSubmit={(e) => void send(e)}>
      <h2 id="feedback-title">{text(survey.nameKey, survey.name, survey.code)}</h2>
      <p class="hint">{t("web.publicChannel.feedback.intro")}</p>
      {survey.questions.map((question) => (
        <fieldset class="field" key={question.code}>
          <legend>{text(question.textKey, question.text, question.code)}</legend>
          {question.kind === "scale_1_5" ? (
            <div class="scale">
              {scale.map((value) => (
                <label class="choice" key={value}>
                  <input
                    type="radio"
                    name={question.code}
                    checked={answers[question.code]?.value === value}
                    onChange={() => setAnswers({ ...answers, [question.code]: { value } })}
                  />
                  <span>{value}</span>
                </label>
              ))}
              <p class="hint">{t("web.publicChannel.feedback.scale")}</p>
            </div>
          ) : (
            feedbackChoices.map((choice) => (
              <label class="choice" key={choice}>
                <input
                  type="radio"
                  name={question.code}
                  checked={answers[question.code]?.choice === choice}
                  onChange={() => setAnswers({ ...answers, [question.code]: { choice } })}
                />
                <span>{t(`web.publicChannel.feedback.choices.${choice}`)}</span>
              </label>
            ))
          )}
        </fieldset>
      ))}
      <div class="field">
        <label for="feedback-comment">{t("web.publicChannel.feedback.comment")}</label>
        <textarea
          id="feedback-comment"
          rows={3}
          value={comment}
          onInput={(e) => setComment(e.currentTarget.value)}
        />
      </div>
      {failure && (
        <p class="error" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" class="primary">
        {t("web.publicChannel.feedback.send")}
      </button>
    </form>
  );
}
