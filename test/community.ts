import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { sql, type Kysely } from "kysely";
import { expect } from "vitest";
import type { IssueDetail } from "../src/core/schemas/community-issues";
import type { Engine } from "../src/server/db/client";
import type { DB } from "../src/server/db/schema";
import { buildApp } from "../src/server/app";
import { createMemoryAuditRecorder } from "./audit";
import { seedOrgTree, seedUser, type SeededTree } from "./factories";
import { injectWith, openSession, type TestSession } from "./sessions";
import { createTestDatabase, type TestDatabase } from "./test-db";

/** The app's clock in community tests: today is 2024-06-15. */
export const COMMUNITY_TODAY = "2024-06-15";
/** A fixed key, so a test can reopen sealed values with another app on the same database. */
export const COMMUNITY_TEST_KEY = Buffer.alloc(32, 7);

/** Users of the community tests: username → role @ unit of the seeded tree (test/factories.ts). */
export const communityUsers = {
  "co.p1": { role: "community-officer", unitCode: "P1" },
  "co.p1d1": { role: "community-officer", unitCode: "P1-D1" },
  "co.p2": { role: "community-officer", unitCode: "P2" },
  "co.hq": { role: "community-officer", unitCode: "HQ" },
  "um.p1": { role: "unit-manager", unitCode: "P1" },
  "admin.hq": { role: "admin", unitCode: "HQ" },
  "hr.p1": { role: "hr-officer", unitCode: "P1" },
  "partner.hq": { role: "partner-viewer", unitCode: "HQ" },
} as const;
export type CommunityUser = keyof typeof communityUsers;

export interface CommunityWorld {
  readonly database: TestDatabase;
  readonly app: FastifyInstance;
  readonly tree: SeededTree;
  readonly audit: ReturnType<typeof createMemoryAuditRecorder>;
  readonly userIds: ReadonlyMap<CommunityUser, number>;
  call(
    user: CommunityUser,
    method: "GET" | "POST" | "PATCH",
    url: string,
    payload?: object,
  ): Promise<LightMyRequestResponse>;
  /**
   * Records an issue as `user` through the API: a walk-in about domestic violence with a stock
   * description unless `body` says otherwise; fails the test unless it is created.
   */
  createIssue(user: CommunityUser, body: object): Promise<IssueDetail>;
  /** Asks for a status change of an issue, as `user` (`co.p1` unless named). */
  transition(
    id: number,
    to: string,
    reason?: string,
    user?: CommunityUser,
  ): Promise<LightMyRequestResponse>;
  /** Id of a seeded taxonomy entry by code. */
  categoryId(code: string): Promise<number>;
  topicId(code: string): Promise<number>;
  count(table: string): Promise<number>;
  close(): Promise<void>;
}

/** Id of a seeded taxonomy entry (an issue category or an outreach topic) by code. */
export async function taxonomyIdOf(
  db: Kysely<DB>,
  table: "issue_categories" | "outreach_topics",
  code: string,
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select("id")
    .where("code", "=", code)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A database with the seeded tree, one user per entry of `communityUsers`, and the app. */
export async function createCommunityWorld(engine: Engine): Promise<CommunityWorld> {
  const database = await createTestDatabase(engine);
  const tree = await seedOrgTree(database.db);
  const sessions = new Map<CommunityUser, TestSession>();
  const userIds = new Map<CommunityUser, number>();
  for (const [username, spec] of Object.entries(communityUsers) as Array<
    [CommunityUser, (typeof communityUsers)[CommunityUser]]
  >) {
    const id = await seedUser(database.db, tree, { username, ...spec });
    userIds.set(username, id);
    sessions.set(username, await openSession(database.db, id));
  }
  const audit = createMemoryAuditRecorder();
  const app = await buildApp({
    database,
    audit,
    now: () => new Date(`${COMMUNITY_TODAY}T09:00:00Z`),
    secretKey: COMMUNITY_TEST_KEY,
  });
  const idOf = (table: "issue_categories" | "outreach_topics", code: string) =>
    taxonomyIdOf(database.db, table, code);
  const call: CommunityWorld["call"] = (user, method, url, payload) => {
    const session = sessions.get(user);
    if (!session) throw new Error(`no session for ${user}`);
    return injectWith(app, session, { method, url, ...(payload ? { payload } : {}) });
  };
  return {
    database,
    app,
    tree,
    audit,
    userIds,
    call,
    async createIssue(user, body) {
      const response = await call(user, "POST", "/api/community-issues", {
        source: "walk_in",
        categoryId: await idOf("issue_categories", "domestic_violence"),
        description: "Neighbour dispute escalating",
        ...body,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<IssueDetail>();
    },
    transition: (id, to, reason, user = "co.p1") =>
      call(user, "POST", `/api/community-issues/${id}/transitions`, {
        to,
        ...(reason === undefined ? {} : { reason }),
      }),
    categoryId: (code) => idOf("issue_categories", code),
    topicId: (code) => idOf("outreach_topics", code),
    async count(table) {
      const result = await sql<{
        n: number;
      }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(database.db);
      return Number(result.rows[0]?.n);
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
