import { sql } from "kysely";
import { expect, it } from "vitest";
import { describeJourney, screenshot, signInAs } from "./support";

describeJourney(
  "browser journey: a provincial officer sees only their province",
  // Another province's unit, asked for by address, answers 404 by design.
  { demo: "small", expectedStatuses: [401, 404] },
  (journey) => {
    it("signs in as the province's HR officer and sees that province's tree and numbers only", async () => {
      const { page, server } = journey;
      const officer = server.started.demoUsers.find((u) => u.username === "demo.hr-officer");
      expect(officer).toMatchObject({ role: "hr-officer", unitCode: "P01" });
      const db = server.started.database.db;
      const province = await db
        .selectFrom("org_units")
        .select(["id", "name", "path"])
        .where("code", "=", "P01")
        .executeTakeFirstOrThrow();
      const subtree = await db
        .selectFrom("org_units")
        .select(["id", "code"])
        .where("path", "like", `${province.path}%`)
        .execute();
      const today = new Date().toISOString().slice(0, 10);
      const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM career_spells s JOIN org_units u ON u.id = s.org_unit_id
      WHERE u.path LIKE ${province.path + "%"} AND s.valid_from <= ${today}::date
        AND (s.valid_to IS NULL OR s.valid_to > ${today}::date)`.execute(db);
      const expectedHeadcount = rows[0]?.n ?? -1;
      expect(expectedHeadcount).toBeGreaterThan(0);

      await signInAs(page, server.url, {
        username: officer?.username ?? "",
        password: officer?.password ?? "",
      });

      const headcount = page.getByTestId("headcount");
      await headcount.waitFor({ state: "visible" });
      expect(Number((await headcount.innerText()).replace(/\D/g, ""))).toBe(expectedHeadcount);
      await expect.poll(() => page.getByText(`${province.name}, as of`).isVisible()).toBe(true);

      // The tree picker offers the province and its units, nothing from elsewhere.
      await page.getByRole("textbox", { name: "Org unit" }).first().click();
      const options = page.getByRole("option");
      await expect.poll(() => options.count()).toBeGreaterThan(1);
      const labels = await options.allInnerTexts();
      for (const label of labels) expect(label).toMatch(/\(P01(-|\))/);
      expect(labels.join(" ")).not.toMatch(/\((HQ|NU-|P0[2-9])/);
      await screenshot(page, "provincial-officer");
      await page.keyboard.press("Escape");

      const api = await page.request.get(`${server.url}/api/org-units`);
      const codes = ((await api.json()) as { units: Array<{ code: string }> }).units.map(
        (u) => u.code,
      );
      expect(codes.sort()).toEqual(subtree.map((u) => u.code).sort());

      // Another province's numbers are not there to be had, even by editing the address.
      const other = await db
        .selectFrom("org_units")
        .select("id")
        .where("code", "=", "P02")
        .executeTakeFirstOrThrow();
      await page.goto(`${server.url}/?unit=${other.id}`);
      await expect
        .poll(() => page.getByRole("alert").first().innerText())
        .toContain("outside your access");
      expect(await page.getByTestId("headcount").count()).toBe(0);
      expect(journey.browser.problems).toEqual([]);
    }, 180_000);
  },
);
