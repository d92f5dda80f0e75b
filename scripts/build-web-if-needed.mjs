#!/usr/bin/env node
// Builds the web app (vite build → dist/web, or TANDEM_WEB_DIR when set) only when its index.html
// is missing or older than any of its inputs. Runs before `npm start`. A production install
// without dev dependencies cannot build: it must ship a prebuilt dist/web.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = process.env.TANDEM_WEB_DIR
  ? path.resolve(process.env.TANDEM_WEB_DIR)
  : path.join(root, "dist/web");
const relativeOut = path.relative(root, outDir);
const outName = relativeOut.startsWith("..") ? outDir : relativeOut;
const target = path.join(outDir, "index.html");
const inputDirs = ["src/web", "src/locales"];
const inputFiles = ["vite.config.ts", "package-lock.json"];
const isTestFile = (name) => /\.test\.tsx?$/.test(name);

function* walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile() && !isTestFile(entry.name)) yield full;
  }
}

/** The most recently modified input, or null when there are none. */
function newestInput() {
  let newest = null;
  const consider = (file) => {
    const mtimeMs = fs.statSync(file).mtimeMs;
    if (!newest || mtimeMs > newest.mtimeMs) newest = { file, mtimeMs };
  };
  for (const dir of inputDirs) {
    const full = path.join(root, dir);
    if (fs.existsSync(full)) for (const file of walk(full)) consider(file);
  }
  for (const file of inputFiles) {
    const full = path.join(root, file);
    if (fs.existsSync(full)) consider(full);
  }
  return newest;
}

/** Why a build is needed, or null when dist/web is up to date. */
function reasonToBuild() {
  if (!fs.existsSync(target)) return `${outName}/index.html does not exist`;
  const newest = newestInput();
  if (newest && newest.mtimeMs > fs.statSync(target).mtimeMs) {
    return `${path.relative(root, newest.file)} is newer than ${outName}/index.html`;
  }
  return null;
}

function findViteBin() {
  try {
    const require = createRequire(path.join(root, "package.json"));
    const manifestPath = require.resolve("vite/package.json");
    const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8"));
    const bin = typeof manifest.bin === "string" ? manifest.bin : manifest.bin?.vite;
    return bin ? path.join(path.dirname(manifestPath), bin) : null;
  } catch {
    return null;
  }
}

function fail(message) {
  console.error(`build-web-if-needed: ${message}`);
  process.exit(1);
}

const reason = reasonToBuild();
if (reason === null) {
  console.log(`build-web-if-needed: the web app in ${outName} is up to date; not rebuilding.`);
  process.exit(0);
}

const viteBin = findViteBin();
if (!viteBin) {
  fail(
    `the web app must be built (${reason}), but vite is not installed. ` +
      "Install the dev dependencies (npm ci) and run npm run build, " +
      "or deploy a package that ships a prebuilt dist/web.",
  );
}

console.log(`build-web-if-needed: building the web app with vite (${reason})…`);
// Always a production build, even when called from a test runner that sets NODE_ENV=test.
const result = spawnSync(
  process.execPath,
  [viteBin, "build", "--mode", "production", "--outDir", outDir, "--emptyOutDir"],
  {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  },
);
if (result.error) fail(`could not run vite: ${result.error.message}`);
if (result.status !== 0) {
  fail(`vite build failed (exit code ${result.status ?? result.signal}); see the output above.`);
}
if (!fs.existsSync(target)) fail(`vite build finished but ${outName}/index.html was not written.`);
console.log(`build-web-if-needed: the web app was built into ${outName}.`);
