import type { NumberCell, ValueFormat } from "./report-model";

/** Printed for a number hidden by disclosure control (never a blank). */
export const SUPPRESSED_MARK = "x";
/** Printed for a value that is undefined (its reason is given under the table). */
export const UNDEFINED_MARK = "–";

/**
 * Numbers as the report prints them in `locale` (INDICATORS.md §0: rounding is presentation only,
 * half away from zero): counts whole (an average headcount may keep one decimal), shares and
 * rates as percentages with one decimal, ratios and indices with two decimals, years and
 * percentage points with one.
 */
export function createValueFormatter(
  locale: string,
): (format: ValueFormat, value: number) => string {
  const make = (options: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options);
  const formats: Readonly<Record<ValueFormat, Intl.NumberFormat>> = {
    count: make({ maximumFractionDigits: 1 }),
    share: make({ style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    rate: make({ style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    ratio: make({ minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    index: make({ minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    years: make({ minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    points: make({ minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  };
  return (format, value) => formats[format].format(value);
}

/** A number cell as text: its value, the suppressed mark, or the undefined mark. */
export function formatNumberCell(
  cell: NumberCell,
  format: (format: ValueFormat, value: number) => string,
): string {
  if (cell.value !== null) return format(cell.format, cell.value);
  return cell.suppression !== null ? SUPPRESSED_MARK : UNDEFINED_MARK;
}
