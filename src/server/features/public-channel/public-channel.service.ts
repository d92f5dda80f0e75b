import { isFinalStatus } from "../../../core/community/issue-lifecycle";
import { requireStorableText } from "../../../core/community/storable-text";
import type { ResidentConfirmation } from "../../../core/community/vocabulary";
import { AppError, isAppError } from "../../../core/errors";
import {
  HONEYPOT_FIELD,
  type CreatePublicIssueInput,
  type PublicCategories,
  type PublicConfirmationInput,
  type PublicIssueReceipt,
  type PublicIssueView,
  type PublicUnits,
  type ResidentProblem,
} from "../../../core/schemas/public-channel";
import type { PublicFeedbackInput, PublicFeedbackView } from "../../../core/schemas/feedback";
import type { ChoosableUnit, PublicChannelRepository } from "./public-channel.repository";
import { createChoices } from "./public-choices";

/**
 * What residents do with issues, as the community-issues feature records them (its
 * `resident-desk.ts`; app.ts wires the two). `open` and `confirm` answer null when the reference
 * and the secret do not open an issue — after the same constant-time comparison in every case.
 */
export interface ResidentIssues {
  submit(problem: ResidentProblem): Promise<{ reference: string; followUpSecret: string }>;
  open(reference: string, secret: string): Promise<number | null>;
  confirm(
    reference: string,
    secret: string,
    answer: ResidentConfirmation,
    reopen: boolean,
  ): Promise<number | null>;
}

/**
 * The feedback survey of an issue the resident has opened with its link, as the feedback feature
 * records it (app.ts wires the two): what the page shows, and the one answer it takes.
 */
export interface ResidentFeedback {
  view(issueId: number): Promise<PublicFeedbackView>;
  answer(issueId: number, input: PublicFeedbackInput): Promise<void>;
}

/** The path of the follow-up page; the secret rides in the fragment, never sent to a server. */
export const followUpPath = (reference: string, secret: string) =>
  `/follow-up/${reference}#${secret}`;

/** One answer for an unknown reference and a wrong secret alike: nothing to enumerate. */
const notFound = () => new AppError("public.not_found");

const unknown = (field: string, value: string) =>
  new AppError("community.invalid_value", { field, value, reason: "unknown" });

/** The units a resident may choose: provinces and their districts under the national root. */
function toPublicUnits(units: readonly ChoosableUnit[]): PublicUnits {
  const root = units.find((u) => u.isRoot);
  if (!root) throw new AppError("request.not_found", { path: "/api/public/units" });
  const named = (u: ChoosableUnit) => ({ code: u.code, name: u.name });
  const provinces = units.filter((u) => u.kind === "province");
  return {
    root: named(root),
    provinces: provinces.map((p) => ({
      ...named(p),
      districts: units.filter((d) => d.kind === "district" && d.path.startsWith(p.path)).map(named),
    })),
  };
}

/**
 * The public channel (no sign-in): lists to choose from, raising a problem, and the follow-up page
 * with the resident's answer. Only the reference and the secret of the link open an issue.
 */
export function createPublicChannelService(deps: {
  repo: PublicChannelRepository;
  issues: ResidentIssues;
  feedback: ResidentFeedback;
  /** Milliseconds, for how long the codes a resident may choose are kept; Date.now by default. */
  now?: () => number;
}) {
  const { repo } = deps;
  const choices = createChoices(repo, deps.now ?? Date.now);

  const opened = async (reference: string, secret: string): Promise<number> => {
    const id = await deps.issues.open(reference, secret);
    if (id === null) throw notFound();
    return id;
  };

  const view = async (id: number): Promise<PublicIssueView> => {
    const [issue, updates] = await Promise.all([repo.view(id), repo.updates(id)]);
    const { categoryCode, categoryName, unitCode, unitName, ...rest } = issue;
    return {
      ...rest,
      category: { code: categoryCode, name: categoryName },
      unit: { code: unitCode, name: unitName },
      canConfirm: isFinalStatus(issue.status),
      updates,
    };
  };

  return {
    async units(): Promise<PublicUnits> {
      return toPublicUnits(await repo.choosableUnits());
    },

    async categories(): Promise<PublicCategories> {
      const rows = await repo.activeCategories();
      return { categories: rows.map(({ code, name }) => ({ code, name })) };
    },

    /**
     * Records a resident's problem and answers once it is committed. A filled honeypot is refused
     * with a 400 and nothing written: a person whose browser filled the hidden field sees why and
     * can send again (nothing fails silently); a robot learns nothing it could not by omitting it.
     */
    async submit(input: CreatePublicIssueInput): Promise<PublicIssueReceipt> {
      if (input[HONEYPOT_FIELD]) {
        throw new AppError("public.submission_refused", { field: HONEYPOT_FIELD });
      }
      // Lengths are checked by the intake (core/community/text-limits.ts), in the same words.
      requireStorableText([
        ["description", input.description],
        ["place", input.place],
        ["contact", input.contact],
      ]);
      if (!input.isAnonymous && (input.contact ?? null) === null) {
        throw new AppError("public.contact_required", { field: "contact" });
      }
      const { categoryId, unitId } = await choices.resolve(input.category, input.unit);
      if (categoryId === null) throw unknown("category", input.category);
      if (unitId === null) throw unknown("unit", input.unit ?? "");
      const problem: ResidentProblem = {
        categoryId,
        unitId,
        description: input.description,
        place: input.place ?? null,
        isAnonymous: input.isAnonymous,
        contact: input.contact ?? null,
        ...(input.raisedBy === undefined ? {} : { raisedBy: input.raisedBy }),
        womanOfficerRequested: input.womanOfficerRequested,
        language: input.language,
        ...(input.clientId === undefined ? {} : { clientId: input.clientId }),
      };
      let receipt: { reference: string; followUpSecret: string };
      try {
        receipt = await deps.issues.submit(problem);
      } catch (error) {
        // The kept codes were stale: the unit closed or the category was retired since.
        const isUnitGone = isAppError(error) && error.code === "org_unit.not_found";
        const isCategoryGone =
          isAppError(error) &&
          error.code === "community.invalid_value" &&
          error.details.field === "categoryId";
        if (!isUnitGone && !isCategoryGone) throw error;
        choices.forget();
        throw isUnitGone ? unknown("unit", input.unit ?? "") : unknown("category", input.category);
      }
      const { reference, followUpSecret } = receipt;
      return { reference, followUpSecret, followUpUrl: followUpPath(reference, followUpSecret) };
    },

    /** The follow-up page: status, dates, public notes and the resident's own answers. */
    async follow(reference: string, secret: string): Promise<PublicIssueView> {
      const id = await deps.issues.open(reference, secret);
      if (id === null) throw notFound();
      return view(id);
    },

    /** The feedback survey behind the link: open once the issue is closed and until answered. */
    async feedback(reference: string, secret: string): Promise<PublicFeedbackView> {
      return deps.feedback.view(await opened(reference, secret));
    },

    /** The resident's one answer to the survey; answers the survey's state after it. */
    async answerFeedback(
      reference: string,
      secret: string,
      input: PublicFeedbackInput,
    ): Promise<PublicFeedbackView> {
      const id = await opened(reference, secret);
      await deps.feedback.answer(id, input);
      return deps.feedback.view(id);
    },

    /** "Fixed / not fixed / don't know" after a resolution, and a reopening if asked. */
    async confirm(
      reference: string,
      secret: string,
      input: PublicConfirmationInput,
    ): Promise<PublicIssueView> {
      const id = await deps.issues.confirm(reference, secret, input.answer, input.reopen);
      if (id === null) throw notFound();
      return view(id);
    },
  };
}

export type PublicChannelService = ReturnType<typeof createPublicChannelService>;
