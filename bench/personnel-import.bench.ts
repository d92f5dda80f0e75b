import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { buildDemoUnits, demoJobRoles, demoRankGroups, demoRanks } from "../src/core/demo/country";
import { createRandom } from "../src/core/demo/prng";
import { createDemoRepository } from "../src/server/features/demo/demo.repository";
import { benchEngines, createFreshDatabase, type BenchEngine } from "./engines";
import { benchDir, formatNumber, printTable } from "./lib";
import { SNAPSHOT_HEADER } from "./personnel-import.shared";

const SEED = 1;
const run = promisify(execFile);

/** A staff list of `rows` serving officers at the default-scale demo's stations, as an HR export gives it. */
function writeSnapshot(file: string, rows: number): void {
  const random = createRandom(SEED);
  const stations = buildDemoUnits("default", SEED)
    .filter((u) => u.kind === "station")
    .map((u) => u.code);
  const fd = fs.openSync(file, "w");
  let chunk = SNAPSHOT_HEADER + "\n";
  for (let i = 1; i <= rows; i++) {
    const x = random.next();
    const sex = x < 0.12 ? "F" : x < 0.985 ? "M" : "U";
    const rank =
      demoRanks[Math.min(demoRanks.length - 1, Math.floor(random.next() ** 3 * demoRanks.length))]
        ?.code;
    const role = demoJobRoles[random.int(0, demoJobRoles.length - 1)]?.code;
    const unit = stations[random.int(0, stations.length - 1)];
    const born = random.int(1966, 2005);
    const hired = `${random.int(born + 18, Math.max(born + 18, 2025))}-${String(random.int(1, 12)).padStart(2, "0")}-${String(random.int(1, 28)).padStart(2, "0")}`;
    chunk += `PN${String(i).padStart(7, "0")},${sex},${born},${rank},${unit},${role},${hired}\n`;
    if (chunk.length > 4 * 1024 * 1024) {
      fs.writeSync(fd, chunk);
      chunk = "";
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
}

interface ChildResult {
  readonly seconds: number;
  readonly rows: number;
  readonly peakRssMiB: number;
}

async function child(mode: "import" | "copy", target: string, file: string): Promise<ChildResult> {
  const { stdout } = await run(
    process.execPath,
    ["--import", "tsx", "bench/personnel-import.child.ts", mode, target, file],
    {
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as ChildResult;
}

/** A fresh database with the default-scale demo's org tree, ranks and roles, and no persons; its target for a child. */
async function prepare(
  engine: BenchEngine,
  name: string,
): Promise<{ target: string; drop: () => Promise<void> }> {
  const fresh = await createFreshDatabase(engine, name);
  await fresh.database.bulkTransaction(async (session) => {
    const repo = createDemoRepository(session);
    await repo.insertRankScheme(demoRankGroups, demoRanks);
    await repo.insertJobRoles(demoJobRoles);
    await repo.insertUnits(buildDemoUnits("default", SEED), null);
  });
  await fresh.close();
  return { target: fresh.dataDir ?? fresh.url ?? "", drop: () => fresh.drop() };
}

export interface PersonnelImportResult {
  readonly engine: BenchEngine;
  readonly copy: ChildResult;
  readonly import: ChildResult;
}

/** A 1,000,000-row staff list imported into an empty register vs a raw COPY of the same rows, per engine. */
export async function benchPersonnelImport(rows = 1_000_000): Promise<PersonnelImportResult[]> {
  const file = path.join(benchDir("import"), `snapshot-${rows}.csv`);
  if (!fs.existsSync(file)) writeSnapshot(file, rows);
  const results: PersonnelImportResult[] = [];
  for (const engine of benchEngines()) {
    const copyDb = await prepare(engine, "import-copy");
    const copy = await child("copy", copyDb.target, file);
    await copyDb.drop();
    const importDb = await prepare(engine, "import-run");
    const imported = await child("import", importDb.target, file);
    await importDb.drop();
    results.push({ engine, copy, import: imported });
  }
  printTable(
    `(c) personnel import: a ${formatNumber(rows)}-row staff list vs raw COPY of the same rows`,
    [
      "engine",
      "raw COPY",
      "import (validate, diff, write, derive spells)",
      "import ÷ COPY rate",
      "import peak RSS",
    ],
    results.map((r) => [
      r.engine,
      `${formatNumber(r.copy.seconds, 1)} s, ${formatNumber(r.copy.rows / r.copy.seconds)} rows/s`,
      `${formatNumber(r.import.seconds, 1)} s, ${formatNumber(r.import.rows / r.import.seconds)} rows/s`,
      `${formatNumber(r.copy.seconds / r.import.seconds, 2)}×`,
      `${formatNumber(r.import.peakRssMiB)} MiB`,
    ]),
  );
  return results;
}
