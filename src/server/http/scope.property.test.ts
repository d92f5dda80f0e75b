import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryAuditRecorder } from "../../../test/audit";
import { seedIssuePerUnit } from "../../../test/community-indicators";
import { worldSpec, writeWorld, type World } from "../../../test/scope-world";
import { injectWith } from "../../../test/sessions";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../test/test-db";
import { isRole, permissions, type Action } from "../../core/access/permissions";
import { buildApp } from "../app";
import type { RegisteredRoute } from "./route-registry";

const TODAY = "2024-06-15";
/**
 * Indicators the `/api/indicators/:indicator` routes are called with: a stock, a flow, a target, and
 * community indicators (a count, a proportion with parts, a median, a stock proportion).
 */
const INDICATORS = [
  "headcount",
  "hire_rate",
  "target_gap",
  "issues_raised",
  "on_the_spot_rate",
  "median_days_to_resolution",
  "overdue_share",
] as const;
/** Keys that only person-level data carries; a partner-viewer must never receive them. */
const PERSON_LEVEL_KEYS = ["serviceNumber", "personId", "birthYear", "username", "displayName"];
/** Keys under which a response names an org unit a record belongs to (docs/ARCHITECTURE.md). */
const UNIT_ID_KEYS = new Set(["orgUnitId", "unitId"]);
const UNIT_OBJECT_KEYS = new Set(["unit", "units", "orgUnit"]);

/** Every org-unit id a response refers to as a record's unit (parentId is a pointer, not a record). */
function unitRefs(value: unknown, key = ""): number[] {
  if (Array.isArray(value)) return value.flatMap((v) => unitRefs(v, key));
  if (value === null || typeof value !== "object") {
    return UNIT_ID_KEYS.has(key) && typeof value === "number" ? [value] : [];
  }
  const record = value as Record<string, unknown>;
  const own = UNIT_OBJECT_KEYS.has(key) && typeof record.id === "number" ? [record.id] : [];
  return [...own, ...Object.entries(record).flatMap(([k, v]) => unitRefs(v, k))];
}

function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
}

/** Unit indexes a user may see through a route: the subtrees of the grants that hold its action. */
function allowedUnits(world: World, userIndex: number, route: RegisteredRoute): Set<number> {
  const grants = world.users[userIndex]?.assignments ?? [];
  const roots = grants
    .filter((g) => {
      if (route.access === "authenticated") return true;
      return isRole(g.role) && permissions[g.role].includes(route.access as Action);
    })
    .map((g) => world.paths[g.unit] ?? "-");
  return new Set(
    world.paths.flatMap((path, i) => (roots.some((root) => path.startsWith(root)) ? [i] : [])),
  );
}

function isPermitted(world: World, userIndex: number, route: RegisteredRoute): boolean {
  if (route.access === "authenticated") return true;
  return (world.users[userIndex]?.assignments ?? []).some(
    (g) => isRole(g.role) && permissions[g.role].includes(route.access as Action),
  );
}

/** The URLs to call for a route: path parameters and unit/date query keys filled from the world. */
function urlsFor(route: RegisteredRoute, world: World, sample: readonly number[]): string[] {
  const unitIds = sample.map((i) => world.unitIds[i % world.unitIds.length] ?? 1);
  const named = route.url.replace(
    ":indicator",
    INDICATORS[(sample[0] ?? 0) % INDICATORS.length] ?? "headcount",
  );
  const paths = named.includes(":")
    ? unitIds.map((id) => named.replace(/:[A-Za-z]+/g, String(id)))
    : [named];
  const queries: string[] = [""];
  if (route.queryKeys.includes("unit")) queries.push(...unitIds.map((id) => `unit=${id}`));
  if (route.queryKeys.includes("at")) queries.push("at=2010-06-30", `at=${TODAY}`);
  if (route.queryKeys.includes("includeClosed")) queries.push("includeClosed=true");
  return paths.flatMap((p) => queries.map((q) => (q ? `${p}?${q}` : p)));
}

describe.each(testEngines())("scope of every read route, for random worlds (%s)", (engine) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let readRoutes: RegisteredRoute[];
  const visited = new Set<string>();

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await buildApp({
      database,
      audit: createMemoryAuditRecorder(),
      now: () => new Date(`${TODAY}T12:00:00Z`),
    });
    readRoutes = app.registeredRoutes.filter((r) => r.method === "GET" && r.access !== "public");
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("enumerates the registered read routes, later issues' included", () => {
    const urls = readRoutes.map((r) => r.url);
    expect(urls).toEqual(
      expect.arrayContaining([
        "/api/org-units",
        "/api/org-units/:id/history",
        "/api/workforce/headline",
        "/api/users",
        "/api/auth/me",
      ]),
    );
  });

  it("never returns a record outside the caller's subtree, nor person-level data to a partner-viewer", async () => {
    await fc.assert(
      fc.asyncProperty(
        worldSpec,
        fc.array(fc.nat(), { minLength: 2, maxLength: 3 }),
        async (spec, sample) => {
          const world = await writeWorld(database.db, spec);
          await seedIssuePerUnit(database.db, world.unitIds);
          for (const route of readRoutes) {
            for (const url of urlsFor(route, world, sample)) {
              for (const [userIndex, user] of world.users.entries()) {
                const response = await injectWith(app, user.session, { method: "GET", url });
                const where = `${user.assignments.map((a) => `${a.role}@${a.unit}`).join("+")} GET ${url}`;
                const isPartner = user.assignments.every((a) => a.role === "partner-viewer");
                if (!isPermitted(world, userIndex, route) || (route.personLevel && isPartner)) {
                  expect(response.statusCode, where).toBe(403);
                  continue;
                }
                expect([200, 404], where).toContain(response.statusCode);
                if (response.statusCode !== 200) continue;
                visited.add(route.url);
                const allowed = allowedUnits(world, userIndex, route);
                const outside = world.unitIds.flatMap((id, i) => (allowed.has(i) ? [] : [id]));
                const isJson = String(response.headers["content-type"]).startsWith(
                  "application/json",
                );
                const body: unknown = isJson ? response.json() : response.body;
                for (const id of unitRefs(body))
                  expect(outside, `${where}: unit ${id}`).not.toContain(id);
                for (const [i, code] of world.codes.entries()) {
                  if (!allowed.has(i))
                    expect(response.body, `${where}: ${code}`).not.toContain(code);
                }
                for (const person of world.serviceNumbers) {
                  if (isPartner || !allowed.has(person.unit)) {
                    expect(response.body, where).not.toContain(person.serviceNumber);
                  }
                }
                if (isPartner && route.access !== "authenticated") {
                  expect(
                    keysOf(body).filter((k) => PERSON_LEVEL_KEYS.includes(k)),
                    where,
                  ).toEqual([]);
                }
                if (route.url === "/api/workforce/headline") {
                  const headline = body as {
                    unit: { id: number };
                    total: { counts: { N: number | null }; countMarks?: { N: unknown } };
                    byRankGroup: Array<{ share: { counts: Record<string, number | null> } }>;
                  };
                  const root = world.unitIds.indexOf(headline.unit.id);
                  const inSubtree = world.serviceNumbers.filter((p) =>
                    (world.paths[p.unit] ?? "").startsWith(world.paths[root] ?? "-"),
                  );
                  expect(allowed.has(root), where).toBe(true);
                  // A partner-viewer's headline is disclosure-controlled: a total may be hidden.
                  if (headline.total.counts.N === null) {
                    expect(isPartner, where).toBe(true);
                    expect(headline.total.countMarks?.N, where).toBeTruthy();
                  } else {
                    expect(headline.total.counts.N, where).toBe(inSubtree.length);
                  }
                  if (isPartner) {
                    const shares = [...headline.byRankGroup.map((g) => g.share), headline.total];
                    const small = shares
                      .flatMap((share) => Object.values(share.counts))
                      .filter((count) => count !== null && count > 0 && count < 5);
                    expect(small, `${where}: counts from 1 to k − 1`).toEqual([]);
                  }
                }
              }
            }
          }
        },
      ),
      { numRuns: 25, seed: 20_240_615 },
    );
    expect([...visited].sort()).toEqual(
      expect.arrayContaining(["/api/org-units", "/api/users", "/api/workforce/headline"]),
    );
  }, 240_000);
});
