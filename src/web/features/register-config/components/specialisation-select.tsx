import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { roleSpecialisations } from "../../../../core/schemas/register-config";

const NONE = "none";

/** A role's specialisation from the closed list, or none; a value outside the list is shown as is. */
export function SpecialisationSelect(props: {
  readonly label: string;
  readonly isLabelHidden?: boolean;
  readonly value: string | null;
  readonly onChange: (value: string | null) => void;
}) {
  const { t } = useTranslation();
  const known: readonly string[] = roleSpecialisations;
  const options = [
    { value: NONE, label: t("web.registerConfig.specialisation.none") },
    ...roleSpecialisations.map((s) => ({
      value: s,
      label: t(`web.registerConfig.specialisation.${s}`),
    })),
    ...(props.value !== null && !known.includes(props.value)
      ? [{ value: props.value, label: props.value }]
      : []),
  ];
  return (
    <Select
      {...(props.isLabelHidden ? { "aria-label": props.label } : { label: props.label })}
      size={props.isLabelHidden ? "xs" : "sm"}
      data={options}
      value={props.value ?? NONE}
      onChange={(v) => props.onChange(v === null || v === NONE ? null : v)}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
