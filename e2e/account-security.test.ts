import { expect, it } from "vitest";
import {
  describeJourney,
  enrolTwoFactor,
  pageWidth,
  screenshot,
  signInAs,
  totpCode,
} from "./support";

const newPassword = "a river, two lanterns and a kite";

describeJourney("browser journey: account security and API tokens", {}, (journey) => {
  it("serves the API documentation under the app's content security policy", async () => {
    const { page, server } = journey;
    const response = await page.goto(`${server.url}/api/docs`);
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
    await page.locator(".swagger-ui .info").waitFor({ state: "visible" });
    await expect.poll(() => page.getByText("/api/auth/login/second-factor").count()).toBe(1);
    expect(journey.browser.problems).toEqual([]);
  }, 60_000);

  it("enrols, changes the password, issues and revokes an API token, also at 360 px", async () => {
    const { page, server } = journey;
    await signInAs(page, server.url, server.admin);
    const { secret } = await enrolTwoFactor(page);

    await page.getByRole("button", { name: /^Account of/ }).click();
    await page.getByRole("menuitem", { name: "Account security" }).click();
    await expect.poll(() => page.getByTestId("two-factor-status").textContent()).toBe("On");
    await page.locator('input[name="current-password"]').fill(server.admin.password);
    await page.locator('input[name="new-password"]').fill(newPassword);
    await page.locator('input[name="new-password-again"]').fill(newPassword);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect
      .poll(() => page.getByRole("status").first().innerText())
      .toContain("Your password was changed");
    await screenshot(page, "account-en");
    // New recovery codes replace the old ones; shown once, like at enrolment.
    await page.locator('input[name="recovery-codes-password"]').fill(newPassword);
    await page.getByRole("button", { name: "Create new recovery codes" }).click();
    await expect.poll(() => page.getByTestId("recovery-codes").locator("code").count()).toBe(10);
    await page.getByRole("checkbox", { name: "I have stored these codes" }).check();
    await page.getByRole("button", { name: "Continue to Tandem" }).click();
    await expect.poll(() => page.getByTestId("two-factor-status").textContent()).toBe("On");

    await page.getByRole("link", { name: "API tokens" }).click();
    await page.locator('input[name="token-name"]').fill("Regional dashboard");
    await page.getByRole("button", { name: "Create token" }).click();
    const shown = page.getByTestId("new-api-token");
    await shown.waitFor({ state: "visible" });
    const token = (await shown.innerText()).trim();
    expect(token).toMatch(/^tnd_[A-Za-z0-9_-]{43}$/);
    const asIntegration = await fetch(`${server.url}/api/org-units`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(asIntegration.status).toBe(200);
    await page.getByRole("button", { name: "Done" }).click();
    await expect.poll(() => page.getByRole("cell", { name: "Regional dashboard" }).count()).toBe(1);

    await page.setViewportSize({ width: 360, height: 780 });
    await page.getByRole("button", { name: "Revoke" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
    await expect.poll(() => page.getByText("Revoked").count()).toBe(1);
    const afterRevoke = await fetch(`${server.url}/api/org-units`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(afterRevoke.status).toBe(401);
    await screenshot(page, "api-tokens-mobile");
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);

    // Signing in again takes the new password, then the authenticator's next code.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole("button", { name: /^Account of/ }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await signInAs(page, server.url, { username: "admin", password: newPassword });
    await page.getByRole("heading", { name: "Two-step sign-in" }).waitFor();
    await page.locator('input[name="code"]').fill(totpCode(secret, Date.now() + 30_000));
    await page.getByRole("button", { name: "Verify" }).click();
    await page.getByRole("button", { name: /^Account of/ }).waitFor();
    expect(journey.browser.problems).toEqual([]);
  }, 120_000);
});
