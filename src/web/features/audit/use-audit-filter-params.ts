import { useCallback } from "react";
import { useSearchParams } from "react-router";
import { useUnitParam } from "../../lib/use-search-param";
import type { AuditFilterValues } from "./audit-filters";

type EditableFilters = Omit<AuditFilterValues, "unit">;
const keys = ["user", "action", "from", "to"] as const;

/** The audit filters in the page URL (the unit is the header's `?unit`); `apply` sets them at once. */
export function useAuditFilterParams(): [AuditFilterValues, (next: EditableFilters) => void] {
  const [params, setParams] = useSearchParams();
  const [unit] = useUnitParam();
  const apply = useCallback(
    (next: EditableFilters) => {
      setParams((previous) => {
        const updated = new URLSearchParams(previous);
        for (const key of keys) {
          const value = next[key]?.trim();
          if (value) updated.set(key, value);
          else updated.delete(key);
        }
        return updated;
      });
    },
    [setParams],
  );
  return [
    {
      user: params.get("user"),
      unit,
      action: params.get("action"),
      from: params.get("from"),
      to: params.get("to"),
    },
    apply,
  ];
}
