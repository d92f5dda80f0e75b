import type { z } from "zod";
import { errorResponse } from "../../core/schemas/common";
import { createSseParser, type ServerSentEvent } from "./sse";

export type ErrorDetails = Record<string, unknown>;

/** A failed API call: the server's error code and details, or a web-side code (network, bad response). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetails;
  /** The whole error body, for answers that carry more than the error (an import's report). */
  readonly body: unknown;

  constructor(status: number, code: string, details: ErrorDetails = {}, body: unknown = null) {
    super(code);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
    this.body = body;
  }
}

/** Codes raised by the web client itself; their text is under `web.errors.*`. */
export const clientErrorCodes = {
  network: "client.network",
  badResponse: "client.bad_response",
} as const;

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

let csrfToken: string | null = null;

/** The session's CSRF token (from sign-in or `/api/auth/me`), sent as `X-CSRF-Token` on writes. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

interface RequestOptions<T extends z.ZodType> {
  readonly body?: unknown;
  /** Validates a JSON response; omit for responses without a body (204). */
  readonly schema?: T;
  readonly signal?: AbortSignal;
}

async function readError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const parsed = errorResponse.safeParse(body);
  return parsed.success
    ? new ApiError(response.status, parsed.data.error.code, parsed.data.error.details, body)
    : new ApiError(response.status, response.status >= 500 ? "internal" : "request.invalid");
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === "AbortError";

/** fetch with the session cookie: a network failure becomes ApiError, a refusal its ApiError. */
async function send(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, credentials: "same-origin" });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(0, clientErrorCodes.network);
  }
  if (!response.ok) throw await readError(response);
  return response;
}

/** Calls the API with the session cookie; resolves to the validated body or rejects with ApiError. */
export async function apiRequest<T extends z.ZodType = z.ZodNever>(
  method: Method,
  path: string,
  options: RequestOptions<T> = {},
): Promise<z.infer<T>> {
  const response = await send(path, {
    method,
    headers: {
      Accept: "application/json",
      ...(options.body === undefined || options.body instanceof FormData
        ? {}
        : {
            "Content-Type": options.body instanceof Blob ? options.body.type : "application/json",
          }),
      ...(method !== "GET" && csrfToken ? { "X-CSRF-Token": csrfToken } : {}),
    },
    ...(options.body === undefined
      ? {}
      : {
          body:
            options.body instanceof Blob || options.body instanceof FormData
              ? options.body
              : JSON.stringify(options.body),
        }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (!options.schema) return undefined as z.infer<T>;
  const parsed = options.schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new ApiError(response.status, clientErrorCodes.badResponse);
  return parsed.data;
}

/**
 * Posts a form (multipart, its boundary chosen by the browser) and reads the answer as server-sent
 * events as they arrive, calling `onEvent` for each. Resolves when the stream ends; rejects with
 * ApiError when the server refuses the request, and with the AbortError when `signal` aborts.
 */
export async function apiEventStream(
  path: string,
  body: FormData,
  onEvent: (event: ServerSentEvent) => void,
  signal?: AbortSignal,
): Promise<void> {
  const response = await send(path, {
    method: "POST",
    headers: {
      Accept: "text/event-stream",
      ...(csrfToken ? { "X-CSRF-Token": csrfToken } : {}),
    },
    body,
    ...(signal ? { signal } : {}),
  });
  const isEventStream = response.headers.get("Content-Type")?.startsWith("text/event-stream");
  if (!isEventStream || !response.body) {
    throw new ApiError(response.status, clientErrorCodes.badResponse);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = createSseParser();
  for (;;) {
    let chunk: ReadableStreamReadResult<string>;
    try {
      chunk = await reader.read();
    } catch (error) {
      if (isAbort(error)) throw error;
      throw new ApiError(0, clientErrorCodes.network);
    }
    if (chunk.done) return;
    try {
      for (const event of parser.push(chunk.value)) onEvent(event);
    } catch (error) {
      await reader.cancel().catch(() => undefined);
      throw error;
    }
  }
}
