import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import type { SignInResult } from "../src/core/schemas/auth";
import { SESSION_COOKIE } from "../src/server/http/access";
import { CSRF_HEADER } from "../src/server/http/csrf";
import { totpCode } from "../src/server/security/totp";
import { TEST_PASSWORD } from "./factories";

/** The CSRF token of each session cookie handed out by `signIn`, sent by `injectAs` on writes. */
const csrfByCookie = new Map<string, string>();

interface Authenticator {
  readonly secret: string;
  lastStep: number;
  readonly recoveryCodes: string[];
}
/** What the "phone" of each user enrolled by these helpers holds, per app. */
const authenticators = new WeakMap<FastifyInstance, Map<string, Authenticator>>();

const STEP_MS = 30_000;

export interface SignedInSession {
  /** The `Cookie` header value that carries the session. */
  readonly cookie: string;
  readonly csrfToken: string;
  /** Set when this sign-in enrolled the user in two-factor sign-in. */
  readonly recoveryCodes?: readonly string[];
}

export interface SignInOptions {
  /** The app's clock, for the TOTP codes (default: the real clock). */
  readonly now?: () => Date;
}

function cookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error(`no session cookie in ${response.statusCode} ${response.body}`);
  return `${cookie.name}=${cookie.value}`;
}

async function post(app: FastifyInstance, url: string, cookie: string, csrf: string, body = {}) {
  const response = await app.inject({
    method: "POST",
    url,
    headers: { cookie, [CSRF_HEADER]: csrf },
    payload: body,
  });
  if (response.statusCode !== 200) {
    throw new Error(`${url} failed: ${response.statusCode} ${response.body}`);
  }
  return response;
}

/** A code the user's authenticator would show: a step not used yet (current ±1), else a recovery code. */
function nextCode(device: Authenticator, now: Date): string {
  const current = Math.floor(now.getTime() / STEP_MS);
  for (const step of [current - 1, current, current + 1]) {
    if (step <= device.lastStep) continue;
    device.lastStep = step;
    return totpCode(device.secret, step * STEP_MS);
  }
  const recovery = device.recoveryCodes.shift();
  if (!recovery) throw new Error("the test authenticator ran out of codes");
  return recovery;
}

/**
 * Signs in through the API as a person would: with the password, then the second factor when the
 * user has one, enrolling first when the role requires it (admin, case-officer).
 */
export async function signInSession(
  app: FastifyInstance,
  username: string,
  password: string = TEST_PASSWORD,
  options: SignInOptions = {},
): Promise<SignedInSession> {
  const now = options.now ?? (() => new Date());
  const login = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password },
  });
  if (login.statusCode !== 200) {
    throw new Error(`sign-in of ${username} failed: ${login.statusCode} ${login.body}`);
  }
  const result = login.json<SignInResult>();
  const devices = authenticators.get(app) ?? new Map<string, Authenticator>();
  authenticators.set(app, devices);
  let session: SignedInSession = { cookie: cookieOf(login), csrfToken: result.csrfToken };
  if (result.status === "enrolment_required") {
    const setup = await post(app, "/api/auth/2fa/setup", session.cookie, session.csrfToken);
    const { secret } = setup.json<{ secret: string }>();
    const step = Math.floor(now().getTime() / STEP_MS);
    const confirm = await post(app, "/api/auth/2fa/confirm", session.cookie, session.csrfToken, {
      code: totpCode(secret, now().getTime()),
    });
    const body = confirm.json<{ csrfToken: string; recoveryCodes: string[] }>();
    devices.set(username, { secret, lastStep: step, recoveryCodes: [...body.recoveryCodes] });
    session = {
      cookie: cookieOf(confirm),
      csrfToken: body.csrfToken,
      recoveryCodes: body.recoveryCodes,
    };
  } else if (result.status === "second_factor_required") {
    const device = devices.get(username);
    if (!device) throw new Error(`${username} has two-factor sign-in but no test authenticator`);
    const second = await post(
      app,
      "/api/auth/login/second-factor",
      session.cookie,
      result.csrfToken,
      {
        code: nextCode(device, now()),
      },
    );
    session = {
      cookie: cookieOf(second),
      csrfToken: second.json<{ csrfToken: string }>().csrfToken,
    };
  }
  csrfByCookie.set(session.cookie, session.csrfToken);
  return session;
}

/** Signs in (see `signInSession`) and returns the `Cookie` header value that carries the session. */
export async function signIn(
  app: FastifyInstance,
  username: string,
  password: string = TEST_PASSWORD,
  options: SignInOptions = {},
): Promise<string> {
  return (await signInSession(app, username, password, options)).cookie;
}

/** The TOTP secret the helpers enrolled for a user of this app (to compute codes in a test). */
export function authenticatorSecretOf(app: FastifyInstance, username: string): string | undefined {
  return authenticators.get(app)?.get(username)?.secret;
}

/** A request carrying the session cookie (and, on writes, its CSRF token) of a signed-in user. */
export function injectAs(
  app: FastifyInstance,
  cookie: string,
  options: InjectOptions & { url: string },
): Promise<LightMyRequestResponse> {
  const isWrite = !["GET", "HEAD", "OPTIONS"].includes(
    String(options.method ?? "GET").toUpperCase(),
  );
  const csrf = csrfByCookie.get(cookie);
  return app.inject({
    ...options,
    headers: {
      ...(isWrite && csrf !== undefined ? { [CSRF_HEADER]: csrf } : {}),
      ...options.headers,
      cookie,
    },
  });
}

export interface ErrorBody {
  error: { code: string; details: Record<string, unknown> };
}

export function errorOf(response: LightMyRequestResponse): ErrorBody["error"] {
  return response.json<ErrorBody>().error;
}
