import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { importReport, type ImportReport } from "../../../../core/schemas/import";
import { orgUnit, orgUnitList, type OrgUnitKind } from "../../../../core/schemas/org-units";
import { ApiError, apiRequest } from "../../../lib/api-client";

/** Every unit in the administrator's scope, closed ones included. */
export function useAdminOrgUnits() {
  return useQuery({
    queryKey: ["org-units", "admin"],
    queryFn: async ({ signal }) =>
      (
        await apiRequest("GET", "/api/org-units?includeClosed=true", {
          schema: orgUnitList,
          signal,
        })
      ).units,
  });
}

export type UnitAction =
  | {
      kind: "create";
      body: {
        code: string;
        name: string;
        kind: OrgUnitKind;
        specialisation: string | null;
        parentId: number;
        openedOn?: string;
      };
    }
  | { kind: "update"; id: number; body: { name: string; code: string; effectiveOn?: string } }
  | { kind: "move"; id: number; body: { parentId: number; effectiveOn?: string } }
  | { kind: "close"; id: number; body: { closedOn?: string } };

/** Create, rename, move or close a unit; the trees everywhere are refreshed afterwards. */
export function useUnitAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: UnitAction) => {
      const options = { body: action.body, schema: orgUnit };
      switch (action.kind) {
        case "create":
          return apiRequest("POST", "/api/org-units", options);
        case "update":
          return apiRequest("PATCH", `/api/org-units/${action.id}`, options);
        case "move":
          return apiRequest("POST", `/api/org-units/${action.id}/move`, options);
        case "close":
          return apiRequest("POST", `/api/org-units/${action.id}/close`, options);
      }
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ["org-units"] }),
  });
}

/** Uploads a tree file; a refused file resolves to its report too (status 422). */
export function useImportOrgUnits() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { file: File; isDryRun: boolean }): Promise<ImportReport> => {
      const body = new Blob([await input.file.arrayBuffer()], { type: "text/csv" });
      try {
        return await apiRequest("POST", `/api/org-units/import?dryRun=${input.isDryRun}`, {
          body,
          schema: importReport,
        });
      } catch (error) {
        if (error instanceof ApiError && error.status === 422) {
          const parsed = importReport.safeParse(
            (error.body as { report?: unknown } | null)?.report,
          );
          if (parsed.success) return parsed.data;
        }
        throw error;
      }
    },
    onSuccess: (report) => {
      if (report.outcome === "imported") void client.invalidateQueries({ queryKey: ["org-units"] });
    },
  });
}
