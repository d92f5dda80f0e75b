import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import { dayNumber } from "../../../core/demo/calendar";
import { generateCommunityDemo } from "../../../core/demo/community";
import { buildDemoUnits } from "../../../core/demo/country";
import { ensureRootUnit } from "../../bootstrap";
import { createContactSealer } from "../../security/contact-sealer";
import { createSecretBox } from "../../security/secret-box";
import { createDemoService } from "./demo.service";

const OPTIONS = { seed: 5, scale: "small", endYear: 2024 } as const;
const KEY = Buffer.alloc(32, 9);

describe.each(testEngines())("demo community policing (%s)", (engine) => {
  let database: TestDatabase;
  const expected = generateCommunityDemo(buildDemoUnits(OPTIONS.scale, OPTIONS.seed), {
    seed: OPTIONS.seed,
    endDay: dayNumber(OPTIONS.endYear, 1, 1),
  });
  const count = async (query: string) =>
    Number((await sql<{ n: number }>`${sql.raw(query)}`.execute(database.db)).rows[0]?.n);

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await ensureRootUnit(database.db);
    await createDemoService(database).load({ ...OPTIONS, secretKey: KEY });
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it("loads every generated row with the rows it points at", async () => {
    expect(await count("SELECT count(*) AS n FROM outreach_sessions")).toBe(
      expected.sessions.length,
    );
    expect(await count("SELECT count(*) AS n FROM community_issues")).toBe(expected.issues.length);
    expect(await count("SELECT count(*) AS n FROM community_issue_events")).toBe(
      expected.issues.reduce((n, i) => n + i.events.length, 0),
    );
    expect(await count("SELECT count(*) AS n FROM referrals")).toBe(
      expected.issues.reduce((n, i) => n + i.referrals.length, 0),
    );
    expect(await count("SELECT count(*) AS n FROM feedback_responses")).toBe(
      expected.feedback.length,
    );
    expect(await count("SELECT count(*) AS n FROM feedback_answers")).toBe(
      expected.feedback.length * 3,
    );
    expect(await count("SELECT count(*) AS n FROM stakeholders")).toBe(
      expected.stakeholders.length,
    );
    // Every issue is in a demo unit, every event of a referral points at one of the issue's own.
    expect(
      await count(`SELECT count(*) AS n FROM community_issue_events e JOIN referrals r ON r.id = e.referral_id
                    WHERE r.issue_id <> e.issue_id`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM community_issues
                    WHERE closed_at IS NULL AND due_on < DATE '${OPTIONS.endYear}-01-01'`),
    ).toBeGreaterThan(0);
  });

  it("seals the residents' contact details with the key", async () => {
    const rows = await database.db
      .selectFrom("community_issues")
      .select(["reference", "contact_encrypted"])
      .where("contact_encrypted", "is not", null)
      .limit(20)
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    const sealer = createContactSealer(createSecretBox(KEY));
    const phones = new Map(expected.issues.map((i) => [i.reference, i.contact]));
    for (const row of rows) {
      const phone = phones.get(row.reference) ?? "";
      expect(row.contact_encrypted).not.toContain(phone.slice(-3));
      expect(sealer.open(row.reference, row.contact_encrypted ?? "")).toBe(phone);
    }
  });

  it("leaves new ids past the loaded ones", async () => {
    const next = await sql<{
      id: number;
    }>`INSERT INTO stakeholders (name, type) VALUES ('After the demo', 'ngo')
      RETURNING id`.execute(database.db);
    expect(Number(next.rows[0]?.id)).toBe(expected.stakeholders.length + 1);
  });
});
