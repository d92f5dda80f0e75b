import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testEngines, type TestDatabase } from "../../test/test-db";
import { buildApp } from "./app";

/** The residents' page is its own entry of the web app, served beside the staff app. */
describe.each(testEngines())("the residents' page and the staff app (%s)", (engine) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let webDir: string;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-web-"));
    fs.writeFileSync(path.join(webDir, "index.html"), "<!doctype html><title>staff app</title>");
    fs.writeFileSync(path.join(webDir, "resident.html"), "<!doctype html><title>residents</title>");
    fs.writeFileSync(
      path.join(webDir, "resident-sw.js"),
      "self.addEventListener('fetch', () => {});",
    );
    app = await buildApp({ database, webDir });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it("serves the residents' page at /report and at every follow-up link, under the same CSP", async () => {
    for (const url of ["/report", "/follow-up/ABCD2345JK"]) {
      const response = await app.inject({ method: "GET", url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain("<title>residents</title>");
      expect(response.headers["content-security-policy"]).toContain("script-src 'self'");
    }
    const worker = await app.inject({ method: "GET", url: "/resident-sw.js" });
    expect(worker.statusCode).toBe(200);
    expect(worker.headers["content-type"]).toMatch(/javascript/);
  });

  it("keeps the staff app's routes and the API's 404", async () => {
    for (const url of ["/", "/people", "/community-issues/12", "/reports"]) {
      const response = await app.inject({ method: "GET", url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain("<title>staff app</title>");
    }
    const api = await app.inject({ method: "GET", url: "/api/no-such-route" });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: "request.not_found" } });
  });
});
