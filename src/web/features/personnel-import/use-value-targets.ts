import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { PersonnelReferenceValues } from "../../../core/schemas/personnel-import";
import { sexes } from "../../../core/schemas/sex";
import { careerEventTypes } from "../../../core/schemas/workforce-events";
import { reasonCodes, type ValueMapField } from "./value-maps";

export interface TargetOption {
  readonly value: string;
  readonly label: string;
}

/** An entry of the register by its name, with the code a translation stores. */
const named = ({ code, name }: { code: string; name: string }): TargetOption => ({
  value: code,
  label: name === code ? code : `${name} (${code})`,
});

/**
 * What each field's values can be translated to, labelled in the user's language: ranks, units
 * and roles from the register (empty until `reference` has loaded), sexes, event types, reasons.
 */
export function useValueTargets(reference: PersonnelReferenceValues | undefined) {
  const { t } = useTranslation();
  return useMemo(() => {
    const options: Readonly<Record<ValueMapField, readonly TargetOption[]>> = {
      sex: sexes.map((sex) => ({ value: sex, label: `${t(`web.sex.${sex}`)} (${sex})` })),
      rank: reference?.ranks.map(named) ?? [],
      unit: reference?.units.map(named) ?? [],
      role: reference?.roles.map(named) ?? [],
      event_type: careerEventTypes.map((type) => ({
        value: type,
        label: t(`web.personnelImport.eventType.${type}`),
      })),
      reason: reasonCodes.map((reason) => ({
        value: reason,
        label: t(`web.personnelImport.valueMaps.reasons.${reason}`),
      })),
    };
    return {
      options,
      /** The label of a target; its code when the register no longer has it. */
      labelOf: (field: ValueMapField, value: string) =>
        options[field].find((option) => option.value === value)?.label ?? value,
    };
  }, [reference, t]);
}
