/** fast-check arbitraries of count tables for the disclosure-control tests (src/core/sdc). */
import fc from "fast-check";
import {
  createCountList,
  createCountTable,
  type CountRowInput,
  type CountTable,
} from "../src/core/sdc/count-table";

/** Counts as small tables have them: many zeros and counts below 5, some larger. */
export function countArbitrary(max = 30): fc.Arbitrary<number> {
  return fc.oneof(
    { arbitrary: fc.constant(0), weight: 3 },
    { arbitrary: fc.integer({ min: 1, max: 4 }), weight: 4 },
    { arbitrary: fc.integer({ min: 5, max: Math.max(5, max) }), weight: 4 },
  );
}

function leafRows(rows: number, columns: number, count: fc.Arbitrary<number>) {
  return fc.array(fc.array(count, { minLength: columns, maxLength: columns }), {
    minLength: rows,
    maxLength: rows,
  });
}

export function flatTableArbitrary(
  limits: { maxRows: number; maxColumns: number; maxCount?: number } = {
    maxRows: 8,
    maxColumns: 6,
  },
): fc.Arbitrary<CountTable> {
  return fc
    .tuple(
      fc.integer({ min: 1, max: limits.maxRows }),
      fc.integer({ min: 1, max: limits.maxColumns }),
    )
    .chain(([rows, columns]) => leafRows(rows, columns, countArbitrary(limits.maxCount)))
    .map((counts) =>
      createCountTable({
        columns: (counts[0] ?? []).map((_, column) => `c${column}`),
        rows: counts.map((row, index) => ({ key: `r${index}`, counts: row })),
      }),
    );
}

/** Rows under up to three parent rows, parents possibly nested (linked tables, §8.4). */
export function hierarchicalTableArbitrary(
  limits: { maxLeaves: number; maxColumns: number; maxCount?: number } = {
    maxLeaves: 8,
    maxColumns: 5,
  },
): fc.Arbitrary<CountTable> {
  return fc
    .record({
      leaves: fc.integer({ min: 1, max: limits.maxLeaves }),
      columns: fc.integer({ min: 1, max: limits.maxColumns }),
      parents: fc.integer({ min: 1, max: 3 }),
    })
    .chain(({ leaves, columns, parents }) =>
      fc.record({
        counts: leafRows(leaves, columns, countArbitrary(limits.maxCount)),
        leafParents: fc.array(fc.integer({ min: -1, max: parents - 1 }), {
          minLength: leaves,
          maxLength: leaves,
        }),
        parentParents: fc.array(fc.integer({ min: -1, max: parents - 1 }), {
          minLength: parents,
          maxLength: parents,
        }),
      }),
    )
    .map(({ counts, leafParents, parentParents }) => {
      const parentKey = (index: number) => (index < 0 ? undefined : `p${index}`);
      const groups: CountRowInput[] = parentParents.map((parent, index) => ({
        key: `p${index}`,
        parent: parent < index ? parentKey(parent) : undefined,
      }));
      const leaves: CountRowInput[] = counts.map((row, index) => ({
        key: `r${index}`,
        parent: parentKey(leafParents[index] ?? -1),
        counts: row,
      }));
      return createCountTable({
        columns: (counts[0] ?? []).map((_, column) => `c${column}`),
        rows: withoutEmptyGroups([...groups, ...leaves]),
      });
    });
}

/** Drops parent rows left without children (repeatedly: a parent of only empty parents is empty). */
function withoutEmptyGroups(rows: CountRowInput[]): CountRowInput[] {
  const kept = rows.filter(
    (row) => row.counts !== undefined || rows.some((other) => other.parent === row.key),
  );
  if (kept.length === rows.length) return rows;
  const keys = new Set(kept.map((row) => row.key));
  return withoutEmptyGroups(
    kept.map((row) =>
      row.parent !== undefined && !keys.has(row.parent) ? { ...row, parent: undefined } : row,
    ),
  );
}

export function listArbitrary(maxColumns = 6, maxCount = 30): fc.Arbitrary<CountTable> {
  return fc
    .array(countArbitrary(maxCount), { minLength: 1, maxLength: maxColumns })
    .map((counts) => createCountList({ columns: counts.map((_, column) => `c${column}`), counts }));
}

/** Flat, hierarchical and one-dimensional tables up to 8 × 6. */
export function anyTableArbitrary(): fc.Arbitrary<CountTable> {
  return fc.oneof(
    { arbitrary: flatTableArbitrary(), weight: 3 },
    { arbitrary: hierarchicalTableArbitrary(), weight: 2 },
    { arbitrary: listArbitrary(), weight: 1 },
  );
}
