import type { DisclosureRule } from "../../../core/indicators/registry";
import type { IndicatorCell, IndicatorResult } from "../../../core/schemas/indicators";
import { sexes, type Sex } from "../../../core/schemas/sex";
import { createCountTable } from "../../../core/sdc/count-table";
import { suppress, type ProtectedCell, type ProtectedLine } from "../../../core/sdc/suppress";

type Key = Sex | "N";
const KEYS: readonly Key[] = [...sexes, "N"];
type Mark = "primary" | "complementary" | "derived";

/** A published count, or a hidden one with the reason it is hidden. */
interface Shown {
  readonly value: number | null;
  readonly mark: Mark | null;
}
type Line = Readonly<Record<Key, Shown>>;

function fromTable(line: ProtectedLine): Line {
  const shown = (cell: ProtectedCell | undefined): Shown =>
    cell === undefined
      ? { value: null, mark: "derived" }
      : { value: cell.value, mark: cell.suppression };
  return {
    F: shown(line.cells[0]),
    M: shown(line.cells[1]),
    X: shown(line.cells[2]),
    U: shown(line.cells[3]),
    N: shown(line.total),
  };
}

/** A sum of lines that is not a table cell: published only when every addend is. */
function sumLines(lines: readonly Line[]): Line {
  const sum = (key: Key): Shown =>
    lines.every((line) => line[key].value !== null)
      ? { value: lines.reduce((acc, line) => acc + (line[key].value ?? 0), 0), mark: null }
      : { value: null, mark: "derived" };
  return { F: sum("F"), M: sum("M"), X: sum("X"), U: sum("U"), N: sum("N") };
}

/**
 * Whether a value computed from parts (INDICATORS.md §8.3) can be read from published cells: every
 * numerator part is published, and the denominator either from its own parts or as the line total
 * less the other parts.
 */
function isDerivable(
  total: Shown,
  parts: Readonly<Record<string, Shown>>,
  rule: NonNullable<DisclosureRule["valueFrom"]>,
): boolean {
  const isKnown = (names: readonly string[]) => names.every((n) => parts[n]?.value != null);
  const others = Object.keys(parts).filter((n) => !rule.denominator.includes(n));
  return (
    isKnown(rule.numerator) &&
    (isKnown(rule.denominator) || (total.value !== null && isKnown(others)))
  );
}

const WITHHELD = {
  value: null,
  numerator: null,
  denominator: null,
  reason: "sdc.suppressed_derived",
  suppression: "derived" as const,
};

function protectCell(
  cell: IndicatorCell,
  line: Line,
  parts: Readonly<Record<string, Line>>,
  rule: NonNullable<DisclosureRule["valueFrom"]>,
): IndicatorCell {
  const partsAt = (key: Key) =>
    Object.fromEntries(Object.entries(parts).map(([name, partLine]) => [name, partLine[key]]));
  const isValueShown = isDerivable(line.N, partsAt("N"), rule);
  const isShownFor = (sex: Sex) => isDerivable(line[sex], partsAt(sex), rule);
  const marks = [line, ...Object.values(parts)].flatMap((l) => KEYS.map((key) => l[key].mark));
  const suppression: Mark | null = marks.includes("primary")
    ? "primary"
    : marks.includes("complementary")
      ? "complementary"
      : marks.includes("derived") || !isValueShown
        ? "derived"
        : null;
  const values = (l: Line) =>
    Object.fromEntries(KEYS.map((key) => [key, l[key].value])) as Record<Key, number | null>;
  const details = cell.details ?? {};
  const isDifferenceShown = isShownFor("F") && isShownFor("M");
  return {
    ...cell,
    counts: values(line),
    countMarks: Object.fromEntries(KEYS.map((key) => [key, line[key].mark])),
    parts: Object.fromEntries(Object.entries(parts).map(([name, l]) => [name, values(l)])),
    ...(cell.bySex && {
      bySex: Object.fromEntries(
        sexes.flatMap((sex) => {
          const entry = cell.bySex?.[sex];
          return entry === undefined ? [] : [[sex, isShownFor(sex) ? entry : WITHHELD]];
        }),
      ),
    }),
    ...(isValueShown
      ? {
          details: {
            ...details,
            ...("openIssues" in details && { openIssues: parts.open?.N.value ?? null }),
            ...("differenceFM" in details && !isDifferenceShown && { differenceFM: null }),
          },
        }
      : {
          value: null,
          numerator: null,
          denominator: null,
          reason: "sdc.suppressed_derived",
          ci: cell.ci === undefined ? undefined : null,
          details: {},
        }),
    suppression,
  };
}

/**
 * Disclosure control of a community result whose value is computed from parts of its counts (a
 * proportion's yes / no / excluded, the median's resolved / open): one table with a parent row per
 * result row, a child row per part, columns F, M, X, U, every total (INDICATORS.md §8, §8.4); a
 * value, a sex's value or the F − M difference is published only when it can be read from published
 * cells. The total of a broken-down result takes each part as the sum of the rows' parts, published
 * only when every addend is.
 */
export function protectPartsResult(
  result: IndicatorResult,
  rule: NonNullable<DisclosureRule["valueFrom"]>,
  k: number,
): IndicatorResult {
  const cells = result.rows.length > 0 ? result.rows : [result.total];
  const partNames = Object.keys(result.total.parts ?? {});
  const counts = (cell: IndicatorCell, part: string) =>
    sexes.map((sex) => cell.parts?.[part]?.[sex] ?? 0);
  const table = suppress(
    createCountTable({
      columns: sexes,
      rows: cells.flatMap((cell, index) => [
        { key: `${index}` },
        ...partNames.map((part) => ({
          key: `${index}:${part}`,
          parent: `${index}`,
          counts: counts(cell, part),
        })),
      ]),
    }),
    { k },
  );
  const lineByKey = new Map(table.rows.map((row) => [row.key, fromTable(row)]));
  const partsOf = (index: number) =>
    Object.fromEntries(
      partNames.map((part) => [part, lineByKey.get(`${index}:${part}`) ?? sumLines([])]),
    );
  const rows = result.rows.map((row, index) =>
    protectCell(row, lineByKey.get(`${index}`) ?? sumLines([]), partsOf(index), rule),
  );
  const totalParts =
    result.rows.length > 0
      ? Object.fromEntries(
          partNames.map((part) => [
            part,
            sumLines(result.rows.map((_, index) => partsOf(index)[part] ?? sumLines([]))),
          ]),
        )
      : partsOf(0);
  return {
    ...result,
    total: protectCell(result.total, fromTable(table.totalRow), totalParts, rule),
    rows,
    disclosure: {
      k: table.disclosure.k,
      protectionLevel: table.disclosure.protectionLevel,
      suppressedCells: table.disclosure.primaryCount + table.disclosure.complementaryCount,
      messageKey: table.disclosure.messageKey,
    },
  };
}
