import type { AuditRecorder } from "../../audit/recorder";
import type { CommunityCaller } from "../../http/community-caller";
import type { CommunityIssuesRepository } from "./community-issues.repository";
import type { ContactSealer } from "../../security/contact-sealer";
import type { IssueIntake } from "./issue-intake";

/** Who calls: where they may read (`community.read`), where they may write, and who they are. */
export type IssueCaller = CommunityCaller;

export interface IssueServiceDeps {
  readonly repo: CommunityIssuesRepository;
  readonly intake: IssueIntake;
  readonly sealer: ContactSealer;
  readonly audit: AuditRecorder;
  readonly now: () => Date;
  readonly today: () => string;
}

/** The lifecycle actor of a signed-in caller. */
export const staffActor = (caller: IssueCaller) =>
  ({ kind: "staff", userId: caller.actor.userId }) as const;
