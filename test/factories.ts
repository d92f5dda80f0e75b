import { sql, type Kysely } from "kysely";
import type { OrgUnitKind } from "../src/core/schemas/org-units";
import type { Sex } from "../src/core/schemas/sex";
import type { CareerEventType } from "../src/core/schemas/workforce-events";
import { deriveSpells } from "../src/core/workforce/spells";
import { createAuditRecorder } from "../src/server/audit/audit-recorder";
import { ensureRootUnit } from "../src/server/bootstrap";
import type { DB } from "../src/server/db/schema";
import { createUsersRepository } from "../src/server/features/users/users.repository";
import { createUsersService } from "../src/server/features/users/users.service";

/** The seeded tree: code → parent code. HQ is the root; P3 is closed. */
export const treeSpec: ReadonlyArray<{
  code: string;
  parent: string;
  kind: OrgUnitKind;
  closedOn?: string;
}> = [
  { code: "P1", parent: "HQ", kind: "province" },
  { code: "P1-D1", parent: "P1", kind: "district" },
  { code: "P1-D1-S1", parent: "P1-D1", kind: "station" },
  { code: "P1-D2", parent: "P1", kind: "district" },
  { code: "P2", parent: "HQ", kind: "province" },
  { code: "P2-D1", parent: "P2", kind: "district" },
  { code: "NU-CID", parent: "HQ", kind: "national_unit" },
  { code: "P3", parent: "HQ", kind: "province", closedOn: "2020-01-01" },
];

export interface SeededTree {
  /** Unit id by code (HQ included). */
  readonly ids: ReadonlyMap<string, number>;
  id(code: string): number;
}

/** Creates the root (as the server does) and the units of `treeSpec` below it. */
export async function seedOrgTree(db: Kysely<DB>): Promise<SeededTree> {
  const rootId = await ensureRootUnit(db);
  const ids = new Map<string, number>([["HQ", rootId]]);
  const paths = new Map<string, string>([["HQ", `/${rootId}/`]]);
  for (const unit of treeSpec) {
    const parentId = ids.get(unit.parent);
    const parentPath = paths.get(unit.parent);
    if (parentId === undefined || parentPath === undefined) throw new Error(`no ${unit.parent}`);
    // The path is final at insertion: the history trigger (migration 0004) records it.
    const { id } = await sql<{
      id: number;
    }>`SELECT nextval(pg_get_serial_sequence('org_units', 'id'))::int AS id`
      .execute(db)
      .then((r) => r.rows[0] ?? { id: 0 });
    const path = `${parentPath}${id}/`;
    await db
      .insertInto("org_units")
      .values({
        id,
        code: unit.code,
        name: `Unit ${unit.code}`,
        kind: unit.kind,
        specialisation: null,
        parent_id: parentId,
        path,
        opened_on: "2000-01-01",
        closed_on: unit.closedOn ?? null,
      })
      .execute();
    ids.set(unit.code, id);
    paths.set(unit.code, path);
  }
  return {
    ids,
    id(code) {
      const id = ids.get(code);
      if (id === undefined) throw new Error(`unknown unit ${code}`);
      return id;
    },
  };
}

export const rankSpec = [
  { code: "CON", group: "constables", groupOrdinal: 1 },
  { code: "SGT", group: "inspectorate", groupOrdinal: 2 },
  { code: "SUPT", group: "senior_command", groupOrdinal: 3 },
] as const;
export type RankCode = (typeof rankSpec)[number]["code"];

export interface CareerStep {
  readonly type: CareerEventType;
  readonly date: string;
  readonly rank?: RankCode;
  readonly unit?: string;
  /** Leave and exit carry one (migration 0005); defaults to "other". */
  readonly reason?: string;
}

export interface Career {
  readonly serviceNumber: string;
  readonly sex: Sex;
  readonly steps: readonly CareerStep[];
}

/** Rank groups, ranks, persons, their events and the spells derived from them (as the loaders do). */
export async function seedWorkforce(
  db: Kysely<DB>,
  tree: SeededTree,
  careers: readonly Career[],
): Promise<void> {
  const rankIds = new Map<string, number>();
  for (const [i, rank] of rankSpec.entries()) {
    const group = await db
      .insertInto("rank_groups")
      .values({
        code: rank.group,
        name: rank.group,
        ordinal: rank.groupOrdinal,
        is_top: i === rankSpec.length - 1,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const row = await db
      .insertInto("ranks")
      .values({ code: rank.code, name: rank.code, ordinal: i + 1, rank_group_id: group.id })
      .returning("id")
      .executeTakeFirstOrThrow();
    rankIds.set(rank.code, row.id);
  }
  for (const career of careers) {
    const person = await db
      .insertInto("persons")
      .values({ service_number: career.serviceNumber, sex: career.sex, birth_year: 1980 })
      .returning("id")
      .executeTakeFirstOrThrow();
    const facts = career.steps.map((step) => ({
      type: step.type,
      date: step.date,
      rankId: step.rank === undefined ? null : (rankIds.get(step.rank) ?? null),
      orgUnitId: step.unit === undefined ? null : tree.id(step.unit),
      jobRoleId: null,
    }));
    await db
      .insertInto("career_events")
      .values(
        facts.map((f, i) => ({
          person_id: person.id,
          event_type: f.type,
          effective_date: f.date,
          rank_id: f.rankId,
          org_unit_id: f.orgUnitId,
          job_role_id: null,
          reason: ["exit", "leave_start", "leave_end"].includes(f.type)
            ? (career.steps[i]?.reason ?? "other")
            : null,
        })),
      )
      .execute();
    const { spells, errors } = deriveSpells(facts, new Set());
    if (errors.length) throw new Error(`career ${career.serviceNumber}: ${errors[0]?.code}`);
    if (spells.length === 0) continue;
    await db
      .insertInto("career_spells")
      .values(
        spells.map((s) => ({
          person_id: person.id,
          valid_from: s.validFrom,
          valid_to: s.validTo,
          rank_id: s.rankId,
          org_unit_id: s.orgUnitId,
          job_role_id: s.jobRoleId,
          is_leadership: s.isLeadership,
          on_leave: s.onLeave,
        })),
      )
      .execute();
  }
}

export const TEST_PASSWORD = "correct-horse-battery";

/** Adds a user through the real users service, with one role at the unit of `unitCode`. */
export async function seedUser(
  db: Kysely<DB>,
  tree: SeededTree,
  input: { username: string; role: string; unitCode: string },
): Promise<number> {
  const created = await createUsersService(
    createUsersRepository(db),
    createAuditRecorder(db),
  ).addUser({
    username: input.username,
    role: input.role,
    orgUnitId: tree.id(input.unitCode),
    password: TEST_PASSWORD,
  });
  return created.id;
}
