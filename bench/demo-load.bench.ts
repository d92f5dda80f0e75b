import fs from "node:fs";
import path from "node:path";
import { generateDemoPersons } from "../src/core/demo/careers";
import {
  buildDemoUnits,
  demoJobRoles,
  demoRankGroups,
  demoRanks,
  type DemoScale,
} from "../src/core/demo/country";
import { appendPersonRows, emptyBatch, EVENT_COLUMNS, PERSON_COLUMNS } from "../src/core/demo/rows";
import { SPELL_COLUMNS } from "../src/core/workforce/spells";
import { withDeferredIndexesAndForeignKeys } from "../src/server/db/bulk-load";
import type { Database } from "../src/server/db/client";
import { createDemoRepository } from "../src/server/features/demo/demo.repository";
import { createDemoService } from "../src/server/features/demo/demo.service";
import { benchEngines, createFreshDatabase, type BenchEngine } from "./engines";
import { benchDir, formatNumber, printTable, readLineChunks, time } from "./lib";

const SEED = 1;
const END_YEAR = 2026;
const TABLES = [
  { table: "persons", columns: PERSON_COLUMNS, file: "persons.csv" },
  { table: "career_events", columns: EVENT_COLUMNS, file: "events.csv" },
  { table: "career_spells", columns: SPELL_COLUMNS, file: "spells.csv" },
] as const;

/** Writes the exact rows the demo loader produces on an empty database (ids 1…n) to CSV files. */
function writeDemoCsv(scale: DemoScale, dir: string): number {
  const units = buildDemoUnits(scale, SEED);
  const ids = {
    unitIds: units.map((_, i) => i + 1),
    rankIds: demoRanks.map((_, i) => i + 1),
    roleIds: demoJobRoles.map((_, i) => i + 1),
    leadershipRoleIds: new Set(demoJobRoles.flatMap((r, i) => (r.isLeadership ? [i + 1] : []))),
  };
  const fds = TABLES.map((t) => fs.openSync(path.join(dir, t.file), "w"));
  let batch = emptyBatch();
  let rows = 0;
  let personId = 1;
  const flush = () => {
    [batch.persons, batch.events, batch.spells].forEach((lines, i) =>
      fs.writeSync(fds[i] ?? 0, lines.join("")),
    );
    rows += batch.personCount + batch.eventCount + batch.spellCount;
    batch = emptyBatch();
  };
  for (const person of generateDemoPersons(units, { scale, seed: SEED, endYear: END_YEAR })) {
    appendPersonRows(batch, personId++, person, ids);
    if (batch.personCount >= 20_000) flush();
  }
  flush();
  fds.forEach((fd) => fs.closeSync(fd));
  return rows;
}

async function insertReferenceRows(database: Database, scale: DemoScale): Promise<void> {
  await database.bulkTransaction(async (session) => {
    const repo = createDemoRepository(session);
    await repo.insertRankScheme(demoRankGroups, demoRanks);
    await repo.insertJobRoles(demoJobRoles);
    await repo.insertUnits(buildDemoUnits(scale, SEED), null);
  });
}

async function copyFiles(database: Database, dir: string, isDeferred: boolean): Promise<void> {
  await database.bulkTransaction(async (session) => {
    // The baseline is the bare table load: no headcount cube (the demo load builds it, and pays).
    await session.execute("SELECT set_config('tandem.headcount_cube', 'deferred', true)");
    const load = async () => {
      for (const t of TABLES)
        await session.copyCsv(t.table, t.columns, readLineChunks(path.join(dir, t.file)));
    };
    if (isDeferred)
      await withDeferredIndexesAndForeignKeys(
        session,
        TABLES.map((t) => t.table),
        load,
      );
    else await load();
  });
}

export interface DemoLoadResult {
  readonly engine: BenchEngine;
  readonly rows: number;
  readonly demoSeconds: number;
  readonly copySeconds: number;
  readonly copyDeferredSeconds: number;
  readonly pgliteDataDir?: string;
}

/** (a) Demo generation + load against a raw COPY of the same rows into the same engine, in one run. */
export async function benchDemoLoad(scale: DemoScale): Promise<DemoLoadResult[]> {
  const csvDir = benchDir(`csv-${scale}`);
  const expectedRows = writeDemoCsv(scale, csvDir);
  const results: DemoLoadResult[] = [];
  for (const engine of benchEngines()) {
    const demoDb = await createFreshDatabase(engine, `demo-${scale}`);
    const demo = await time(() =>
      createDemoService(demoDb.database).load({ seed: SEED, scale, endYear: END_YEAR }),
    );
    await demoDb.drop();
    const rows = demo.result.persons + demo.result.events + demo.result.spells;
    if (rows !== expectedRows)
      throw new Error(`demo loaded ${rows} rows, the CSV files hold ${expectedRows}`);

    const copyDb = await createFreshDatabase(engine, `copy-${scale}`);
    await insertReferenceRows(copyDb.database, scale);
    const copy = await time(() => copyFiles(copyDb.database, csvDir, false));
    await copyDb.drop();

    const deferredDb = await createFreshDatabase(engine, `copy-deferred-${scale}`);
    await insertReferenceRows(deferredDb.database, scale);
    const deferred = await time(() => copyFiles(deferredDb.database, csvDir, true));
    await deferredDb.drop();

    results.push({
      engine,
      rows,
      demoSeconds: demo.seconds,
      copySeconds: copy.seconds,
      copyDeferredSeconds: deferred.seconds,
      ...(demoDb.dataDir ? { pgliteDataDir: demoDb.dataDir } : {}),
    });
  }
  printTable(
    `(a) demo generation at ${scale} scale vs raw COPY of the same ${formatNumber(expectedRows)} rows`,
    [
      "engine",
      "demo (generate + load)",
      "raw COPY",
      "COPY, indexes/FKs deferred",
      "demo ÷ raw COPY",
      "demo ÷ deferred COPY",
    ],
    results.map((r) => [
      r.engine,
      `${formatNumber(r.demoSeconds, 1)} s, ${formatNumber(r.rows / r.demoSeconds)} rows/s`,
      `${formatNumber(r.copySeconds, 1)} s, ${formatNumber(r.rows / r.copySeconds)} rows/s`,
      `${formatNumber(r.copyDeferredSeconds, 1)} s, ${formatNumber(r.rows / r.copyDeferredSeconds)} rows/s`,
      `${formatNumber(r.copySeconds / r.demoSeconds, 2)}×`,
      `${formatNumber(r.copyDeferredSeconds / r.demoSeconds, 2)}×`,
    ]),
  );
  return results;
}
