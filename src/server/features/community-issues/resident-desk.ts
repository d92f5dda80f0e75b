import { isFinalStatus, REOPEN_STATUS } from "../../../core/community/issue-lifecycle";
import { normaliseReferenceCode } from "../../../core/community/reference-code";
import type { ResidentConfirmation } from "../../../core/community/vocabulary";
import { AppError } from "../../../core/errors";
import type { ResidentProblem } from "../../../core/schemas/public-channel";
import { recordWriteWithin } from "../../audit/record-write";
import type { AuditActor, AuditRecorder } from "../../audit/recorder";
import type { Scope } from "../../http/scope";
import type { CommunityIssuesRepository } from "./community-issues.repository";
import {
  createFollowUpSecret,
  followUpSecretForClient,
  isFollowUpSecretValid,
} from "./follow-up-secret";
import type { IssueIntake, RecordedIssue } from "./issue-intake";
import type { IssueStore } from "./issue-store";
import { applyTransition } from "./issue-transition";

/**
 * Audit entries of residents name no one: no user, and neither the address nor the browser, so
 * that nothing identifying is kept with an anonymous submission.
 */
const RESIDENT: AuditActor = { userId: null, username: null, ip: null, userAgent: null };

/** A resident may raise a problem with any open unit (the public channel checks which ones). */
const EVERYWHERE: Scope = { unitPaths: ["/"] };

const residentActor = { kind: "resident", userId: null } as const;

/** Fields of a submission that are stored under another name, for the audit entry. */
const storedAs: Readonly<Record<string, string>> = {
  contact: "contact_encrypted",
  clientId: "client_key_hash",
};

/** Whether a write failed on the UNIQUE client key: the same submission was recorded before. */
function isClientKeyTaken(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === "23505" && typeof message === "string" && message.includes("client_key_hash");
}

/**
 * What residents do through the public channel, as the issues feature records it: submit a problem
 * (the resident variant of the intake), and, holding the follow-up link, read and answer "is it
 * fixed?" — with a reopening under the lifecycle's rules. app.ts hands it to the public channel.
 * A reference is opened only together with its secret; an unknown reference, a malformed one and a
 * wrong secret cost the same comparison and give the same `null`.
 */
export function createResidentDesk(deps: {
  repo: CommunityIssuesRepository;
  intake: IssueIntake;
  audit: AuditRecorder;
  now: () => Date;
}) {
  const { repo } = deps;

  return {
    /**
     * Records the problem and its audit entry in one transaction; resolves once committed, with the
     * link's secret (the acknowledgement never precedes the commit). A submission with a client id
     * that is already recorded (a retry) fails on the unique client key, so it records nothing, and
     * answers with the reference recorded first and the same secret: retries are rare, so they, not
     * every submission, pay for the lookup.
     */
    async submit(problem: ResidentProblem): Promise<{ reference: string; followUpSecret: string }> {
      const { unitId, language, clientId, ...rest } = problem;
      const client = clientId === undefined ? null : followUpSecretForClient(clientId);
      const { secret, hash } = client ?? createFollowUpSecret();
      const clientKeyHash = client?.clientKeyHash ?? null;
      const record = () =>
        recordWriteWithin<IssueStore, RecordedIssue>(
          deps.audit,
          {
            actor: RESIDENT,
            action: "community_issue.resident_create",
            entityType: "community_issue",
            entityId: null,
            orgUnitId: unitId,
            fields: [
              ...Object.keys(problem).map((key) => storedAs[key] ?? key),
              "follow_up_secret_hash",
            ],
          },
          // The issue, its history and its audit entry are one statement (no transaction needed).
          (work) => repo.inOneStatement(work),
          (store, auditEntry) =>
            deps.intake.record(
              store,
              {
                scope: EVERYWHERE,
                actorUserId: null,
                source: "public_channel",
                unitId,
                outreachSessionId: null,
                assigneeId: null,
                fieldPrefix: "",
                resident: { followUpSecretHash: hash, language, clientKeyHash },
                auditEntry,
              },
              rest,
            ),
        );
      try {
        const recorded = await record();
        return { reference: recorded.reference, followUpSecret: secret };
      } catch (error) {
        const raced =
          clientKeyHash !== null && isClientKeyTaken(error)
            ? await repo.referenceByClientKey(clientKeyHash)
            : undefined;
        if (raced === undefined) throw error;
        return { reference: raced, followUpSecret: secret };
      }
    },

    /** The id of the issue that `reference` and `secret` open, or null. */
    async open(reference: string, secret: string): Promise<number | null> {
      const code = normaliseReferenceCode(reference);
      const issue = code === null ? undefined : await repo.followUpHash(code);
      const isValid = isFollowUpSecretValid(secret, issue?.followUpSecretHash);
      return isValid && issue ? issue.id : null;
    },

    /**
     * The resident's answer after a resolution (a final status), and a reopening if asked: one
     * transaction, the issue row locked. Null when the reference and secret open nothing.
     */
    async confirm(
      reference: string,
      secret: string,
      answer: ResidentConfirmation,
      reopen: boolean,
    ): Promise<number | null> {
      if (reopen && answer === "fixed") {
        throw new AppError("community.invalid_value", {
          field: "reopen",
          value: true,
          reason: "not_allowed",
        });
      }
      const code = normaliseReferenceCode(reference);
      const done = await repo.transaction(async (store) => {
        const issue = code === null ? undefined : await store.lockByReference(code);
        if (!isFollowUpSecretValid(secret, issue?.followUpSecretHash) || !issue) return null;
        if (!isFinalStatus(issue.status)) {
          throw new AppError("public.confirmation_not_open", { status: issue.status });
        }
        const at = deps.now();
        await store.setResidentConfirmation(issue.id, answer, at);
        await store.appendEvent({
          issueId: issue.id,
          kind: "resident_confirmation",
          confirmation: answer,
          isInternal: false,
          actorKind: residentActor.kind,
          actorUserId: null,
          occurredAt: at,
        });
        if (reopen) await applyTransition(store, issue, { to: REOPEN_STATUS }, residentActor, at);
        return issue;
      });
      if (done === null) return null;
      await deps.audit.record({
        actor: RESIDENT,
        action: "community_issue.resident_confirm",
        entityType: "community_issue",
        entityId: String(done.id),
        orgUnitId: done.orgUnitId,
        fields: reopen ? ["resident_confirmation", "status"] : ["resident_confirmation"],
        outcome: "success",
      });
      return done.id;
    },
  };
}

export type ResidentDesk = ReturnType<typeof createResidentDesk>;
