import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { SESSION_COOKIE } from "../src/server/http/access";
import { TEST_PASSWORD } from "./factories";

/** Signs in through the API and returns the `Cookie` header value that carries the session. */
export async function signIn(
  app: FastifyInstance,
  username: string,
  password: string = TEST_PASSWORD,
): Promise<string> {
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password },
  });
  if (response.statusCode !== 200) {
    throw new Error(`sign-in of ${username} failed: ${response.statusCode} ${response.body}`);
  }
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error("sign-in set no session cookie");
  return `${cookie.name}=${cookie.value}`;
}

/** A request carrying the session cookie of a signed-in user. */
export function injectAs(
  app: FastifyInstance,
  cookie: string,
  options: InjectOptions & { url: string },
): Promise<LightMyRequestResponse> {
  return app.inject({ ...options, headers: { ...options.headers, cookie } });
}

export interface ErrorBody {
  error: { code: string; details: Record<string, unknown> };
}

export function errorOf(response: LightMyRequestResponse): ErrorBody["error"] {
  return response.json<ErrorBody>().error;
}
