import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { StakeholderType } from "../../../../core/community/vocabulary";
import { orgUnitList } from "../../../../core/schemas/org-units";
import {
  stakeholder,
  stakeholderList,
  type CreateStakeholderInput,
  type UpdateStakeholderInput,
} from "../../../../core/schemas/stakeholders";
import { apiRequest } from "../../../lib/api-client";

const stakeholdersKey = ["stakeholders"] as const;

export interface StakeholderFilters {
  readonly unit: number | null;
  readonly q: string;
  readonly type: StakeholderType | null;
  /** False shows inactive organisations too. */
  readonly isActiveOnly: boolean;
}

/** Query string of `GET /api/stakeholders` for the directory's filters. */
export function toStakeholderQuery(filters: StakeholderFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.unit !== null) query.set("unit", String(filters.unit));
  const q = filters.q.trim();
  if (q) query.set("q", q.slice(0, 100));
  if (filters.type) query.set("type", filters.type);
  if (filters.isActiveOnly) query.set("active", "true");
  return query;
}

/** The organisations serving the chosen area, by name. */
export function useStakeholders(filters: StakeholderFilters, isEnabled: boolean) {
  return useQuery({
    queryKey: [...stakeholdersKey, "list", filters],
    queryFn: async ({ signal }) => {
      const query = toStakeholderQuery(filters).toString();
      return (
        await apiRequest("GET", `/api/stakeholders${query ? `?${query}` : ""}`, {
          schema: stakeholderList,
          signal,
        })
      ).stakeholders;
    },
    enabled: isEnabled,
    placeholderData: keepPreviousData,
  });
}

/** The open units a stakeholder may cover (in the caller's scope). */
export function useCoverageUnits() {
  return useQuery({
    queryKey: [...stakeholdersKey, "units"],
    queryFn: async ({ signal }) =>
      (await apiRequest("GET", "/api/org-units", { schema: orgUnitList, signal })).units.filter(
        (unit) => unit.closedOn === null,
      ),
    staleTime: 5 * 60_000,
  });
}

export type StakeholderSave =
  | { readonly kind: "create"; readonly body: CreateStakeholderInput }
  | { readonly kind: "update"; readonly id: number; readonly body: UpdateStakeholderInput };

/** Adds an organisation or changes one (deactivating is a change: nothing is deleted). */
export function useSaveStakeholder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (save: StakeholderSave) =>
      save.kind === "create"
        ? apiRequest("POST", "/api/stakeholders", { body: save.body, schema: stakeholder })
        : apiRequest("PATCH", `/api/stakeholders/${save.id}`, {
            body: save.body,
            schema: stakeholder,
          }),
    onSuccess: () => client.invalidateQueries({ queryKey: stakeholdersKey }),
  });
}
