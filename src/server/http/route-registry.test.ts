import fastifyCookie from "@fastify/cookie";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createMemoryAuditRecorder } from "../../../test/audit";
import { createTestDatabase, type TestDatabase } from "../../../test/test-db";
import { actions, permissions, personLevelActions } from "../../core/access/permissions";
import { buildApp } from "../app";
import { registerAccessControl } from "./access";
import { registerRouteRegistry } from "./route-registry";

const build = () => {
  const app = Fastify();
  void app.register(fastifyCookie);
  registerAccessControl(app, {
    resolveSession: () => Promise.resolve(undefined),
    resolveApiToken: () => Promise.resolve(undefined),
  });
  registerRouteRegistry(app);
  return app;
};

describe("route registry", () => {
  it("refuses a route without config.access before it reaches the registry", () => {
    const app = build();
    expect(() => app.get("/api/records", () => [])).toThrow("declares no config.access");
    expect(app.registeredRoutes).toEqual([]);
  });

  it("refuses person-level data under an action a partner-viewer holds or anyone may reach", () => {
    const app = build();
    for (const access of ["workforce.headline.read", "authenticated", "public"] as const) {
      expect(() =>
        app.get(`/api/people-${access}`, { config: { access, personLevel: true } }, () => []),
      ).toThrow("returns person-level data");
    }
  });

  it("lists /api routes with their access, person-level flag and query keys", () => {
    const app = build();
    app.get(
      "/api/things",
      {
        config: { access: "users.read", personLevel: true },
        schema: { querystring: z.object({ unit: z.string(), at: z.string() }) },
      },
      () => [],
    );
    app.post("/api/things", { config: { access: "users.write" } }, () => ({}));
    app.get("/outside", () => "not listed");
    expect(app.registeredRoutes).toEqual([
      {
        method: "GET",
        url: "/api/things",
        access: "users.read",
        personLevel: true,
        queryKeys: ["unit", "at"],
      },
      {
        method: "POST",
        url: "/api/things",
        access: "users.write",
        personLevel: false,
        queryKeys: [],
      },
    ]);
  });
});

describe("the role → actions table covers every route", () => {
  let database: TestDatabase;
  let routes: ReadonlyArray<{ access: string; personLevel: boolean; url: string }>;

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    const app = await buildApp({ database, audit: createMemoryAuditRecorder() });
    routes = app.registeredRoutes;
    await app.close();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("declares only known actions, and every action is used by a route", () => {
    const used = new Set(routes.map((r) => r.access));
    for (const route of routes) {
      expect(["public", "authenticated", ...actions], route.url).toContain(route.access);
    }
    expect(actions.filter((a) => !used.has(a))).toEqual([]);
  });

  it("gives a partner-viewer no person-level action and no admin-only write", () => {
    expect(permissions["partner-viewer"].filter((a) => personLevelActions.includes(a))).toEqual([]);
    expect(permissions["partner-viewer"].filter((a) => a.endsWith(".write"))).toEqual([]);
    const personLevelRoutes = routes.filter((r) => r.personLevel).map((r) => r.url);
    expect(personLevelRoutes).toContain("/api/users");
  });

  it("lets only administrators administer units and users", () => {
    for (const action of ["org_units.write", "users.read", "users.write"] as const) {
      const holders = Object.entries(permissions)
        .filter(([, list]) => list.includes(action))
        .map(([role]) => role);
      expect(holders, action).toEqual(["admin"]);
    }
  });
});
