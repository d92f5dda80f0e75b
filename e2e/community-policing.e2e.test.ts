/**
 * Issue 7, "Done when", as one story in the demo country: a community officer records an outreach
 * session on a phone; a resident files a problem in Khmer on the public page, asks for a woman
 * officer and follows it by code; the officer refers it to a stakeholder and resolves it; the
 * resident confirms and answers the survey; the unit's indicators and the public transparency page
 * count it.
 */
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import type { IndicatorResult } from "../src/core/schemas/indicators";
import type { TransparencyReport } from "../src/core/schemas/transparency";
import km from "../src/locales/km.json";
import {
  addAccount,
  describeJourney,
  enrolTwoFactor,
  launchBrowser,
  pageWidth,
  screenshot,
  signInAs,
  type Credentials,
  type JourneyServer,
} from "./support";

const officer: Credentials = { username: "sokha.officer", password: "community-journey-pass-77" };
const DISTRICT = "P01-D01";
const PROVINCE = "P01";
const resident = km.web.publicChannel;

async function unitId(server: JourneyServer, code: string): Promise<number> {
  const unit = await server.started.database.db
    .selectFrom("org_units")
    .select("id")
    .where("code", "=", code)
    .executeTakeFirstOrThrow();
  return unit.id;
}

/** This month's [from, to) as the indicator API takes it. */
function thisMonth(): { month: string; from: string; to: string } {
  const now = new Date();
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { month: day(from).slice(0, 7), from: day(from), to: day(to) };
}

/** One community indicator of the district this month, read as the signed-in officer. */
async function indicator(page: Page, server: JourneyServer, id: string, unit: number) {
  const { from, to } = thisMonth();
  const response = await page.request.get(
    `${server.url}/api/indicators/${id}?unit=${unit}&from=${from}&to=${to}`,
  );
  expect(response.status()).toBe(200);
  return ((await response.json()) as IndicatorResult).total;
}

/** The province's name and count of issues raised on the transparency page's data, this month. */
async function publishedIssuesRaised(
  server: JourneyServer,
): Promise<{ name: string; count: number | null }> {
  const response = await fetch(`${server.url}/api/public/transparency?month=${thisMonth().month}`);
  expect(response.status).toBe(200);
  const report = (await response.json()) as TransparencyReport;
  const province = report.provinces.find((p) => p.code === PROVINCE);
  const figure = province?.figures.find((f) => f.indicator === "issues_raised");
  if (!figure) throw new Error(`no issues_raised figure for ${PROVINCE}`);
  return { name: province?.name ?? PROVINCE, count: figure.counts.N };
}

describeJourney(
  "browser journey: community policing from outreach to the transparency page",
  {
    demo: "small",
    seed: async (server) =>
      addAccount(server, {
        ...officer,
        role: "community-officer",
        orgUnitId: await unitId(server, DISTRICT),
      }),
  },
  (journey) => {
    it("records outreach, takes a resident's problem to resolution and counts it", async () => {
      const { page, server } = journey;
      const db = server.started.database.db;
      const district = await unitId(server, DISTRICT);

      // 1. The officer, on a phone, records the session and the problem raised in it.
      await page.setViewportSize({ width: 390, height: 844 });
      await signInAs(page, server.url, officer);
      await enrolTwoFactor(page);
      const before = {
        raised: await indicator(page, server, "issues_raised", district),
        requests: await indicator(page, server, "woman_officer_request_fulfilment", district),
        confirmed: await indicator(page, server, "resolution_rate_resident_confirmed", district),
        published: await publishedIssuesRaised(server),
      };
      await page.goto(`${server.url}/community/outreach/new`);
      await page.getByRole("heading", { name: "Record an outreach session" }).waitFor();
      await page.getByRole("textbox", { name: "Place" }).fill("Phum Thmei pagoda");
      await page.locator("label", { hasText: "Online scams" }).click();
      await page.getByRole("textbox", { name: "Women, Adults" }).fill("18");
      await page.getByRole("textbox", { name: "Men, Adults", exact: true }).fill("9");
      await page.getByRole("button", { name: "Add a problem raised" }).click();
      const problem = page.getByRole("region", { name: "Problem 1" });
      await problem.getByRole("combobox", { name: "Category" }).click();
      await page.getByRole("option", { name: "Road safety" }).click();
      await problem.getByRole("textbox", { name: "What was raised" }).fill("No street lights");
      await problem.getByRole("radio", { name: "No" }).check();
      expect(await pageWidth(page)).toBeLessThanOrEqual(390);
      await page.getByRole("button", { name: "Save session" }).click();
      await page.getByText("The session is recorded with 1 community issue.").waitFor();
      await screenshot(page, "community-policing-outreach-390");

      // 2. A resident, on a phone in Khmer, files a problem and asks for a woman officer.
      const phone = await launchBrowser({
        locale: "km-KH",
        viewport: { width: 360, height: 780 },
      });
      try {
        const residentPage = phone.page;
        await residentPage.goto(`${server.url}/report`);
        await residentPage.getByRole("heading", { name: resident.report.title }).waitFor();
        await residentPage.getByLabel(resident.report.category).selectOption("domestic_violence");
        const description = "ប្តីរបស់ខ្ញុំវាយខ្ញុំ សូមជួយ";
        await residentPage.getByLabel(resident.report.description).fill(description);
        await residentPage.getByLabel(resident.report.unit).selectOption(DISTRICT);
        await residentPage.getByRole("checkbox", { name: resident.report.womanOfficer }).check();
        await residentPage
          .getByRole("button", { name: resident.report.submit, exact: true })
          .click();
        await residentPage.getByTestId("reference").waitFor();
        const reference = (await residentPage.getByTestId("reference").innerText()).replace(
          /-/g,
          "",
        );
        const followUp = await residentPage.locator("#follow-up-link").inputValue();
        await residentPage.goto(followUp);
        await residentPage.getByText(resident.followUp.womanOfficerRequested).waitFor();

        // 3. The officer finds it among the public channel's requests for a woman officer.
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.goto(
          `${server.url}/community/issues?view=all&source=public_channel&womanOfficer=true&sort=newest`,
        );
        const row = page.getByTestId(`issue-row-${reference}`);
        await row.getByRole("link").click();
        await page.getByRole("heading", { name: new RegExp(`^${reference} · `) }).waitFor();
        await page.getByRole("button", { name: "Assign to me" }).click();
        const womanOfficer = page.getByRole("switch", {
          name: "A woman officer serves the resident",
        });
        await page.getByRole("button", { name: "Unassign" }).waitFor();
        await expect.poll(() => womanOfficer.isEnabled()).toBe(true);
        await womanOfficer.click();
        await page.getByText("Woman officer serving the resident: Yes").waitFor();

        const actions = page.getByRole("region", { name: "Next steps" });
        await actions.getByRole("button", { name: "Refer to a stakeholder" }).click();
        const refer = page.getByRole("dialog", { name: "Refer to a stakeholder" });
        await refer.getByRole("combobox", { name: "Stakeholder" }).click();
        await page.keyboard.press("ArrowDown");
        await page.keyboard.press("Enter");
        await refer
          .getByRole("textbox", { name: "What is asked of them" })
          .fill("Safe accommodation and legal aid for the resident");
        await refer.getByRole("button", { name: "Refer", exact: true }).click();
        await refer.waitFor({ state: "detached" });
        const referral = page.getByTestId(/^referral-/).last();
        await referral.getByRole("button", { name: "Record the response" }).click();
        const response = page.getByRole("dialog", { name: /^Response from/ });
        await response
          .getByRole("textbox", { name: "Their response" })
          .fill("Sheltered the same day; a lawyer is assigned.");
        await response.getByRole("combobox", { name: "Outcome" }).click();
        await page.getByRole("option", { name: "Resolved", exact: true }).click();
        await response.getByRole("button", { name: "Save the response" }).click();
        await response.waitFor({ state: "detached" });
        await actions.getByRole("button", { name: "Resolved", exact: true }).click();
        const resolve = page.getByRole("dialog", { name: "Resolved", exact: true });
        await resolve.getByRole("button", { name: "Resolved", exact: true }).click();
        await resolve.waitFor({ state: "detached" });
        await expect.poll(() => actions.getByRole("button").allInnerTexts()).toEqual(["Reopen"]);
        await screenshot(page, "community-policing-issue-1280");

        // 4. The resident sees it resolved, confirms it is fixed and answers the survey.
        await residentPage.reload();
        await expect
          .poll(() => residentPage.getByTestId("status").getAttribute("data-status"))
          .toBe("resolved");
        await residentPage.getByText(resident.followUp.womanOfficerAssigned).waitFor();
        await residentPage.getByText(resident.followUp.updates.referral).waitFor();
        await residentPage
          .locator("label", { hasText: resident.confirmations.fixed })
          .first()
          .click();
        await residentPage.getByRole("button", { name: resident.followUp.sendAnswer }).click();
        await residentPage.getByText(resident.followUp.thanks).waitFor();
        const survey = residentPage.locator("form", {
          has: residentPage.locator("#feedback-title"),
        });
        const scaleQuestions = survey
          .locator("fieldset")
          .filter({ has: residentPage.locator(".scale") });
        await scaleQuestions.nth(0).locator("label", { hasText: /^5$/ }).click();
        await scaleQuestions.nth(1).locator("label", { hasText: /^4$/ }).click();
        await survey.getByRole("button", { name: resident.feedback.send }).click();
        await residentPage.getByText(resident.feedback.thanks).waitFor();
        expect(await pageWidth(residentPage)).toBeLessThanOrEqual(360);
        await screenshot(residentPage, "community-policing-follow-up-km");

        const issue = await db
          .selectFrom("community_issues")
          .select(["id", "status", "woman_officer_requested", "woman_officer_assigned"])
          .where("reference", "=", reference)
          .executeTakeFirstOrThrow();
        expect(issue).toMatchObject({
          status: "resolved",
          woman_officer_requested: true,
          woman_officer_assigned: true,
        });
        const answers = await db
          .selectFrom("feedback_responses")
          .select("channel")
          .where("issue_id", "=", issue.id)
          .execute();
        expect(answers).toEqual([{ channel: "public_channel" }]);
        expect(phone.problems).toEqual([]);
      } finally {
        await phone.close();
      }

      // 5. The district's indicators count both problems, the request met and the confirmation.
      const raised = await indicator(page, server, "issues_raised", district);
      expect(raised.counts.N).toBe((before.raised.counts.N ?? 0) + 2);
      const requests = await indicator(page, server, "woman_officer_request_fulfilment", district);
      expect(requests.denominator).toBe((before.requests.denominator ?? 0) + 1);
      expect(requests.numerator).toBe((before.requests.numerator ?? 0) + 1);
      const confirmed = await indicator(
        page,
        server,
        "resolution_rate_resident_confirmed",
        district,
      );
      expect(confirmed.numerator).toBe((before.confirmed.numerator ?? 0) + 1);
      await page.goto(`${server.url}/community/indicators?month=${thisMonth().month}`);
      await page.getByRole("heading", { name: "Community indicators" }).waitFor();
      await screenshot(page, "community-policing-indicators-1280");

      // 6. The public page: the province's count has grown by two, or is hidden and marked.
      const published = await publishedIssuesRaised(server);
      if (before.published.count !== null && published.count !== null) {
        expect(published.count).toBe(before.published.count + 2);
      }
      const visitor = await launchBrowser({
        locale: "km-KH",
        viewport: { width: 360, height: 780 },
      });
      try {
        await visitor.page.goto(`${server.url}/transparency?month=${thisMonth().month}`);
        await visitor.page.getByRole("heading", { name: km.web.transparency.title }).waitFor();
        const province = visitor.page.getByRole("region", { name: published.name, exact: true });
        const issuesRow = province.getByRole("row", {
          name: new RegExp(km.web.indicators.issues_raised.name),
        });
        await expect
          .poll(() => issuesRow.innerText())
          .toContain(published.count === null ? "x" : String(published.count));
        expect(visitor.problems).toEqual([]);
      } finally {
        await visitor.close();
      }
      expect(journey.browser.problems).toEqual([]);
    }, 300_000);
  },
);
