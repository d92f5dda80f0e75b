import type { Sex } from "../schemas/sex";
import type { ShareReason, ShareResult } from "../stats/share";
import type { ProtectedCell, ProtectedLine, ProtectedTable } from "./suppress";

/** A value computed from table cells, withheld when one of them is suppressed (§8.3). */
export type ProtectedValue<T> =
  | { readonly value: T; readonly suppression: null }
  | {
      readonly value: null;
      readonly suppression: "derived";
      readonly messageKey: "sdc.suppressed_derived";
    };

const withheld = {
  value: null,
  suppression: "derived",
  messageKey: "sdc.suppressed_derived",
} as const;

function isPublished(cell: ProtectedCell): boolean {
  return cell.suppression === null;
}

/**
 * A rate, ratio or percentage computed from `inputs` (its numerator and denominator cells), withheld
 * when any of them is suppressed: a share with a published denominator reveals its numerator.
 */
export function protectDerivedValue<T>(
  value: T,
  inputs: readonly ProtectedCell[],
): ProtectedValue<T> {
  return inputs.every(isPublished) ? { value, suppression: null } : withheld;
}

/** `ShareResult` after disclosure control: each figure is null when its inputs are not all published. */
export interface ProtectedShareResult {
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly counts: {
    readonly F: number | null;
    readonly M: number | null;
    readonly X: number | null;
    readonly U: number | null;
    readonly N: number | null;
  };
  readonly unknownShare: number | null;
  readonly bounds: { readonly low: number; readonly high: number } | null;
  /** Null when U or N is suppressed. */
  readonly isUnknownSexHigh: boolean | null;
  /** The share's confidence interval when it was asked for; null when the share is withheld. */
  readonly ci?: ShareResult["ci"];
  /** `suppressed` when the share itself is withheld (explained by `messageKey`). */
  readonly reason?: ShareReason | "suppressed";
  readonly messageKey?: "sdc.suppressed_derived";
}

/**
 * Applies §8.3 to a share of women computed from one line (a row or the total row) of a protected
 * table whose columns include F, M, X and U (the line total is N). The share F / (F + M + X) is shown
 * only when F and the known-sex count are both published or derivable from published cells: F + M + X
 * directly, or N − U. Unknown share, bounds and the unknown-sex flag follow the same rule.
 */
export function protectShareOfWomen(
  share: ShareResult,
  table: ProtectedTable,
  line: ProtectedLine,
): ProtectedShareResult {
  const cellOf = (sex: Sex) => {
    const cell = line.cells[table.columns.indexOf(sex)];
    if (!cell) throw new Error(`the table has no column ${sex}`);
    return cell;
  };
  const [F, M, X, U] = [cellOf("F"), cellOf("M"), cellOf("X"), cellOf("U")];
  const N = line.total;
  const shown = (...cells: ProtectedCell[]) => cells.every(isPublished);
  const isKnownShown = shown(F, M, X) || shown(N, U);
  const isShareShown = shown(F) && isKnownShown;
  const isUnknownShown = shown(U, N);
  return {
    value: isShareShown ? share.value : null,
    numerator: F.value,
    denominator: isKnownShown ? share.denominator : null,
    counts: { F: F.value, M: M.value, X: X.value, U: U.value, N: N.value },
    unknownShare: isUnknownShown ? share.unknownShare : null,
    bounds: shown(F, U, N) ? share.bounds : null,
    isUnknownSexHigh: isUnknownShown ? share.isUnknownSexHigh : null,
    ...(share.ci !== undefined && { ci: isShareShown ? share.ci : null }),
    ...(isShareShown
      ? share.reason && { reason: share.reason }
      : { reason: "suppressed" as const, messageKey: withheld.messageKey }),
  };
}
