import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrgTree, seedWorkforce } from "../../../../test/factories";
import { makeTempDir, removeTempDirs } from "../../../../test/temp";
import { createTestDatabase, testEngines, type TestDatabase } from "../../../../test/test-db";
import { personnelImportOptions } from "../../../core/schemas/personnel-import";
import { createAuditRecorder, SYSTEM_ACTOR } from "../../audit/audit-recorder";
import type { Scope } from "../../http/scope";
import { createMappingsRepository } from "../personnel-import/mappings.repository";
import { createPersonnelImportService } from "../personnel-import/personnel-import.service";
import { createRegisterConfigRepository } from "./register-config.repository";
import { createRegisterConfigService } from "./register-config.service";

/** An inactive rank or role is no longer a value an import file may name. */
describe.each(testEngines())("imports and inactive ranks and roles (%s)", (engine) => {
  let database: TestDatabase;
  let dir: string;
  let root: Scope;

  const importEvents = (rows: string[]) => {
    const target = path.join(dir, "events.csv");
    fs.writeFileSync(
      target,
      ["service_number,event_type,effective_date,rank,unit,role", ...rows].join("\n") + "\n",
    );
    return createPersonnelImportService({
      database,
      mappings: createMappingsRepository(database.db),
      audit: createAuditRecorder(database.db),
      today: () => "2025-07-15",
    }).run({
      path: target,
      options: personnelImportOptions.parse({
        mapping: {
          kind: "events",
          columns: {
            service_number: "service_number",
            event_type: "event_type",
            effective_date: "effective_date",
            rank: "rank",
            unit: "unit",
            role: "role",
          },
        },
      }),
      isDryRun: true,
      scope: root,
      actor: SYSTEM_ACTOR,
    });
  };

  beforeAll(async () => {
    dir = makeTempDir();
    database = await createTestDatabase(engine);
    const tree = await seedOrgTree(database.db);
    root = { unitPaths: [`/${tree.id("HQ")}/`] };
    await seedWorkforce(database.db, tree, []);
    const config = createRegisterConfigService({
      repo: createRegisterConfigRepository(database.db),
      audit: createAuditRecorder(database.db),
    });
    const sgt = (await config.scheme()).groups
      .flatMap((g) => g.ranks)
      .find((r) => r.code === "SGT");
    await config.updateRank(root, SYSTEM_ACTOR, sgt?.id ?? 0, { isActive: false });
    for (const code of ["patrol", "desk"]) {
      const role = await config.createRole(root, SYSTEM_ACTOR, { code, name: `Role ${code}` });
      if (code === "desk")
        await config.updateRole(root, SYSTEM_ACTOR, role.id, { isActive: false });
    }
  });
  afterAll(async () => {
    removeTempDirs(dir);
    await database.close();
  });

  it("matches active ranks and roles only", async () => {
    const accepted = await importEvents(["N1,hire,2024-03-01,CON,P1-D1,patrol"]);
    expect(accepted.outcome).toBe("validated");

    const refused = await importEvents([
      "N2,hire,2024-03-01,SGT,P1-D1,patrol",
      "N3,hire,2024-03-01,CON,P1-D1,desk",
    ]);
    expect(refused.outcome).toBe("invalid");
    expect(refused.errors.map((e) => [e.row, e.column, e.value, e.code])).toEqual([
      [2, "rank", "SGT", "unknown_rank"],
      [3, "role", "desk", "unknown_role"],
    ]);
  });
});
