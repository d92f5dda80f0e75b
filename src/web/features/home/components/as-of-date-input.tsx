import { TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";

interface AsOfDateInputProps {
  readonly value: string;
  readonly onChange: (isoDate: string | null) => void;
}

const isIsoDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The as-of date (native date input); clearing it goes back to today. */
export function AsOfDateInput({ value, onChange }: AsOfDateInputProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      type="date"
      label={t("web.home.asOf.label")}
      value={value}
      onChange={(event) => {
        const next = event.currentTarget.value;
        if (next === "") onChange(null);
        else if (isIsoDate(next)) onChange(next);
      }}
      w={{ base: "100%", xs: 200 }}
    />
  );
}
