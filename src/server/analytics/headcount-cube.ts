import type { BulkSession } from "../db/client";

/**
 * The month-end headcount cube (migration 0007, decision 0013) and the post and flow cubes beside it
 * (migration 0013, decision 0015) are kept exact by triggers on every write. A bulk write (demo
 * load, large import) defers them for its transaction and rebuilds them once at the end, which is
 * far cheaper than carrying millions of single changes forward.
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

/** The spells of the persons being rewritten, as the cubes read them (the `cube_spells` view). */
const REWRITTEN_SPELLS = `SELECT c.* FROM cube_spells c JOIN cube_rewrite_persons r ON r.id = c.person_id`;

/**
 * Rewrites the spells of `personIds` with `rewrite` and applies the net change to the cubes
 * (headcount, posts, flows: migrations 0007 and 0013) in one statement each: spells and careers that
 * come back unchanged cancel out, so re-deriving a person whose recent history changed touches only
 * the month-ends and months that changed.
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
  await session.execute(`CREATE TEMP TABLE cube_rewrite_old ON COMMIT DROP AS ${REWRITTEN_SPELLS}`);
  const result = await rewrite();
  await session.execute(`CREATE TEMP TABLE cube_rewrite_new ON COMMIT DROP AS ${REWRITTEN_SPELLS}`);
  const both = (columns: string) =>
    `SELECT ${columns.replace("$sign", "-1")} FROM cube_rewrite_old
     UNION ALL SELECT ${columns.replace("$sign", "1")} FROM cube_rewrite_new`;
  await session.execute(
    "SELECT headcount_cube_apply($1), post_cube_apply($2), flow_cube_apply($3)",
    [
      both("path, rank_id, sex, valid_from, valid_to, $sign"),
      both("path, specialisation, is_leadership, rank_id, sex, valid_from, valid_to, $sign"),
      both("$sign, person_id, sex, path, rank_id, valid_from, valid_to"),
    ],
  );
  await session.execute("DROP TABLE cube_rewrite_old, cube_rewrite_new, cube_rewrite_persons");
  await session.execute("SELECT set_config('tandem.headcount_cube', '', true)");
  return result;
}
