import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Kysely } from "kysely";
import { expect } from "vitest";
import {
  FOLLOW_UP_SECRET_HEADER,
  type PublicIssueReceipt,
} from "../src/core/schemas/public-channel";
import type { DB } from "../src/server/db/schema";

/** A valid submission of the public channel; tests override what they exercise. */
export const residentProblem = {
  category: "domestic_violence",
  description: "My neighbour beats his wife every night",
  place: "Phum Thmei, Sangkat 3",
  unit: "P1",
  isAnonymous: false,
  contact: "+855 12 345 678",
  womanOfficerRequested: true,
  language: "km",
} as const;

let lastAddress = 0;

/** A fresh client address (TEST-NET-2), so that one test's requests never drain another's bucket. */
export function newAddress(): string {
  lastAddress++;
  return `198.51.${Math.floor(lastAddress / 250)}.${(lastAddress % 250) + 1}`;
}

/** A resident's requests to the public channel, without any session, from `address`. */
export function residentOf(app: FastifyInstance, address: string = newAddress()) {
  const secretHeader = (secret: string | undefined) =>
    secret === undefined ? {} : { [FOLLOW_UP_SECRET_HEADER]: secret };
  return {
    address,
    submit(body: object): Promise<LightMyRequestResponse> {
      return app.inject({
        method: "POST",
        url: "/api/public/issues",
        payload: body,
        remoteAddress: address,
      });
    },
    follow(reference: string, secret?: string): Promise<LightMyRequestResponse> {
      return app.inject({
        method: "GET",
        url: `/api/public/issues/${encodeURIComponent(reference)}`,
        headers: secretHeader(secret),
        remoteAddress: address,
      });
    },
    confirm(
      reference: string,
      secret: string | undefined,
      body: object,
    ): Promise<LightMyRequestResponse> {
      return app.inject({
        method: "POST",
        url: `/api/public/issues/${encodeURIComponent(reference)}/confirmation`,
        headers: secretHeader(secret),
        payload: body,
        remoteAddress: address,
      });
    },
  };
}

/** Submits as a new resident and returns the receipt, failing the test on anything but 201. */
export async function submitted(
  app: FastifyInstance,
  body: object = residentProblem,
): Promise<PublicIssueReceipt> {
  const response = await residentOf(app).submit(body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<PublicIssueReceipt>();
}

/** The stored row of an issue, every column. */
export function issueByReference(db: Kysely<DB>, reference: string) {
  return db
    .selectFrom("community_issues")
    .selectAll()
    .where("reference", "=", reference)
    .executeTakeFirstOrThrow();
}
