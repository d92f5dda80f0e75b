import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryAuditRecorder } from "../../../../test/audit";
import {
  COMMUNITY_TEST_KEY,
  COMMUNITY_TODAY,
  createCommunityWorld,
  type CommunityWorld,
} from "../../../../test/community";
import { errorOf } from "../../../../test/http";
import { newAddress, residentOf, residentProblem } from "../../../../test/public-channel";
import { openSession } from "../../../../test/sessions";
import { testEngines } from "../../../../test/test-db";
import type { IssueDetail } from "../../../core/schemas/community-issues";
import type { PublicIssueReceipt, PublicIssueView } from "../../../core/schemas/public-channel";
import { buildApp } from "../../app";
import { SUBMIT_BODY_LIMIT_BYTES } from "./public-channel.routes";

const MARKUP = `<script>alert("x")</script><img src=x onerror="alert(1)">&amp; ' " \\`;

describe.each(testEngines())("public channel: abuse controls and bad input (%s)", (engine) => {
  let world: CommunityWorld;
  /** The same database behind small limits: 3 submissions per address, 5 for everyone. */
  let limited: FastifyInstance;

  const submitRaw = (payload: Buffer | string) =>
    world.app.inject({
      method: "POST",
      url: "/api/public/issues",
      headers: { "content-type": "application/json" },
      payload,
      remoteAddress: newAddress(),
    });

  beforeAll(async () => {
    world = await createCommunityWorld(engine);
    const hour = 1 / 3600;
    limited = await buildApp({
      database: world.database,
      audit: createMemoryAuditRecorder(),
      now: () => new Date(`${COMMUNITY_TODAY}T09:00:00Z`),
      secretKey: COMMUNITY_TEST_KEY,
      publicRateLimits: {
        submit: {
          perAddress: { capacity: 3, refillPerSecond: hour },
          overall: { capacity: 5, refillPerSecond: hour },
        },
        follow: {
          perAddress: { capacity: 4, refillPerSecond: hour },
          overall: { capacity: 100, refillPerSecond: hour },
        },
      },
    });
  });
  afterAll(async () => {
    await limited?.close();
    await world?.close();
  });

  it("stops a flood from one address with 429 while other addresses get through, within an overall cap", async () => {
    const before = await world.count("community_issues");
    const flood = residentOf(limited);
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await flood.submit(residentProblem));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 429, 429, 429]);
    expect(errorOf(answers[3])).toEqual({
      code: "public.rate_limited",
      details: { retryAfterSeconds: 3600 },
    });
    expect(answers[3].headers["retry-after"]).toBe("3600");
    expect(await world.count("community_issues")).toBe(before + 3);
    expect((await residentOf(limited).submit(residentProblem)).statusCode).toBe(201);
    expect((await residentOf(limited).submit(residentProblem)).statusCode).toBe(201);
    // Everyone together has had the 5 of the overall bucket.
    expect((await residentOf(limited).submit(residentProblem)).statusCode).toBe(429);

    const guesser = residentOf(limited);
    const guesses = [];
    for (let i = 0; i < 5; i++) guesses.push(await guesser.follow("ABCDEFGHJK", `guess-${i}`));
    expect(guesses.map((g) => g.statusCode)).toEqual([404, 404, 404, 404, 429]);
    expect((await residentOf(limited).follow("ABCDEFGHJK", "guess")).statusCode).toBe(404);
  });

  it("refuses a filled honeypot with 400, writing nothing", async () => {
    const before = await world.count("community_issues");
    const response = await residentOf(world.app).submit({
      ...residentProblem,
      website: "http://cheap-pills.example",
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response)).toEqual({
      code: "public.submission_refused",
      details: { field: "website" },
    });
    expect(await world.count("community_issues")).toBe(before);
    expect(
      (await residentOf(world.app).submit({ ...residentProblem, website: "" })).statusCode,
    ).toBe(201);
  });

  it("refuses text over its limit naming the field, and a body over the route's limit", async () => {
    const before = await world.count("community_issues");
    for (const [field, max] of [
      ["description", 4000],
      ["place", 200],
      ["contact", 500],
    ] as const) {
      const response = await residentOf(world.app).submit({
        ...residentProblem,
        [field]: "ស".repeat(max + 1),
      });
      expect(response.statusCode, field).toBe(400);
      expect(errorOf(response)).toEqual({
        code: "community.text_too_long",
        details: { field, maxLength: max, length: max + 1 },
      });
    }
    const huge = await residentOf(world.app).submit({
      ...residentProblem,
      description: "x".repeat(SUBMIT_BODY_LIMIT_BYTES),
    });
    expect(huge.statusCode).toBe(413);
    expect(errorOf(huge)).toEqual({
      code: "public.body_too_large",
      details: { maxBytes: SUBMIT_BODY_LIMIT_BYTES },
    });
    expect(await world.count("community_issues")).toBe(before);
    // The longest description, in Khmer and emoji written as JSON escapes, fits the body limit.
    const longest = JSON.stringify({ ...residentProblem, description: "😀".repeat(4000) }).replace(
      /[\u{1F600}]/gu,
      "\\ud83d\\ude00",
    );
    expect((await submitRaw(longest)).statusCode).toBe(201);
  });

  it("refuses invalid UTF-8 bytes, and NUL or broken characters sent as JSON escapes", async () => {
    const before = await world.count("community_issues");
    const body = (bytes: number[]) =>
      Buffer.concat([
        Buffer.from(`{"category":"other","isAnonymous":true,"language":"km","description":"ok `),
        Buffer.from(bytes),
        Buffer.from(`"}`),
      ]);
    // A broken sequence, an overlong "/", an encoded surrogate, a lone continuation byte.
    for (const bytes of [[0xc3, 0x28], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0x80]]) {
      const response = await submitRaw(body(bytes));
      expect(response.statusCode, String(bytes)).toBe(400);
      expect(errorOf(response)).toEqual({ code: "public.encoding_invalid", details: {} });
    }
    for (const escaped of ["\\u0000", "\\ud800", "\\udc00x"]) {
      const response = await submitRaw(
        `{"category":"other","isAnonymous":true,"language":"km","description":"fine","place":"a${escaped}"}`,
      );
      expect(errorOf(response), escaped).toEqual({
        code: "public.text_invalid",
        details: { field: "place" },
      });
    }
    expect(await world.count("community_issues")).toBe(before);
    const khmer = await submitRaw(body([...Buffer.from("ភូមិថ្មី 😀")]));
    expect(khmer.statusCode, khmer.body).toBe(201);
    const { reference, followUpSecret } = khmer.json<PublicIssueReceipt>();
    const view = await residentOf(world.app).follow(reference, followUpSecret);
    expect(view.json<PublicIssueView>().description).toBe("ok ភូមិថ្មី 😀");
  });

  it("keeps markup verbatim in every text field and returns it as JSON data", async () => {
    const receipt = (
      await residentOf(world.app).submit({
        ...residentProblem,
        description: MARKUP,
        place: MARKUP,
        contact: MARKUP,
      })
    ).json<PublicIssueReceipt>();
    const row = await world.database.db
      .selectFrom("community_issues")
      .select(["id", "description", "place"])
      .where("reference", "=", receipt.reference)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ description: MARKUP, place: MARKUP });
    const note = await world.call("co.p1", "POST", `/api/community-issues/${row.id}/notes`, {
      text: MARKUP,
      isInternal: false,
    });
    expect(note.statusCode, note.body).toBe(201);
    const contact = await world.call("co.p1", "GET", `/api/community-issues/${row.id}/contact`);
    expect(contact.json<{ contact: string }>().contact).toBe(MARKUP);
    const staff = await world.call("co.p1", "GET", `/api/community-issues/${row.id}`);
    expect(staff.json<IssueDetail>().description).toBe(MARKUP);

    const response = await residentOf(world.app).follow(receipt.reference, receipt.followUpSecret);
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["content-security-policy"]).toContain("script-src 'self'");
    const view = response.json<PublicIssueView>();
    expect([view.description, view.place, view.updates.at(-1)?.note]).toEqual([
      MARKUP,
      MARKUP,
      MARKUP,
    ]);
  });

  it("needs no session nor CSRF token, while staff routes stay protected", async () => {
    const { cookie } = await openSession(world.database.db, world.userIds.get("co.p1") ?? 0);
    const withCookie = await world.app.inject({
      method: "POST",
      url: "/api/public/issues",
      headers: { cookie },
      payload: residentProblem,
      remoteAddress: newAddress(),
    });
    expect(withCookie.statusCode, withCookie.body).toBe(201);
    const created = await world.database.db
      .selectFrom("community_issues")
      .select("created_by")
      .where("reference", "=", withCookie.json<PublicIssueReceipt>().reference)
      .executeTakeFirstOrThrow();
    expect(created.created_by).toBeNull();
    const staffWrite = await world.app.inject({
      method: "POST",
      url: "/api/community-issues",
      headers: { cookie },
      payload: { source: "walk_in", unitId: world.tree.id("P1"), categoryId: 1, description: "x" },
    });
    expect(errorOf(staffWrite).code).toBe("auth.csrf");
    const anonymousRead = await world.app.inject({ method: "GET", url: "/api/community-issues" });
    expect(errorOf(anonymousRead).code).toBe("auth.required");

    const routes = world.app.registeredRoutes.filter((r) => r.url.startsWith("/api/public/"));
    expect(routes.map((r) => `${r.method} ${r.url} ${r.access} ${r.personLevel}`).sort()).toEqual([
      "GET /api/public/categories public false",
      "GET /api/public/issues/:reference public false",
      "GET /api/public/issues/:reference/feedback public false",
      "GET /api/public/transparency public false",
      "GET /api/public/units public false",
      "POST /api/public/issues public false",
      "POST /api/public/issues/:reference/confirmation public false",
      "POST /api/public/issues/:reference/feedback public false",
    ]);
    const staffRoutes = world.app.registeredRoutes.filter((r) =>
      r.url.startsWith("/api/community-issues"),
    );
    expect(staffRoutes.length).toBeGreaterThan(0);
    expect(staffRoutes.filter((r) => r.access === "public")).toEqual([]);
    const openapi = (await world.app.inject({ method: "GET", url: "/api/openapi.json" })).json<{
      paths: Record<string, Record<string, { security: unknown[] }>>;
    }>();
    expect(openapi.paths["/api/public/issues"]?.post?.security).toEqual([]);
  });
});
