import fs from "node:fs";
import path from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { sql } from "kysely";
import type { DemoScale } from "../src/core/demo/country";
import { injectAs, signIn } from "../test/http";
import type { IndicatorResult } from "../src/core/schemas/indicators";
import { createAuditRecorder } from "../src/server/audit/audit-recorder";
import { buildApp } from "../src/server/app";
import { ensureRootUnit } from "../src/server/bootstrap";
import type { Database } from "../src/server/db/client";
import { createDemoService } from "../src/server/features/demo/demo.service";
import { createIndicatorsRepository } from "../src/server/features/indicators/indicators.repository";
import { createIndicatorService } from "../src/server/features/indicators/indicators.service";
import { createUsersRepository } from "../src/server/features/users/users.repository";
import { createUsersService } from "../src/server/features/users/users.service";
import { openDatabase } from "../src/server/db/client";
import { migrate } from "../src/server/db/migrate";
import { benchEngines, createFreshDatabase, type BenchEngine } from "./engines";
import { benchDir, formatNumber, peakRssMiB, printTable, time } from "./lib";

const RUNS = 15;
const TODAY = new Date().toISOString().slice(0, 10);
const PASSWORD = "bench-password-long-enough";

function shiftYears(date: string, years: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCFullYear(day.getUTCFullYear() + years);
  return day.toISOString().slice(0, 10);
}

/** Median and 95th percentile of `RUNS` timed runs after one warm-up, in milliseconds. */
async function measure(work: () => Promise<unknown>): Promise<{ median: number; p95: number }> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await time(work)).seconds * 1000);
  times.sort((a, b) => a - b);
  return {
    median: times[Math.floor(RUNS / 2)] ?? 0,
    p95: times[Math.min(RUNS - 1, Math.ceil(RUNS * 0.95) - 1)] ?? 0,
  };
}

/** "date|rank|sex" → count, zeros dropped: the form both sides are compared in. */
type Counts = Map<string, number>;

function fromResult(result: IndicatorResult, date: string, into: Counts = new Map()): Counts {
  for (const row of result.rows) {
    for (const sex of ["F", "M", "X", "U"] as const) {
      const n = row.counts[sex] ?? 0;
      if (n !== 0) into.set(`${date}|${row.key.rank}|${sex}`, n);
    }
  }
  return into;
}

/** A PGlite data directory left by an earlier run of this benchmark, with its demo and cube. */
async function reusePglite(scale: DemoScale) {
  const dataDir = path.join(benchDir("pglite"), `analytics-${scale}`);
  if (!fs.existsSync(path.join(dataDir, "pgdata", "PG_VERSION"))) return null;
  const database = await openDatabase({ kind: "pglite", dataDir });
  await migrate(database);
  const { rows } = await sql<{ n: number }>`SELECT count(*)::integer AS n FROM persons`.execute(
    database.db,
  );
  if (Number(rows[0]?.n) === 0) {
    await database.close();
    return null;
  }
  console.log(`  pglite: reusing ${dataDir}`);
  const close = () => database.close();
  return { database, dataDir, close, drop: close };
}

async function loadDemo(engine: BenchEngine, scale: DemoScale) {
  const reused = engine === "pglite" ? await reusePglite(scale) : null;
  if (reused) return reused;
  const fresh = await createFreshDatabase(engine, `analytics-${scale}`);
  await ensureRootUnit(fresh.database.db);
  const load = await time(() =>
    createDemoService(fresh.database).load({ scale, seed: 1, endYear: 2026 }),
  );
  console.log(`  ${engine}: demo loaded with its headcount cube in ${load.seconds.toFixed(1)} s`);
  return fresh;
}

/** The spells DuckDB scans (person, sex, rank, unit, valid_from, valid_to), written as CSV. */
async function exportSpells(database: Database, file: string): Promise<void> {
  const out = fs.openSync(file, "w");
  const step = 100_000;
  const { rows } = await sql<{ max: number }>`SELECT max(id) AS max FROM persons`.execute(
    database.db,
  );
  for (let from = 0; from <= Number(rows[0]?.max ?? 0); from += step) {
    const chunk = await sql<Record<string, string | number | null>>`
      SELECT s.person_id, p.sex, r.code AS rank, s.org_unit_id, s.valid_from, s.valid_to
        FROM career_spells s JOIN persons p ON p.id = s.person_id JOIN ranks r ON r.id = s.rank_id
       WHERE s.person_id > ${from} AND s.person_id <= ${from + step}`.execute(database.db);
    fs.writeSync(
      out,
      chunk.rows
        .map(
          (r) =>
            `${r.person_id},${r.sex},${r.rank},${r.org_unit_id},${r.valid_from},${r.valid_to ?? ""}\n`,
        )
        .join(""),
    );
  }
  fs.closeSync(out);
}

async function duckdbFor(database: Database, dir: string): Promise<DuckDBConnection> {
  const spells = path.join(dir, "spells.csv");
  const units = path.join(dir, "units.csv");
  await exportSpells(database, spells);
  const unitRows = await sql<{ id: number; path: string }>`SELECT id, path FROM org_units`.execute(
    database.db,
  );
  fs.writeFileSync(units, unitRows.rows.map((u) => `${u.id},${u.path}\n`).join(""));
  const connection = await (await DuckDBInstance.create(":memory:")).connect();
  await connection.run(`CREATE TABLE spells AS SELECT * FROM read_csv('${spells}', header = false,
    columns = {'person_id': 'BIGINT', 'sex': 'VARCHAR', 'rank': 'VARCHAR', 'unit_id': 'INTEGER',
               'valid_from': 'DATE', 'valid_to': 'DATE'})`);
  await connection.run(`CREATE TABLE units AS SELECT * FROM read_csv('${units}', header = false,
    columns = {'id': 'INTEGER', 'path': 'VARCHAR'})`);
  return connection;
}

async function duckCounts(
  connection: DuckDBConnection,
  dates: readonly string[],
  unitPath: string | null,
) {
  const filter =
    unitPath === null
      ? ""
      : `AND unit_id IN (SELECT id FROM units WHERE starts_with(path, '${unitPath}'))`;
  const reader = await connection.runAndReadAll(`
    SELECT d::VARCHAR AS d, rank, sex, count(*)::INTEGER AS n
      FROM spells, (SELECT unnest([${dates.map((d) => `DATE '${d}'`).join(", ")}]) AS d)
     WHERE valid_from <= d AND (valid_to IS NULL OR valid_to > d) ${filter}
     GROUP BY ALL`);
  const counts: Counts = new Map();
  for (const row of reader.getRowObjectsJS())
    counts.set(`${row.d as string}|${row.rank as string}|${row.sex as string}`, Number(row.n));
  return counts;
}

function sameCounts(label: string, ours: Counts, theirs: Counts): void {
  const keys = new Set([...ours.keys(), ...theirs.keys()]);
  for (const key of keys) {
    if ((ours.get(key) ?? 0) !== (theirs.get(key) ?? 0)) {
      throw new Error(
        `${label}: ${key} is ${ours.get(key) ?? 0} in Tandem but ${theirs.get(key) ?? 0} in DuckDB`,
      );
    }
  }
}

export async function benchParityAnalytics(scale: DemoScale) {
  const results: Record<string, unknown>[] = [];
  for (const engine of benchEngines()) {
    console.log(`\n## Parity analytics at ${scale} scale — ${engine}`);
    const fresh = await loadDemo(engine, scale);
    const db = fresh.database.db;
    const dir = benchDir(`analytics-${engine}`);
    const duck = await duckdbFor(fresh.database, dir);
    const service = createIndicatorService({
      repo: createIndicatorsRepository(db),
      today: () => TODAY,
      sdcThreshold: 5,
    });
    const root = await ensureRootUnit(db);
    const rootPath =
      (await sql<{ path: string }>`SELECT path FROM org_units WHERE id = ${root}`.execute(db))
        .rows[0]?.path ?? "";
    const province = (
      await sql<{ id: number; path: string }>`
      SELECT id, path FROM org_units WHERE kind = 'province' ORDER BY code LIMIT 1`.execute(db)
    ).rows[0];
    if (!province) throw new Error("no province in the demo");
    const scope = { unitPaths: [rootPath] };
    const dataAsOf = (await service.dataAsOf()) ?? TODAY;
    const midMonth = `${dataAsOf.slice(0, 8)}15`;
    const trendDates = [
      ...Array.from({ length: 10 }, (_, i) => `${Number(dataAsOf.slice(0, 4)) - 10 + i}-12-31`),
      dataAsOf,
    ];
    console.log(
      `  dates: ${dataAsOf} (the data's last month-end), ${midMonth}; trend ${trendDates.join(", ")}`,
    );
    const headcount = (unit: number, at: string) =>
      service.compute(scope, { id: "headcount", unit, at, by: ["rank"], audience: "internal" });
    const trend = (unit: number) =>
      service.trend(scope, {
        id: "headcount",
        unit,
        at: dataAsOf,
        years: 10,
        by: ["rank"],
        audience: "internal",
      });

    for (const at of [dataAsOf, midMonth]) {
      sameCounts(
        `whole service ${at}`,
        fromResult(await headcount(root, at), at),
        await duckCounts(duck, [at], null),
      );
      sameCounts(
        `province ${at}`,
        fromResult(await headcount(province.id, at), at),
        await duckCounts(duck, [at], province.path),
      );
    }
    const ourTrend: Counts = new Map();
    for (const point of (await trend(root)).points) fromResult(point, point.at ?? "", ourTrend);
    sameCounts("10-year trend", ourTrend, await duckCounts(duck, trendDates, null));

    const cases = [
      [
        `headcount by rank × sex, whole service, ${dataAsOf}`,
        () => headcount(root, dataAsOf),
        () => duckCounts(duck, [dataAsOf], null),
      ],
      [
        `headcount by rank × sex, one province, ${dataAsOf}`,
        () => headcount(province.id, dataAsOf),
        () => duckCounts(duck, [dataAsOf], province.path),
      ],
      [
        `headcount by rank × sex, whole service, ${midMonth}`,
        () => headcount(root, midMonth),
        () => duckCounts(duck, [midMonth], null),
      ],
      [
        `headcount by rank × sex, one province, ${midMonth}`,
        () => headcount(province.id, midMonth),
        () => duckCounts(duck, [midMonth], province.path),
      ],
      [
        "10-year yearly trend (year-ends + date), whole service",
        () => trend(root),
        () => duckCounts(duck, trendDates, null),
      ],
    ] as const;
    for (const [name, ours, theirs] of cases) {
      const tandem = await measure(ours);
      const duckdb = await measure(theirs);
      results.push({ engine, name, tandem, duckdb, ratio: tandem.median / duckdb.median });
    }

    const app = await buildApp({ database: fresh.database });
    const analystName = `bench.analyst.${Date.now()}`;
    await createUsersService(createUsersRepository(db), createAuditRecorder(db)).addUser({
      username: analystName,
      role: "hq-analyst",
      orgUnitId: root,
      password: PASSWORD,
    });
    const cookie = await signIn(app, analystName, PASSWORD);
    // The dashboard's calls on the day it opens on (the data's last month-end).
    const lastYear = `from=${shiftYears(dataAsOf, -1)}&to=${dataAsOf}`;
    const dashboard = [
      "/api/indicators",
      `/api/indicators/headcount?at=${dataAsOf}`,
      `/api/indicators/share_women?at=${dataAsOf}`,
      `/api/indicators/headcount?by=rank_group&at=${dataAsOf}`,
      `/api/indicators/share_women?by=rank&at=${dataAsOf}`,
      `/api/indicators/share_women?by=unit,rank_group&at=${dataAsOf}`,
      `/api/indicators/share_women/trend?by=rank_group&years=10&at=${dataAsOf}`,
      `/api/indicators/leadership_share?at=${dataAsOf}`,
      `/api/indicators/specialist_share?at=${dataAsOf}`,
      `/api/targets/status?at=${dataAsOf}`,
      "/api/projections",
      `/api/indicators/hire_rate?${lastYear}`,
      `/api/indicators/promotion_rate?${lastYear}`,
      `/api/indicators/separation_rate?${lastYear}`,
      `/api/indicators/promotion_rate_ratio?${lastYear}`,
    ];
    for (const url of dashboard) {
      const timing = await measure(async () => {
        const response = await injectAs(app, cookie, { method: "GET", url });
        if (response.statusCode !== 200)
          throw new Error(`${url}: ${response.statusCode} ${response.body}`);
      });
      results.push({ engine, name: `API ${url}`, tandem: timing });
    }
    await app.close();
    duck.closeSync();
    await fresh.drop();
    console.log(`  peak RSS so far: ${Math.round(peakRssMiB())} MiB`);
  }
  printTable(
    `Parity analytics, ${scale} scale (ratio = Tandem median ÷ DuckDB median; target ≤ 1.0 PostgreSQL, ≤ 2.0 PGlite)`,
    ["engine", "measure", "Tandem median", "Tandem p95", "DuckDB median", "ratio"],
    results.map((r) => {
      const tandem = r.tandem as { median: number; p95: number };
      const duckdb = r.duckdb as { median: number } | undefined;
      return [
        String(r.engine),
        String(r.name),
        `${formatNumber(tandem.median, 1)} ms`,
        `${formatNumber(tandem.p95, 1)} ms`,
        duckdb ? `${formatNumber(duckdb.median, 1)} ms` : "",
        r.ratio === undefined ? "" : `${formatNumber(Number(r.ratio), 2)}×`,
      ];
    }),
  );
  return { results, peakRssMiB: peakRssMiB() };
}
