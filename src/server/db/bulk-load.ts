import type { BulkSession } from "./client";

/**
 * The standard bulk-load pattern (PostgreSQL manual, "Populating a Database"): drop the secondary
 * indexes and foreign keys of the tables being filled, load, then recreate them. Recreating a
 * foreign key re-validates every row at once, so integrity is checked exactly as a row-by-row load
 * would check it, and a violation aborts the whole transaction. Runs inside `session`'s transaction.
 * `keepIndexes` names indexes the work itself needs to read with (they stay in place).
 * `foreignKeysWithinOnly` keeps foreign keys to other tables: dropping one locks the table it
 * references exclusively, which would stall every reader of, say, `org_units` meanwhile.
 */
export async function withDeferredIndexesAndForeignKeys<T>(
  session: BulkSession,
  tables: readonly string[],
  work: () => Promise<T>,
  options: { keepIndexes?: readonly string[]; foreignKeysWithinOnly?: boolean } = {},
): Promise<T> {
  const foreignKeys = await session.execute(
    `SELECT conname AS name, conrelid::regclass::text AS table_name, pg_get_constraintdef(oid) AS definition
       FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text = ANY($1::text[])
         AND (NOT $2::boolean OR confrelid::regclass::text = ANY($1::text[]))
       ORDER BY conname`,
    [tables, options.foreignKeysWithinOnly ?? false],
  );
  const indexes = await session.execute(
    `SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS definition
       FROM pg_index WHERE indrelid::regclass::text = ANY($1::text[]) AND NOT indisprimary AND NOT indisunique
         AND NOT indexrelid::regclass::text = ANY($2::text[])
       ORDER BY 1`,
    [tables, options.keepIndexes ?? []],
  );
  for (const fk of foreignKeys)
    await session.execute(
      `ALTER TABLE ${String(fk.table_name)} DROP CONSTRAINT ${String(fk.name)}`,
    );
  for (const index of indexes) await session.execute(`DROP INDEX ${String(index.name)}`);
  const result = await work();
  for (const index of indexes) await session.execute(String(index.definition));
  for (const fk of foreignKeys) {
    await session.execute(
      `ALTER TABLE ${String(fk.table_name)} ADD CONSTRAINT ${String(fk.name)} ${String(fk.definition)}`,
    );
  }
  return result;
}
