import { requireValidAnswers } from "../../../core/community/feedback-answers";
import { isFinalStatus } from "../../../core/community/issue-lifecycle";
import { pageOf, pageWindow } from "../../../core/community/paging";
import { requireStorableText } from "../../../core/community/storable-text";
import { requireTextWithinLimits } from "../../../core/community/text-limits";
import { AppError } from "../../../core/errors";
import type {
  CreateFeedbackInput,
  FeedbackListQuery,
  FeedbackPage,
  FeedbackResponse,
  PublicFeedbackInput,
  PublicFeedbackView,
} from "../../../core/schemas/feedback";
import { recordWrite } from "../../audit/record-write";
import type { AuditActor, AuditRecorder } from "../../audit/recorder";
import type { CommunityCaller } from "../../http/community-caller";
import { isPathInScope, requireUnitPathInScope, type Scope } from "../../http/scope";
import type { FeedbackRepository, FeedbackWriter, Survey } from "./feedback.repository";

/** Audit entries of residents name no one (as the resident desk's). */
const RESIDENT: AuditActor = { userId: null, username: null, ip: null, userAgent: null };

const DAY_MS = 86_400_000;
const startOfDay = (day: string) => new Date(`${day}T00:00:00Z`);

async function activeSurvey(w: FeedbackWriter, code: string): Promise<Survey> {
  const survey = await w.activeSurvey(code);
  if (!survey) {
    throw new AppError("community.invalid_value", {
      field: "survey",
      value: code,
      reason: "unknown",
    });
  }
  return survey;
}

/**
 * Feedback surveys answered (issue 7): entered by officers from paper after an outreach session or
 * by phone after an issue, within their write scope; and given by residents through the follow-up
 * link, once per issue, after it is closed. Every response is one transaction with its answers:
 * one bad answer (named by its question) writes nothing.
 */
export function createFeedbackService(deps: {
  repo: FeedbackRepository;
  audit: AuditRecorder;
  now: () => Date;
}) {
  const { repo } = deps;

  /** A response written by `work` in its transaction, audited with the fields it sets. */
  const audited = (
    actor: AuditActor,
    action: "feedback.create" | "feedback.resident_create",
    hasComment: boolean,
    work: () => Promise<{ id: number; orgUnitId: number }>,
  ) =>
    recordWrite(
      deps.audit,
      {
        actor,
        action,
        entityType: "feedback_response",
        entityId: null,
        orgUnitId: null,
        fields: [
          "survey_id",
          "channel",
          "respondent_sex",
          "respondent_age_group",
          "answers",
          ...(hasComment ? ["comment"] : []),
        ],
      },
      work,
      (result) => ({ entityId: String(result.id), orgUnitId: result.orgUnitId }),
    );

  const read = async (scope: Scope, id: number): Promise<FeedbackResponse> => {
    const found = await repo.find(scope, id);
    if (!found) throw new AppError("community.not_found", { entity: "feedback", id });
    return found;
  };

  return {
    async list(scope: Scope, query: FeedbackListQuery): Promise<FeedbackPage> {
      const unitPath =
        query.unit === undefined
          ? undefined
          : await requireUnitPathInScope(scope, query.unit, repo.unitPath);
      const rows = await repo.list(
        scope,
        {
          ...(unitPath === undefined ? {} : { unitPath }),
          ...(query.from === undefined ? {} : { from: startOfDay(query.from) }),
          ...(query.to === undefined
            ? {}
            : { before: new Date(startOfDay(query.to).getTime() + DAY_MS) }),
          ...(query.issueId === undefined ? {} : { issueId: query.issueId }),
          ...(query.outreachSessionId === undefined
            ? {}
            : { outreachSessionId: query.outreachSessionId }),
        },
        pageWindow(query.page),
      );
      const { items, ...page } = pageOf(rows, query.page);
      return { responses: items, ...page };
    },

    /**
     * An officer enters a response about an issue or a session of their write scope; one outside
     * it is "not found", as everywhere in community policing.
     */
    async enter(caller: CommunityCaller, input: CreateFeedbackInput): Promise<FeedbackResponse> {
      const created = await audited(
        caller.actor,
        "feedback.create",
        input.comment !== undefined,
        () =>
          repo.transaction(async (w) => {
            requireStorableText([["comment", input.comment]]);
            requireTextWithinLimits([["comment", "comment", input.comment]]);
            const survey = await activeSurvey(w, input.survey);
            const target =
              input.issueId === undefined
                ? await w.session(input.outreachSessionId ?? 0)
                : await w.lockIssue(input.issueId);
            if (!target || !isPathInScope(caller.write, target.unitPath)) {
              throw new AppError("community.not_found", {
                entity: input.issueId === undefined ? "session" : "issue",
                id: input.issueId ?? input.outreachSessionId ?? 0,
              });
            }
            const answers = requireValidAnswers(survey.questions, input.answers);
            const id = await w.insert({
              surveyId: survey.id,
              issueId: input.issueId ?? null,
              outreachSessionId: input.outreachSessionId ?? null,
              orgUnitId: target.orgUnitId,
              channel: input.channel,
              sex: input.respondent.sex ?? null,
              ageGroup: input.respondent.ageGroup ?? null,
              comment: input.comment ?? null,
              enteredBy: caller.actor.userId,
              submittedAt: deps.now(),
              answers,
            });
            return { id, orgUnitId: target.orgUnitId };
          }),
      );
      return read(caller.read, created.id);
    },

    /** The survey behind a follow-up link (the issue already opened by its secret). */
    async residentView(issueId: number): Promise<PublicFeedbackView> {
      const [state, survey] = await Promise.all([
        repo.publicState(issueId),
        repo.firstActiveSurvey(),
      ]);
      if (!state) throw new AppError("public.not_found");
      return {
        isOpen: survey !== undefined && isFinalStatus(state.status) && !state.isAnswered,
        status: state.status,
        isAnswered: state.isAnswered,
        survey:
          survey === undefined
            ? null
            : {
                code: survey.code,
                name: survey.name,
                nameKey: survey.name === null ? `community.feedback.${survey.code}` : null,
                questions: survey.questions.map((q) => ({
                  code: q.code,
                  kind: q.kind,
                  text: q.text,
                  textKey: q.text === null ? `community.feedback.${q.code}` : null,
                })),
              },
      };
    },

    /**
     * The resident's answers: once, after the issue reached a final status, the issue row locked
     * (a reopening waits). Without a respondent the issue's "raised by" is used: it is the same
     * person, who holds the link.
     */
    async answerAsResident(issueId: number, input: PublicFeedbackInput): Promise<void> {
      requireStorableText([["comment", input.comment]]);
      await audited(RESIDENT, "feedback.resident_create", input.comment !== undefined, () =>
        repo.transaction(async (w) => {
          requireTextWithinLimits([["comment", "comment", input.comment]]);
          const issue = await w.lockIssue(issueId);
          if (!issue) throw new AppError("public.not_found");
          if (!isFinalStatus(issue.status)) {
            throw new AppError("feedback.not_open", { status: issue.status });
          }
          if ((await w.publicState(issueId))?.isAnswered) {
            throw new AppError("feedback.already_answered");
          }
          const survey = await activeSurvey(w, input.survey);
          const answers = requireValidAnswers(survey.questions, input.answers);
          const id = await w.insert({
            surveyId: survey.id,
            issueId,
            outreachSessionId: null,
            orgUnitId: issue.orgUnitId,
            channel: "public_channel",
            sex: input.respondent === undefined ? issue.sex : (input.respondent.sex ?? null),
            ageGroup:
              input.respondent === undefined ? issue.ageGroup : (input.respondent.ageGroup ?? null),
            comment: input.comment ?? null,
            enteredBy: null,
            submittedAt: deps.now(),
            answers,
          });
          return { id, orgUnitId: issue.orgUnitId };
        }),
      );
    },
  };
}

export type FeedbackService = ReturnType<typeof createFeedbackService>;
