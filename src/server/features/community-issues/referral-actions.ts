import { requireTextWithinLimits } from "../../../core/community/text-limits";
import { AppError } from "../../../core/errors";
import type {
  CreateReferralInput,
  IssueDetail,
  UpdateReferralInput,
} from "../../../core/schemas/community-issues";
import { staffActor, type IssueCaller, type IssueServiceDeps } from "./issue-caller";
import type { IssueStore, LockedIssue } from "./issue-store";
import { applyTransition } from "./issue-transition";

const referralColumns: Readonly<Record<string, string>> = {
  response: "referrals.response",
  responseOn: "referrals.response_on",
  outcome: "referrals.outcome",
};

/** One audited change of a locked issue (issue-actions.ts). */
type Change = (
  caller: IssueCaller,
  id: number,
  action: string,
  fields: string[],
  work: (store: IssueStore, issue: LockedIssue, at: Date) => Promise<unknown>,
) => Promise<IssueDetail>;

/** Referrals of an issue to stakeholders: sending one, and recording the answer. */
export function createReferralActions(
  deps: IssueServiceDeps,
  change: Change,
  requireOpen: (issue: LockedIssue) => void,
) {
  return {
    /**
     * Refers an open issue to an active stakeholder serving the caller's area. Referring is a step
     * of the lifecycle: a `new` or `in_follow_up` issue becomes `referred` in the same transaction.
     */
    createReferral(
      caller: IssueCaller,
      id: number,
      input: CreateReferralInput,
    ): Promise<IssueDetail> {
      return change(
        caller,
        id,
        "community_issue.refer",
        ["referrals", "status"],
        async (store, issue, at) => {
          requireOpen(issue);
          requireTextWithinLimits([["request", "request", input.request]]);
          if (!(await store.isStakeholderUsable(caller.read, input.stakeholderId))) {
            throw new AppError("community.invalid_value", {
              field: "stakeholderId",
              value: input.stakeholderId,
              reason: "unknown",
            });
          }
          const referralId = await store.insertReferral({
            issueId: issue.id,
            stakeholderId: input.stakeholderId,
            request: input.request,
            sentOn: input.sentOn,
            createdBy: caller.actor.userId,
            at,
          });
          await store.appendEvent({
            issueId: issue.id,
            kind: "referral",
            referralId,
            actorKind: "staff",
            actorUserId: caller.actor.userId,
            occurredAt: at,
          });
          if (issue.status !== "referred") {
            await applyTransition(store, issue, { to: "referred" }, staffActor(caller), at);
          }
        },
      );
    },

    /** Records the stakeholder's response and outcome. */
    updateReferral(
      caller: IssueCaller,
      target: { id: number; referralId: number },
      input: UpdateReferralInput,
    ): Promise<IssueDetail> {
      const fields = Object.keys(input).map((key) => referralColumns[key] ?? key);
      return change(
        caller,
        target.id,
        "community_issue.referral_update",
        fields,
        async (store, issue, at) => {
          requireTextWithinLimits([["response", "response", input.response]]);
          const current = await store.lockReferral(issue.id, target.referralId);
          if (!current) {
            throw new AppError("community.not_found", {
              entity: "referral",
              id: target.referralId,
            });
          }
          const responseOn = input.responseOn === undefined ? current.responseOn : input.responseOn;
          const outcome = input.outcome === undefined ? current.outcome : input.outcome;
          if (responseOn !== null && responseOn < current.sentOn) {
            throw new AppError("community.invalid_value", {
              field: "responseOn",
              value: responseOn,
              reason: "too_early",
            });
          }
          if (responseOn !== null && responseOn > deps.today()) {
            throw new AppError("community.invalid_value", {
              field: "responseOn",
              value: responseOn,
              reason: "future",
            });
          }
          if (outcome !== null && responseOn === null) {
            throw new AppError("community.invalid_value", {
              field: "outcome",
              value: outcome,
              reason: "incomplete",
            });
          }
          await store.updateReferral(
            target.referralId,
            {
              ...(input.response === undefined ? {} : { response: input.response }),
              ...(input.responseOn === undefined ? {} : { response_on: input.responseOn }),
              ...(input.outcome === undefined ? {} : { outcome: input.outcome }),
            },
            at,
          );
          await store.appendEvent({
            issueId: issue.id,
            kind: "referral_update",
            referralId: target.referralId,
            fields,
            actorKind: "staff",
            actorUserId: caller.actor.userId,
            occurredAt: at,
          });
        },
      );
    },
  };
}
