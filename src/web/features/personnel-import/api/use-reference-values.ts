import { useQuery } from "@tanstack/react-query";
import { personnelReferenceValues } from "../../../../core/schemas/personnel-import";
import { apiRequest } from "../../../lib/api-client";

/**
 * The ranks, roles and in-scope units a file's values can be translated to. Asked for only while
 * something needs them (`isEnabled`); the register's lists change rarely, so one read per visit.
 */
export function useReferenceValues(isEnabled: boolean) {
  return useQuery({
    queryKey: ["personnel-import", "reference"],
    queryFn: ({ signal }) =>
      apiRequest("GET", "/api/imports/personnel/reference", {
        schema: personnelReferenceValues,
        signal,
      }),
    enabled: isEnabled,
    staleTime: 5 * 60_000,
  });
}
