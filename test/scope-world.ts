import fc from "fast-check";
import { sql, type Kysely } from "kysely";
import { roles, type Role } from "../src/core/access/permissions";
import { orgUnitKinds } from "../src/core/schemas/org-units";
import type { DB } from "../src/server/db/schema";
import { openSession, type TestSession } from "./sessions";

/**
 * A random world for the scope property tests: a tree of any shape, users holding random roles at
 * random units, and people in post at random units. Every unit code (`U#<i>#`) and service
 * number (`SN#<unit>-<k>#`) is a marker that can be searched for in any response body.
 */
export interface WorldSpec {
  /** parents[i] is the index of unit i+1's parent (always an earlier unit); unit 0 is the root. */
  readonly parents: readonly number[];
  readonly users: ReadonlyArray<ReadonlyArray<{ role: Role; unit: number }>>;
  /** The unit index and sex of each person in post. */
  readonly people: ReadonlyArray<{ unit: number; sex: "F" | "M" | "X" | "U" }>;
}

export const worldSpec: fc.Arbitrary<WorldSpec> = fc
  .integer({ min: 1, max: 8 })
  .chain((extra) =>
    fc.record({
      parents: fc.tuple(...Array.from({ length: extra }, (_, i) => fc.integer({ min: 0, max: i }))),
      users: fc.array(
        fc.array(
          fc.record({ role: fc.constantFrom(...roles), unit: fc.integer({ min: 0, max: extra }) }),
          { minLength: 1, maxLength: 2 },
        ),
        { minLength: 1, maxLength: 4 },
      ),
      people: fc.array(
        fc.record({
          unit: fc.integer({ min: 0, max: extra }),
          sex: fc.constantFrom("F" as const, "M" as const, "X" as const, "U" as const),
        }),
        { maxLength: 12 },
      ),
    }),
  )
  .map((spec) => ({
    ...spec,
    // Every world has a partner-viewer somewhere, so the person-level rule is always exercised.
    users: [...spec.users, [{ role: "partner-viewer" as const, unit: spec.parents.length }]],
  }));

export interface World {
  readonly unitIds: readonly number[];
  readonly paths: readonly string[];
  readonly codes: readonly string[];
  readonly serviceNumbers: ReadonlyArray<{ unit: number; serviceNumber: string }>;
  readonly users: ReadonlyArray<{
    readonly session: TestSession;
    readonly assignments: ReadonlyArray<{ role: Role; unit: number }>;
  }>;
}

const TABLES = [
  "sessions",
  "role_assignments",
  "users",
  "career_spells",
  "career_events",
  "persons",
  "ranks",
  "rank_groups",
  "org_unit_versions",
  "org_units",
];

/** Empties the register and writes the world (ids assigned here, so paths are known up front). */
export async function writeWorld(db: Kysely<DB>, spec: WorldSpec): Promise<World> {
  await sql.raw(`TRUNCATE ${TABLES.join(", ")} RESTART IDENTITY CASCADE`).execute(db);
  const count = spec.parents.length + 1;
  const unitIds = Array.from({ length: count }, (_, i) => i + 1);
  const paths: string[] = ["/1/"];
  spec.parents.forEach((parent, i) => paths.push(`${paths[parent]}${i + 2}/`));
  // '#' never occurs in ids, tokens or dates, so a marker found in a body is the marker.
  const codes = unitIds.map((_, i) => `U#${i}#`);
  await db
    .insertInto("org_units")
    .values(
      unitIds.map((id, i) => ({
        id,
        code: codes[i] ?? "",
        name: `Name of ${codes[i]}`,
        kind: i === 0 ? ("hq" as const) : (orgUnitKinds[1 + (i % 4)] ?? "station"),
        specialisation: null,
        parent_id: i === 0 ? null : (spec.parents[i - 1] ?? 0) + 1,
        path: paths[i] ?? "",
        opened_on: "2000-01-01",
      })),
    )
    .execute();
  const group = await db
    .insertInto("rank_groups")
    .values({ code: "all", name: "All", ordinal: 1 })
    .returning("id")
    .executeTakeFirstOrThrow();
  const rank = await db
    .insertInto("ranks")
    .values({ code: "R", name: "R", ordinal: 1, rank_group_id: group.id })
    .returning("id")
    .executeTakeFirstOrThrow();
  const serviceNumbers = spec.people.map((p, k) => ({
    unit: p.unit,
    serviceNumber: `SN#${p.unit}-${k}#`,
  }));
  for (const [k, person] of spec.people.entries()) {
    const { id } = await db
      .insertInto("persons")
      .values({ service_number: serviceNumbers[k]?.serviceNumber ?? "", sex: person.sex })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("career_spells")
      .values({
        person_id: id,
        valid_from: "2000-01-01",
        valid_to: null,
        rank_id: rank.id,
        org_unit_id: person.unit + 1,
      })
      .execute();
  }
  const users: World["users"][number][] = [];
  for (const [i, assignments] of spec.users.entries()) {
    const { id } = await db
      .insertInto("users")
      .values({ username: `user${i}`, display_name: `User ${i}`, password_hash: "unusable" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const distinct = assignments.filter(
      (a, j) => assignments.findIndex((b) => b.role === a.role && b.unit === a.unit) === j,
    );
    await db
      .insertInto("role_assignments")
      .values(distinct.map((a) => ({ user_id: id, role: a.role, org_unit_id: a.unit + 1 })))
      .execute();
    users.push({ session: await openSession(db, id), assignments: distinct });
  }
  return { unitIds, paths, codes, serviceNumbers, users };
}
