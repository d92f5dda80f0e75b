import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { taxonomyIdOf } from "../../../../test/community";
import { seedOrgTree, type SeededTree } from "../../../../test/factories";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import { createAuditRecorder } from "../../audit/audit-recorder";
import type { AuditRecorder } from "../../audit/recorder";
import { verifyAuditChain } from "../../audit/verify";
import { createContactSealer } from "../../security/contact-sealer";
import { createSecretBox, SECRET_KEY_BYTES } from "../../security/secret-box";
import { createCommunityIssuesRepository } from "./community-issues.repository";
import { createIssueIntake } from "./issue-intake";
import { createResidentDesk } from "./resident-desk";

describe.each(testEngines())("resident desk with the audit chain (%s)", (engine) => {
  let database: TestDatabase;
  let tree: SeededTree;
  let categoryId: number;
  let desk: ReturnType<typeof createResidentDesk>;
  let audit: AuditRecorder;

  /** The chain once the entries the desk left in the inbox are linked (moments after a submission). */
  const auditRows = async () => {
    await audit.linkPending();
    return database.db
      .selectFrom("audit_log")
      .select(["action", "entity_id as entityId", "outcome", "ip", "user_agent as userAgent"])
      .orderBy("id")
      .execute();
  };
  const problem = (overrides: { categoryId?: number; unitId?: number } = {}) => ({
    categoryId,
    unitId: tree.id("P1"),
    description: "The street light by the school is out",
    place: null,
    isAnonymous: true,
    contact: null,
    womanOfficerRequested: false,
    language: "km" as const,
    ...overrides,
  });

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    tree = await seedOrgTree(database.db);
    categoryId = await taxonomyIdOf(database.db, "issue_categories", "road_safety");
    const now = () => new Date("2024-06-15T08:00:00Z");
    audit = createAuditRecorder(database.db, { now });
    desk = createResidentDesk({
      repo: createCommunityIssuesRepository(database.db),
      intake: createIssueIntake({
        sealer: createContactSealer(createSecretBox(randomBytes(SECRET_KEY_BYTES))),
        now,
        today: () => "2024-06-15",
      }),
      audit,
      now,
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  it("commits the issue, its history and its audit entry together, naming no one", async () => {
    const receipt = await desk.submit(problem());
    const issue = await database.db
      .selectFrom("community_issues")
      .select(["id", "org_unit_id as unitId"])
      .where("reference", "=", receipt.reference)
      .executeTakeFirstOrThrow();
    expect(issue.unitId).toBe(tree.id("P1"));
    const events = await database.db
      .selectFrom("community_issue_events")
      .select(["kind", "to_status as toStatus", "actor_kind as actorKind"])
      .where("issue_id", "=", issue.id)
      .execute();
    expect(events).toEqual([{ kind: "created", toStatus: "new", actorKind: "resident" }]);
    expect(await auditRows()).toEqual([
      {
        action: "community_issue.resident_create",
        entityId: String(issue.id),
        outcome: "success",
        ip: null,
        userAgent: null,
      },
    ]);
    expect(await verifyAuditChain(database.db)).toMatchObject({ count: 1, broken: null });
  });

  it("rolls a refused submission back and records the attempt on its own", async () => {
    const issues = await database.db
      .selectFrom("community_issues")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    await expect(desk.submit(problem({ unitId: tree.id("P3") }))).rejects.toMatchObject({
      code: "org_unit.not_found",
    });
    await expect(desk.submit(problem({ categoryId: 999_999 }))).rejects.toMatchObject({
      code: "community.invalid_value",
    });
    const after = await database.db
      .selectFrom("community_issues")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(issues.n));
    expect((await auditRows()).map((r) => [r.action, r.entityId, r.outcome])).toEqual([
      ["community_issue.resident_create", expect.any(String), "success"],
      ["community_issue.resident_create", null, "failure"],
      ["community_issue.resident_create", null, "failure"],
    ]);
    expect(await verifyAuditChain(database.db)).toMatchObject({ count: 3, broken: null });
  });

  it("keeps one chain under concurrent submissions, one entry per issue", async () => {
    const receipts = await Promise.all(Array.from({ length: 12 }, () => desk.submit(problem())));
    expect(new Set(receipts.map((r) => r.reference)).size).toBe(12);
    await audit.linkPending();
    const report = await verifyAuditChain(database.db);
    expect(report).toMatchObject({ count: 15, broken: null });
    const audited = await database.db
      .selectFrom("audit_log as a")
      .innerJoin("community_issues as i", (join) => join.on(sql<boolean>`a.entity_id = i.id::text`))
      .select("i.reference")
      .where("a.outcome", "=", "success")
      .execute();
    expect(audited).toHaveLength(13);
    expect(audited.map((r) => r.reference)).toEqual(
      expect.arrayContaining(receipts.map((r) => r.reference)),
    );
  });
});
