import type { BulkSession } from "../db/client";

/**
 * The month-end headcount cube (migration 0007, decision 0013) is kept exact by triggers on every
 * write. A bulk write (demo load, large import) defers them for its transaction and rebuilds the
 * cube once at the end, which is far cheaper than carrying millions of single changes forward.
 */
export async function withHeadcountCubeDeferred<T>(
  session: BulkSession,
  work: () => Promise<T>,
): Promise<T> {
  if (await isHeadcountCubeDeferred(session)) return work();
  await session.execute("SELECT set_config('tandem.headcount_cube', 'deferred', true)");
  const result = await work();
  await session.execute("SELECT set_config('tandem.headcount_cube', '', true)");
  await session.execute("SELECT headcount_cube_rebuild()");
  return result;
}

export async function isHeadcountCubeDeferred(session: BulkSession): Promise<boolean> {
  const [row] = await session.execute("SELECT headcount_cube_is_deferred() AS deferred");
  return row?.deferred === true;
}

/**
 * Rewrites the spells of `personIds` with `rewrite` and applies the net change to the cube in one
 * statement: spells that come back unchanged cancel out, so re-deriving a person whose recent
 * history changed touches only the month-ends that changed.
 */
export async function withNettedSpellRewrite<T>(
  session: BulkSession,
  personIds: readonly number[],
  rewrite: () => Promise<T>,
): Promise<T> {
  if (await isHeadcountCubeDeferred(session)) return rewrite();
  await session.execute("SELECT set_config('tandem.headcount_cube', 'deferred', true)");
  await session.execute(
    `CREATE TEMP TABLE cube_rewrite_persons ON COMMIT DROP AS
       SELECT DISTINCT unnest($1::bigint[]) AS id`,
    [personIds],
  );
  await session.execute(
    `CREATE TEMP TABLE cube_rewrite_old ON COMMIT DROP AS
       SELECT u.path, s.rank_id, p.sex, s.valid_from, s.valid_to
         FROM career_spells s
         JOIN cube_rewrite_persons r ON r.id = s.person_id
         JOIN persons p ON p.id = s.person_id
         JOIN org_units u ON u.id = s.org_unit_id`,
  );
  const result = await rewrite();
  await session.execute(
    `SELECT headcount_cube_apply(
       'SELECT path, rank_id, sex, valid_from, valid_to, -1 FROM cube_rewrite_old
        UNION ALL
        SELECT u.path, s.rank_id, p.sex, s.valid_from, s.valid_to, 1
          FROM career_spells s
          JOIN cube_rewrite_persons r ON r.id = s.person_id
          JOIN persons p ON p.id = s.person_id
          JOIN org_units u ON u.id = s.org_unit_id')`,
  );
  await session.execute("DROP TABLE cube_rewrite_old, cube_rewrite_persons");
  await session.execute("SELECT set_config('tandem.headcount_cube', '', true)");
  return result;
}
