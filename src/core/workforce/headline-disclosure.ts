import type { HeadlineResponse } from "../schemas/workforce";
import { createCountList, createCountTable } from "../sdc/count-table";
import { protectShareOfWomen } from "../sdc/derived";
import {
  suppress,
  type ProtectedCell,
  type ProtectedLine,
  type ProtectedTable,
} from "../sdc/suppress";
import type { ShareResult } from "../stats/share";
import type { HeadlineNumbers } from "./headline";

const COLUMNS = ["F", "M", "X", "U"] as const;

type PublishedShare = HeadlineResponse["total"];
type HiddenCountMark = NonNullable<PublishedShare["countMarks"]>["F"];

export type ProtectedHeadlineNumbers = Pick<
  HeadlineResponse,
  "total" | "byRankGroup" | "disclosure"
>;

function markOf(cell: ProtectedCell | undefined): HiddenCountMark {
  if (!cell) throw new Error("the headline table has no such cell");
  return cell.suppression === null
    ? null
    : { suppression: cell.suppression, messageKey: cell.messageKey };
}

function protectShare(
  share: ShareResult,
  table: ProtectedTable,
  line: ProtectedLine,
): PublishedShare {
  const published = protectShareOfWomen(share, table, line);
  const [F, M, X, U] = line.cells;
  return {
    ...published,
    countMarks: { F: markOf(F), M: markOf(M), X: markOf(X), U: markOf(U), N: markOf(line.total) },
    ...(published.reason === "suppressed" && { suppression: "derived" as const }),
  };
}

/**
 * The headline as it may leave the trusted circle (INDICATORS.md §8): the rank groups × (F, M, X, U)
 * table with its totals is suppressed with threshold `k` (primary and complementary cells, the
 * total row included), each share is withheld when it would reveal a hidden count, and every hidden
 * figure is marked. With no rank group configured the table is the total line alone.
 */
export function protectHeadline(numbers: HeadlineNumbers, k: number): ProtectedHeadlineNumbers {
  const countsOf = (share: ShareResult) => COLUMNS.map((sex) => share.counts[sex]);
  const table = suppress(
    numbers.byRankGroup.length > 0
      ? createCountTable({
          columns: COLUMNS,
          rows: numbers.byRankGroup.map((group) => ({
            key: group.code,
            counts: countsOf(group.share),
          })),
        })
      : createCountList({ columns: COLUMNS, counts: countsOf(numbers.total) }),
    { k },
  );
  return {
    total: protectShare(numbers.total, table, table.totalRow),
    byRankGroup: numbers.byRankGroup.map((group, index) => {
      const line = table.rows[index];
      if (!line) throw new Error(`the headline table has no row for ${group.code}`);
      return { ...group, share: protectShare(group.share, table, line) };
    }),
    disclosure: {
      k: table.disclosure.k,
      protectionLevel: table.disclosure.protectionLevel,
      suppressedCells: table.disclosure.primaryCount + table.disclosure.complementaryCount,
      messageKey: table.disclosure.messageKey,
    },
  };
}
