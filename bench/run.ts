import fs from "node:fs";
import { parseArgs } from "node:util";
import type { DemoScale } from "../src/core/demo/country";
import { benchColdStart } from "./cold-start.bench";
import { benchDemoLoad } from "./demo-load.bench";
import { benchDir, peakRssMiB } from "./lib";
import { benchParityAnalytics } from "./parity-analytics.bench";
import { benchPersonnelImport } from "./personnel-import.bench";
import { benchPublicIntake } from "./public-intake.bench";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "national" },
    only: { type: "string" },
    rows: { type: "string", default: "1000000" },
    requests: { type: "string", default: "1000" },
  },
});
const scale = values.scale as DemoScale;
if (!["small", "default", "national"].includes(scale))
  throw new Error("--scale must be small, default or national");

console.log(
  `# Tandem benchmarks — ${new Date().toISOString()}, Node ${process.version}, scale ${scale}`,
);
const results: Record<string, unknown> = { scale, at: new Date().toISOString() };
if (!values.only || values.only === "demo-load" || values.only === "cold-start") {
  const load = await benchDemoLoad(scale);
  results.demoLoad = load;
  const pglite = load.find((r) => r.pgliteDataDir)?.pgliteDataDir;
  if (pglite && values.only !== "demo-load")
    results.coldStart = await benchColdStart(pglite, scale);
}
if (!values.only || values.only === "personnel-import") {
  results.personnelImport = await benchPersonnelImport(Number(values.rows));
}
if (!values.only || values.only === "parity-analytics") {
  results.parityAnalytics = await benchParityAnalytics(scale);
}
if (!values.only || values.only === "public-intake") {
  results.publicIntake = await benchPublicIntake(Number(values.requests));
}
results.peakRssMiB = peakRssMiB();
fs.writeFileSync(`${benchDir("results")}/latest-${scale}.json`, JSON.stringify(results, null, 2));
console.log(`\npeak RSS of the benchmark process: ${Math.round(peakRssMiB())} MiB`);
