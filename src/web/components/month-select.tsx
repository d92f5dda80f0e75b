import { Select } from "@mantine/core";
import { useFormatters } from "../lib/use-formatters";

interface MonthSelectProps {
  readonly label: string;
  /** The chosen month (`YYYY-MM`), offered even when it is not among `months`. */
  readonly value: string | null;
  readonly months: readonly string[];
  readonly onChange: (month: string | null) => void;
}

/** A month (`YYYY-MM`) chosen from a list, each named in the user's language ("May 2024"). */
export function MonthSelect({ label, value, months, onChange }: MonthSelectProps) {
  const format = useFormatters();
  return (
    <Select
      label={label}
      data={[...new Set([value ?? "", ...months])]
        .filter(Boolean)
        .map((month) => ({ value: month, label: format.month(month) }))}
      value={value}
      onChange={onChange}
      allowDeselect={false}
      maw={260}
    />
  );
}
