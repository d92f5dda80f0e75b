/**
 * What every browser journey needs: a server on a fresh database, a real Chromium, signing in and
 * enrolling in two-step sign-in as a person would. A journey reads:
 *
 * ```ts
 * describeJourney("browser journey: …", { demo: "small" }, (journey) => {
 *   it("…", async () => {
 *     const { page, server } = journey;
 *     await signInAs(page, server.url, server.admin);
 *     await enrolTwoFactor(page);
 *     …
 *     expect(journey.browser.problems).toEqual([]);
 *   }, 120_000);
 * });
 * ```
 *
 * `startJourneyServer` and `launchBrowser` are the two halves, for a journey that needs them apart.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Secret, TOTP } from "otpauth";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { createAuditRecorder } from "../src/server/audit/audit-recorder";
import { ensureRootUnit } from "../src/server/bootstrap";
import { loadConfig } from "../src/server/config";
import { createUsersRepository } from "../src/server/features/users/users.repository";
import { createUsersService } from "../src/server/features/users/users.service";
import { startServer, type StartedServer } from "../src/server/main";

const root = fileURLToPath(new URL("../", import.meta.url));
const chromiumPath = process.env.CHROMIUM_PATH;
const isCi = process.env.CI === "true";

/** Screenshots of the journeys (CI keeps them as artefacts). */
export const resultsDir = path.join(root, "test-results");

/** A username and password to sign in with. */
export interface Credentials {
  readonly username: string;
  readonly password: string;
}

function chromiumExecutable(): string {
  if (!chromiumPath) {
    throw new Error(
      "CHROMIUM_PATH is not set. CI must run the browser journeys: install Chromium " +
        "(apt-get install -y chromium fonts-noto-core fonts-khmeros fonts-thai-tlwg) " +
        "and set CHROMIUM_PATH=/usr/bin/chromium.",
    );
  }
  return chromiumPath;
}

function makeTempDir(kind: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `tandem-e2e-${kind}-`));
}

export interface JourneyServerOptions {
  /** `"none"` (default): only the root unit and `admin`; `"small"`: the demo country, small scale. */
  readonly demo?: "none" | "small";
}

export interface JourneyServer {
  readonly url: string;
  /** The first administrator (`admin`); their role requires two-step sign-in. */
  readonly admin: Credentials;
  /** The running server: its database (to seed or check rows) and the demo accounts. */
  readonly started: StartedServer;
  /** Stops the server and deletes its data directory. */
  close(): Promise<void>;
}

/**
 * Builds the web app when it is out of date, then starts Tandem as `npm start` would, on a fresh
 * embedded database in a temporary directory, on a free port.
 */
export async function startJourneyServer(
  options: JourneyServerOptions = {},
): Promise<JourneyServer> {
  execFileSync(process.execPath, [path.join(root, "scripts/build-web-if-needed.mjs")], {
    cwd: root,
    stdio: "inherit",
  });
  const dataDir = makeTempDir("data");
  const admin = { username: "admin", password: "journey-admin-password-42" };
  const loaded = loadConfig({
    TANDEM_DATA_DIR: dataDir,
    PORT: "0",
    ...(options.demo === "small" ? { TANDEM_DEMO_SCALE: "small" } : { TANDEM_DEMO: "false" }),
    TANDEM_ADMIN_PASSWORD: admin.password,
    LOG_LEVEL: "silent",
    ...(process.env.TANDEM_WEB_DIR ? { TANDEM_WEB_DIR: process.env.TANDEM_WEB_DIR } : {}),
  });
  if (!loaded.ok) throw new Error(`invalid test configuration: ${JSON.stringify(loaded)}`);
  const started = await startServer(loaded.config);
  return {
    url: started.url,
    admin,
    started,
    async close() {
      await started.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Creates an account as `tandem user add` would: one role at one unit (default: the root). */
export async function addAccount(
  server: JourneyServer,
  account: Credentials & { readonly role: string; readonly orgUnitId?: number },
): Promise<void> {
  const db = server.started.database.db;
  await createUsersService(createUsersRepository(db), createAuditRecorder(db)).addUser({
    username: account.username,
    password: account.password,
    role: account.role,
    orgUnitId: account.orgUnitId ?? (await ensureRootUnit(db)),
  });
}

export interface LaunchBrowserOptions {
  /** HTTP statuses the page may log as console errors by design (default: 401, from asking who is signed in). */
  readonly expectedStatuses?: readonly number[];
  /** Keep downloads, in `JourneyBrowser.downloadsDir`. */
  readonly acceptDownloads?: boolean;
  /** The browser's language (default en-GB), e.g. `km-KH` for a resident in Cambodia. */
  readonly locale?: string;
  /** Default 1280 × 900; a phone is 360 × 780. */
  readonly viewport?: { readonly width: number; readonly height: number };
}

export interface JourneyBrowser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Page errors and console errors so far (a CSP violation, a crash); a journey ends expecting none. */
  readonly problems: readonly string[];
  /** Where downloads land, with `acceptDownloads`. */
  readonly downloadsDir: string | null;
  /** Closes Chromium and deletes its profile (and downloads). */
  close(): Promise<void>;
}

/** Launches headless Chromium (CHROMIUM_PATH), by default in English (en-GB) at 1280 × 900, with a fresh profile. */
export async function launchBrowser(options: LaunchBrowserOptions = {}): Promise<JourneyBrowser> {
  const profileDir = makeTempDir("profile");
  const downloadsDir = options.acceptDownloads ? makeTempDir("downloads") : null;
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumExecutable(),
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    locale: options.locale ?? "en-GB",
    viewport: options.viewport ?? { width: 1280, height: 900 },
    ...(downloadsDir ? { acceptDownloads: true, downloadsPath: downloadsDir } : {}),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  const expected = new RegExp(`status of (${(options.expectedStatuses ?? [401]).join("|")})\\b`);
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && !expected.test(message.text())) {
      problems.push(`console error: ${message.text()} (${page.url()})`);
    }
  });
  fs.mkdirSync(resultsDir, { recursive: true });
  return {
    context,
    page,
    problems,
    downloadsDir,
    async close() {
      await context.close();
      for (const dir of [profileDir, downloadsDir]) {
        if (dir) fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export interface JourneyOptions extends JourneyServerOptions, LaunchBrowserOptions {
  /** Runs once the server is up, before the browser starts: accounts, units, rows to find. */
  readonly seed?: (server: JourneyServer) => Promise<void>;
}

/** The server and browser of one journey, available inside its tests. */
export interface Journey {
  readonly server: JourneyServer;
  readonly browser: JourneyBrowser;
  /** `browser.page`. */
  readonly page: Page;
}

/**
 * `describe` for a browser journey: starts the server and Chromium before its tests and stops
 * both after. Without CHROMIUM_PATH the journey is skipped (with a warning), except in CI
 * (CI=true), where it fails at once instead: CI must never skip the journeys.
 */
export function describeJourney(
  name: string,
  options: JourneyOptions,
  body: (journey: Journey) => void,
): void {
  const canRun = chromiumPath !== undefined || isCi;
  if (!canRun) console.warn(`${name}: CHROMIUM_PATH is not set; the browser journey is skipped.`);
  let server: JourneyServer | undefined;
  let browser: JourneyBrowser | undefined;
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the journey has not started (use it inside a test)");
    return value;
  };
  const journey: Journey = {
    get server() {
      return ready(server);
    },
    get browser() {
      return ready(browser);
    },
    get page() {
      return ready(browser).page;
    },
  };
  describe.skipIf(!canRun)(name, () => {
    beforeAll(async () => {
      chromiumExecutable();
      server = await startJourneyServer(options);
      await options.seed?.(server);
      browser = await launchBrowser(options);
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });
    body(journey);
  });
}

/** Opens `url` (the app, or a page of it) and signs in through the sign-in form. */
export async function signInAs(page: Page, url: string, user: Credentials): Promise<void> {
  await page.goto(url);
  await expect.poll(() => page.getByRole("heading", { name: "Sign in" }).isVisible()).toBe(true);
  await page.locator('input[name="username"]').fill(user.username);
  await page.locator('input[name="password"]').fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** What the journey's "phone" holds after enrolling. */
export interface Authenticator {
  /** The TOTP secret (base32), to compute later codes. */
  readonly secret: string;
  /** How many recovery codes were shown. */
  readonly recoveryCodeCount: number;
}

/** The authenticator's code for `timestamp` (default now); codes are single-use, so sign-ins take the next step. */
export function totpCode(secret: string, timestamp = Date.now()): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp });
}

/**
 * The first sign-in of a role that requires two-step sign-in (admin, case-officer) leads to its
 * set-up: plays the authenticator app (reads the key, answers with its code), stores the recovery
 * codes and goes on into the app.
 */
export async function enrolTwoFactor(page: Page): Promise<Authenticator> {
  await expect
    .poll(() => page.getByRole("heading", { name: "Set up two-step sign-in" }).isVisible())
    .toBe(true);
  await page.getByRole("button", { name: "Create my key" }).click();
  const secretBox = page.getByTestId("totp-secret");
  await secretBox.waitFor({ state: "visible" });
  const secret = (await secretBox.innerText()).replace(/\s/g, "");
  await page.getByRole("img", { name: "QR code to scan with the authenticator app" }).waitFor();
  await page.locator('input[name="code"]').fill(totpCode(secret));
  await page.getByRole("button", { name: "Confirm" }).click();
  const recoveryCodes = page.getByTestId("recovery-codes");
  await recoveryCodes.waitFor({ state: "visible" });
  const recoveryCodeCount = await recoveryCodes.locator("code").count();
  await page.getByRole("checkbox", { name: "I have stored these codes" }).check();
  await page.getByRole("button", { name: "Continue to Tandem" }).click();
  return { secret, recoveryCodeCount };
}

/** Saves a full-page screenshot as `test-results/<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(resultsDir, `${name}.png`), fullPage: true });
}

/** A phone-sized viewport (360 × 780); waits until the navigation has slid into the burger drawer. */
export async function switchToMobileViewport(page: Page): Promise<void> {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.waitForFunction(
    () => (document.querySelector("nav")?.getBoundingClientRect().right ?? 0) <= 0,
  );
}

/** The page's full width in CSS pixels: wider than the viewport means sideways scrolling. */
export function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}
