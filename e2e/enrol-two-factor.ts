import { Secret, TOTP } from "otpauth";
import type { Page } from "playwright-core";

/**
 * The administrator's first sign-in: their role requires two-step sign-in, so the app asks them
 * to set up an authenticator. Plays the authenticator app: reads the key, answers with its code,
 * stores the recovery codes and goes on. Returns how many recovery codes were shown.
 */
export async function enrolTwoFactor(page: Page): Promise<number> {
  await page.getByRole("button", { name: "Create my key" }).click();
  const secretBox = page.getByTestId("totp-secret");
  await secretBox.waitFor({ state: "visible" });
  const secret = (await secretBox.innerText()).replace(/\s/g, "");
  await page.getByRole("img", { name: "QR code to scan with the authenticator app" }).waitFor();
  const code = TOTP.generate({ secret: Secret.fromBase32(secret) });
  await page.locator('input[name="code"]').fill(code);
  await page.getByRole("button", { name: "Confirm" }).click();
  const recoveryCodes = page.getByTestId("recovery-codes");
  await recoveryCodes.waitFor({ state: "visible" });
  const count = await recoveryCodes.locator("code").count();
  await page.getByRole("checkbox", { name: "I have stored these codes" }).check();
  await page.getByRole("button", { name: "Continue to Tandem" }).click();
  return count;
}
