/** @jsxImportSource preact */
import { useCallback, useEffect, useState } from "preact/hooks";
import { formatReferenceCode } from "../../core/community/reference-code";
import type { ResidentConfirmation } from "../../core/community/vocabulary";
import { residentConfirmations } from "../../core/community/vocabulary";
import type { PublicIssueView, PublicUpdate } from "../../core/schemas/public-channel";
import { ApiError, NETWORK_FAILURE, publicApi } from "./api";
import { useTranslator } from "./translator-context";
import { errorMessage } from "./error-message";
import { formatDate } from "./i18n";
import { FeedbackSurvey } from "./feedback-survey";

/** The secret of the link, from the fragment (never sent to the server in a URL). */
function secretFromFragment(): string {
  try {
    return decodeURIComponent(window.location.hash.slice(1));
  } catch {
    return "";
  }
}

function Timeline(props: { updates: readonly PublicUpdate[] }) {
  const { t, locale } = useTranslator();
  const describe = (update: PublicUpdate) => {
    const status = update.status ? t(`web.publicChannel.statuses.${update.status}`) : "";
    switch (update.kind) {
      case "created":
        return t("web.publicChannel.followUp.updates.created");
      case "status":
        return t("web.publicChannel.followUp.updates.status", { status });
      case "reopen":
        return t("web.publicChannel.followUp.updates.reopen", { status });
      case "note":
        return t("web.publicChannel.followUp.updates.note");
      case "referral":
        return t("web.publicChannel.followUp.updates.referral");
      case "resident_confirmation":
        return t("web.publicChannel.followUp.updates.answer", {
          answer: t(`web.publicChannel.confirmations.${update.confirmation ?? "dont_know"}`),
        });
    }
  };
  return (
    <ol class="timeline">
      {[...props.updates].reverse().map((update, index) => (
        <li key={index}>
          <time dateTime={update.at}>{formatDate(locale, update.at, true)}</time>
          <p>{describe(update)}</p>
          {update.note && <blockquote>{update.note}</blockquote>}
        </li>
      ))}
    </ol>
  );
}

function Confirmation(props: {
  onAnswer: (answer: ResidentConfirmation, reopen: boolean) => Promise<void>;
}) {
  const { t } = useTranslator();
  const [answer, setAnswer] = useState<ResidentConfirmation | null>(null);
  const [reopen, setReopen] = useState(false);
  const [isSending, setSending] = useState(false);
  const send = async (event: Event) => {
    event.preventDefault();
    if (answer === null) return;
    setSending(true);
    try {
      await props.onAnswer(answer, answer !== "fixed" && reopen);
    } finally {
      setSending(false);
    }
  };
  return (
    <form class="card" onSubmit={(e) => void send(e)}>
      <fieldset class="field">
        <legend>{t("web.publicChannel.followUp.confirmTitle")}</legend>
        {residentConfirmations.map((choice) => (
          <label class="choice" key={choice}>
            <input
              type="radio"
              name="answer"
              checked={answer === choice}
              onChange={() => setAnswer(choice)}
            />
            <span>{t(`web.publicChannel.confirmations.${choice}`)}</span>
          </label>
        ))}
      </fieldset>
      {answer !== null && answer !== "fixed" && (
        <label class="choice field">
          <input
            type="checkbox"
            checked={reopen}
            onChange={(e) => setReopen(e.currentTarget.checked)}
          />
          <span>{t("web.publicChannel.followUp.reopen")}</span>
        </label>
      )}
      <button type="submit" class="primary" disabled={answer === null || isSending}>
        {t("web.publicChannel.followUp.sendAnswer")}
      </button>
    </form>
  );
}

/** Follow a report: status, the public updates, the resident's answer and the survey. */
export function FollowUpPage(props: { reference: string }) {
  const translator = useTranslator();
  const { t, locale } = translator;
  const secret = secretFromFragment();
  const [view, setView] = useState<PublicIssueView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [thanks, setThanks] = useState(false);

  const fail = useCallback(
    (error: unknown) =>
      setFailure(
        errorMessage(translator, error instanceof ApiError ? error.failure : NETWORK_FAILURE),
      ),
    [translator],
  );
  const load = useCallback(() => {
    setFailure(null);
    publicApi.follow(props.reference, secret).then(setView, fail);
  }, [props.reference, secret, fail]);

  useEffect(() => {
    if (secret !== "") load();
  }, [load, secret]);

  const answer = async (choice: ResidentConfirmation, reopen: boolean) => {
    try {
      setView(await publicApi.confirm(props.reference, secret, { answer: choice, reopen }));
      setThanks(true);
    } catch (error) {
      fail(error);
    }
  };

  return (
    <>
      <h1>{t("web.publicChannel.followUp.title")}</h1>
      <p class="label">{t("web.publicChannel.receipt.reference")}</p>
      <p class="reference">{formatReferenceCode(props.reference)}</p>
      {secret === "" && (
        <p class="card error" role="alert">
          {t("web.publicChannel.followUp.missingSecret")}
        </p>
      )}
      {failure && (
        <div class="card error" role="alert">
          <p>{failure}</p>
          <button type="button" onClick={load}>
            {t("web.publicChannel.followUp.retry")}
          </button>
        </div>
      )}
      {secret !== "" && view === null && failure === null && (
        <p role="status">{t("web.publicChannel.followUp.loading")}</p>
      )}
      {view && (
        <>
          <section class="card" aria-labelledby="status-title">
            <h2 id="status-title">{t("web.publicChannel.followUp.status")}</h2>
            <p class="status" data-testid="status" data-status={view.status}>
              {t(`web.publicChannel.statuses.${view.status}`)}
            </p>
            <dl>
              <dt>{t("web.publicChannel.followUp.sentOn")}</dt>
              <dd>{formatDate(locale, view.createdAt, false)}</dd>
              <dt>{t("web.publicChannel.followUp.category")}</dt>
              <dd>{view.category.name ?? t(`community.categories.${view.category.code}`)}</dd>
              <dt>{t("web.publicChannel.followUp.unit")}</dt>
              <dd>{view.unit.name}</dd>
              {view.place && (
                <>
                  <dt>{t("web.publicChannel.followUp.place")}</dt>
                  <dd>{view.place}</dd>
                </>
              )}
            </dl>
            {view.womanOfficerRequested && (
              <p class="notice">
                {view.womanOfficerAssigned
                  ? t("web.publicChannel.followUp.womanOfficerAssigned")
                  : t("web.publicChannel.followUp.womanOfficerRequested")}
              </p>
            )}
            <details>
              <summary>{t("web.publicChannel.followUp.yourReport")}</summary>
              <blockquote>{view.description}</blockquote>
            </details>
          </section>
          <section class="card" aria-labelledby="updates-title">
            <h2 id="updates-title">{t("web.publicChannel.followUp.updatesTitle")}</h2>
            <Timeline updates={view.updates} />
          </section>
          {thanks && (
            <p class="card notice" role="status">
              {t("web.publicChannel.followUp.thanks")}
            </p>
          )}
          {view.canConfirm && <Confirmation onAnswer={answer} />}
          {view.canConfirm && (
            <FeedbackSurvey reference={props.reference} secret={secret} status={view.status} />
          )}
        </>
      )}
    </>
  );
}
