/**
 * One measurement of the personnel-import benchmark in a process of its own, so that its peak RSS
 * is the import's alone: `tsx bench/personnel-import.child.ts import|copy <engine target> <file>`.
 * Prints one JSON line: seconds, rows and peak RSS.
 */
import path from "node:path";
import { personnelImportOptions } from "../src/core/schemas/personnel-import";
import { createAuditRecorder, SYSTEM_ACTOR } from "../src/server/audit/audit-recorder";
import { openDatabase } from "../src/server/db/client";
import { createMappingsRepository } from "../src/server/features/personnel-import/mappings.repository";
import { createPersonnelImportService } from "../src/server/features/personnel-import/personnel-import.service";
import { peakRssMiB, readLineChunks, time } from "./lib";
import { AS_OF, SNAPSHOT_HEADER } from "./personnel-import.shared";

const [mode, target, file] = process.argv.slice(2);
if (!mode || !target || !file)
  throw new Error("usage: import|copy <pglite dir | postgres url> <file>");
const database = await openDatabase(
  target.startsWith("postgres")
    ? { kind: "postgres", url: target }
    : { kind: "pglite", dataDir: target },
);
try {
  if (mode === "copy") {
    const columns = SNAPSHOT_HEADER.split(",");
    const { result, seconds } = await time(() =>
      database.bulkTransaction(async (session) => {
        await session.execute(
          `CREATE TABLE raw_snapshot (${columns.map((c) => `${c} text`).join(", ")})`,
        );
        return session.copyCsv(
          "raw_snapshot",
          columns,
          (async function* () {
            let isHeader = true;
            for await (const chunk of readLineChunks(file)) {
              yield isHeader ? chunk.slice(chunk.indexOf("\n") + 1) : chunk;
              isHeader = false;
            }
          })(),
        );
      }),
    );
    console.log(JSON.stringify({ seconds, rows: result, peakRssMiB: peakRssMiB() }));
  } else {
    const service = createPersonnelImportService({
      database,
      mappings: createMappingsRepository(database.db),
      audit: createAuditRecorder(database.db),
      today: () => "2026-11-23",
    });
    const root = await database.db
      .selectFrom("org_units")
      .select("path")
      .where("parent_id", "is", null)
      .executeTakeFirstOrThrow();
    const { result, seconds } = await time(() =>
      service.run({
        path: file,
        options: personnelImportOptions.parse({
          mapping: {
            kind: "snapshot",
            columns: Object.fromEntries(SNAPSHOT_HEADER.split(",").map((c) => [c, c])),
            dateFormat: "iso",
          },
          asOf: AS_OF,
          fileName: path.basename(file),
        }),
        isDryRun: false,
        scope: { unitPaths: [root.path] },
        actor: SYSTEM_ACTOR,
      }),
    );
    if (result.outcome !== "imported")
      throw new Error(`import ${result.outcome}: ${JSON.stringify(result.errors.slice(0, 3))}`);
    console.log(JSON.stringify({ seconds, rows: result.rows, peakRssMiB: peakRssMiB() }));
  }
} finally {
  await database.close();
}
