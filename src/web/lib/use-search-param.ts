import { useCallback } from "react";
import { useSearchParams } from "react-router";

type SetParam = (value: string | null, options?: { replace?: boolean }) => void;

/** One query-string parameter as state, so that a view can be bookmarked and shared. */
export function useSearchParam(name: string): [string | null, SetParam] {
  const [params, setParams] = useSearchParams();
  const set = useCallback<SetParam>(
    (value, options) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (value === null || value === "") next.delete(name);
          else next.set(name, value);
          return next;
        },
        { replace: options?.replace ?? false },
      );
    },
    [name, setParams],
  );
  return [params.get(name), set];
}

/** The org unit chosen in the URL (`?unit=ID`); null means the user's own top unit. */
export function useUnitParam(): [number | null, (unitId: number) => void] {
  const [raw, setRaw] = useSearchParam("unit");
  const parsed = raw === null ? NaN : Number(raw);
  const unitId = Number.isInteger(parsed) && parsed > 0 ? parsed : null;
  const setUnit = useCallback((id: number) => setRaw(String(id)), [setRaw]);
  return [unitId, setUnit];
}
