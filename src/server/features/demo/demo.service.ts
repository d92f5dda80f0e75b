import { generateDemoPersons } from "../../../core/demo/careers";
import {
  buildDemoUnits,
  demoJobRoles,
  demoRankGroups,
  demoRanks,
  scaleSpecs,
  type DemoScale,
} from "../../../core/demo/country";
import {
  appendPersonRows,
  emptyBatch,
  EVENT_COLUMNS,
  PERSON_COLUMNS,
} from "../../../core/demo/rows";
import { buildDemoTargets } from "../../../core/demo/targets";
import { AppError } from "../../../core/errors";
import { SPELL_COLUMNS } from "../../../core/workforce/spells";
import { withHeadcountCubeDeferred } from "../../analytics/headcount-cube";
import { withDeferredIndexesAndForeignKeys } from "../../db/bulk-load";
import type { Database } from "../../db/client";
import { createContactSealer } from "../../security/contact-sealer";
import { createSecretBox } from "../../security/secret-box";
import { communityDemoEndDay, loadCommunityDemo } from "./demo-community";
import { createDemoRepository, type RegisterState } from "./demo.repository";

export interface DemoProgress {
  readonly persons: number;
  readonly expectedPersons: number;
  readonly events: number;
}

export interface DemoOptions {
  readonly seed: number;
  readonly scale: DemoScale;
  /** The 10-year window ends on 1 January of this year (default: the current year). */
  readonly endYear?: number;
  readonly onProgress?: ((progress: DemoProgress) => void) | undefined;
  /** Seals the demo residents' contact details (community issues); without it they are left out. */
  readonly secretKey?: Buffer | undefined;
}

export interface DemoSummary {
  readonly seed: number;
  readonly scale: DemoScale;
  readonly endYear: number;
  readonly units: number;
  readonly persons: number;
  readonly events: number;
  readonly spells: number;
}

const PERSONS_PER_BATCH = 20_000;

/** No people and no configuration; at most the root unit, which stands in for the demo's HQ. */
const isEmpty = (state: RegisterState) =>
  state.persons === 0 && state.ranks === 0 && state.configured === 0 && state.units <= 1;

export function createDemoService(database: Database) {
  return {
    /** Whether `load` would accept this register (the server loads the demo only then). */
    async isRegisterEmpty(): Promise<boolean> {
      const state = await database.bulkTransaction((session) =>
        createDemoRepository(session).readState(),
      );
      return isEmpty(state);
    },

    /** Generates the demo country and loads it in one transaction: all of it, or nothing. */
    async load(options: DemoOptions): Promise<DemoSummary> {
      const endYear = options.endYear ?? new Date().getUTCFullYear();
      const units = buildDemoUnits(options.scale, options.seed);
      const summary = await database.bulkTransaction(async (session) => {
        const repo = createDemoRepository(session);
        const state = await repo.readState();
        if (!isEmpty(state)) {
          throw new AppError("demo.already_loaded", {
            persons: state.persons,
            ranks: state.ranks,
            units: state.units,
          });
        }
        const rankIds = await repo.insertRankScheme(demoRankGroups, demoRanks);
        const roleIds = await repo.insertJobRoles(demoJobRoles);
        const unitIds = await repo.insertUnits(units, state.root);
        await repo.insertTargets(
          buildDemoTargets(units, endYear).map((t) => ({ ...t, unitId: unitIds[t.unitIndex] })),
        );
        const ids = {
          unitIds,
          rankIds,
          roleIds,
          leadershipRoleIds: new Set(roleIds.filter((_, i) => demoJobRoles[i]?.isLeadership)),
        };
        const expectedPersons = Math.round(scaleSpecs[options.scale].officers * 1.58);
        let personId = await repo.nextPersonId();
        let batch = emptyBatch();
        const totals = { persons: 0, events: 0, spells: 0 };
        const flush = async () => {
          await repo.copy("persons", PERSON_COLUMNS, batch.persons);
          await repo.copy("career_events", EVENT_COLUMNS, batch.events);
          await repo.copy("career_spells", SPELL_COLUMNS, batch.spells);
          totals.persons += batch.personCount;
          totals.events += batch.eventCount;
          totals.spells += batch.spellCount;
          batch = emptyBatch();
          options.onProgress?.({ persons: totals.persons, expectedPersons, events: totals.events });
        };
        await withHeadcountCubeDeferred(session, () =>
          withDeferredIndexesAndForeignKeys(
            session,
            ["persons", "career_events", "career_spells"],
            async () => {
              for (const person of generateDemoPersons(units, {
                scale: options.scale,
                seed: options.seed,
                endYear,
              })) {
                appendPersonRows(batch, personId++, person, ids);
                if (batch.personCount >= PERSONS_PER_BATCH) await flush();
              }
              await flush();
            },
          ),
        );
        await loadCommunityDemo(session, {
          units,
          unitIds,
          seed: options.seed,
          endDay: communityDemoEndDay(options.endYear),
          sealer: options.secretKey
            ? createContactSealer(createSecretBox(options.secretKey))
            : null,
        });
        await repo.finish({
          "demo.seed": String(options.seed),
          "demo.scale": options.scale,
          "demo.end_year": String(endYear),
          "demo.loaded_at": new Date().toISOString(),
        });
        return {
          seed: options.seed,
          scale: options.scale,
          endYear,
          units: units.length,
          ...totals,
        };
      });
      // ANALYZE cannot share the load's transaction on every engine; statistics only, so it may follow.
      await database.bulkTransaction((session) => createDemoRepository(session).analyze());
      return summary;
    },
  };
}

export type DemoService = ReturnType<typeof createDemoService>;
