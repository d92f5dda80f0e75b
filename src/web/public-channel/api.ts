import type { PublicFeedbackInput, PublicFeedbackView } from "../../core/schemas/feedback";
import type {
  PublicCategories,
  PublicConfirmationInput,
  PublicIssueReceipt,
  PublicIssueView,
  PublicUnits,
} from "../../core/schemas/public-channel";
import { DEFAULT_RETRY_SECONDS, type SendOutcome } from "./flush";
import type { ApiFailure, Submission } from "./outbox";

/** core/schemas/public-channel.ts `FOLLOW_UP_SECRET_HEADER` (not imported: it would bring Zod). */
const FOLLOW_UP_SECRET_HEADER = "X-Follow-Up-Secret";

/** A failed call: the API's error (code, details) with the HTTP status; status 0 = no connection. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly failure: ApiFailure,
  ) {
    super(failure.code);
  }
}

export const NETWORK_FAILURE: ApiFailure = { code: "network", details: {} };

async function failureOf(response: Response): Promise<ApiFailure> {
  try {
    const body = (await response.json()) as { error?: Partial<ApiFailure> };
    if (typeof body.error?.code === "string") {
      return { code: body.error.code, details: body.error.details ?? {} };
    }
  } catch {
    // Not our JSON (a proxy's error page): answered by the status below.
  }
  return { code: "unexpected", details: { status: response.status } };
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { Accept: "application/json", ...init.headers },
      credentials: "omit",
    });
  } catch {
    throw new ApiError(0, NETWORK_FAILURE);
  }
  if (!response.ok) throw new ApiError(response.status, await failureOf(response));
  return (await response.json()) as T;
}

const jsonBody = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(body),
});

const followUp = (reference: string, suffix = "") =>
  `/api/public/issues/${encodeURIComponent(reference)}${suffix}`;

const secretHeader = (secret: string) => ({ [FOLLOW_UP_SECRET_HEADER]: secret });

export const publicApi = {
  categories: () => call<PublicCategories>("/api/public/categories"),
  units: () => call<PublicUnits>("/api/public/units"),
  follow: (reference: string, secret: string) =>
    call<PublicIssueView>(followUp(reference), { headers: secretHeader(secret) }),
  confirm: (reference: string, secret: string, body: PublicConfirmationInput) => {
    const init = jsonBody(body);
    return call<PublicIssueView>(followUp(reference, "/confirmation"), {
      ...init,
      headers: { ...init.headers, ...secretHeader(secret) },
    });
  },
  feedback: (reference: string, secret: string) =>
    call<PublicFeedbackView>(followUp(reference, "/feedback"), { headers: secretHeader(secret) }),
  answerFeedback: (reference: string, secret: string, body: PublicFeedbackInput) => {
    const init = jsonBody(body);
    return call<unknown>(followUp(reference, "/feedback"), {
      ...init,
      headers: { ...init.headers, ...secretHeader(secret) },
    });
  },
};

/** Statuses after which the same submission may succeed later: busy, rate-limited, a gateway. */
const isTransient = (status: number) => status === 429 || status === 408 || status >= 500;

/**
 * One attempt to send a submission (the outbox's sender). The server answers a repeated
 * `clientId` with the same receipt, so sending again after a lost answer records nothing twice.
 */
export async function sendSubmission(submission: Submission): Promise<SendOutcome> {
  try {
    return {
      kind: "sent",
      receipt: await call<PublicIssueReceipt>("/api/public/issues", jsonBody(submission)),
    };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status === 0) return { kind: "offline" };
    if (!isTransient(error.status)) return { kind: "refused", failure: error.failure };
    const asked = Number(error.failure.details.retryAfterSeconds);
    return { kind: "later", afterSeconds: asked > 0 ? asked : DEFAULT_RETRY_SECONDS };
  }
}
