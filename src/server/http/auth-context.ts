import type { SessionUser } from "../../core/schemas/auth";
import type { SessionState } from "../db/schema";

/** Who a request acts for: a signed-in person, or an integration's API token. */
export interface AuthContext {
  /**
   * The person. For an API token: the administrator who created it (accountable for it), with the
   * username `token:<name>` and the token's single role, so the audit trail names the token.
   */
  readonly user: SessionUser;
  /** Role assignments with the materialised path of their unit, for scoping. */
  readonly assignments: ReadonlyArray<{ role: string; orgUnitId: number; path: string }>;
  /** Present when the request carries `Authorization: Bearer tnd_…` instead of a session cookie. */
  readonly apiToken?: { readonly id: number; readonly name: string };
}

/** The session cookie's session, in any state (only `active` ones make `request.auth`). */
export interface ResolvedSession {
  readonly tokenHash: string;
  readonly state: SessionState;
  readonly csrfToken: string;
  readonly context: AuthContext;
}

/** Resolves credentials; the features behind it meet in app.ts. */
export interface Authenticator {
  resolveSession(token: string): Promise<ResolvedSession | undefined>;
  resolveApiToken(token: string): Promise<AuthContext | undefined>;
}
