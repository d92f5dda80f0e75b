import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { orgUnitList } from "../../../../core/schemas/org-units";
import { rankScheme } from "../../../../core/schemas/register-config";
import {
  representationTarget,
  publishedTargetProgressList,
  type CreateTargetInput,
  type UpdateTargetInput,
} from "../../../../core/schemas/targets";
import { apiRequest } from "../../../lib/api-client";

const targetsKey = ["targets"] as const;

/** Every target in scope (of `unitId`'s subtree when given) with its status today. */
export function useTargetProgress(unitId: number | null, isEnabled: boolean) {
  return useQuery({
    queryKey: [...targetsKey, "status", unitId],
    queryFn: async ({ signal }) => {
      const query = unitId === null ? "" : `?${new URLSearchParams({ unit: String(unitId) })}`;
      return apiRequest("GET", `/api/targets/status${query}`, {
        schema: publishedTargetProgressList,
        signal,
      });
    },
    enabled: isEnabled,
    placeholderData: keepPreviousData,
  });
}

/** The units a target may be set for (today's tree, in scope). */
export function useTargetUnits() {
  return useQuery({
    queryKey: [...targetsKey, "units"],
    queryFn: async ({ signal }) =>
      (await apiRequest("GET", "/api/org-units", { schema: orgUnitList, signal })).units,
    staleTime: 5 * 60_000,
  });
}

/** The rank groups, most junior first. */
export function useTargetRankGroups() {
  return useQuery({
    queryKey: [...targetsKey, "rank-groups"],
    queryFn: async ({ signal }) =>
      (await apiRequest("GET", "/api/register/ranks", { schema: rankScheme, signal })).groups,
    staleTime: 5 * 60_000,
  });
}

export type TargetAction =
  | { kind: "create"; body: CreateTargetInput }
  | { kind: "update"; id: number; body: UpdateTargetInput }
  | { kind: "delete"; id: number };

/** Any change to a target; the list is read again afterwards. */
export function useTargetAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (action: TargetAction): Promise<unknown> => {
      switch (action.kind) {
        case "create":
          return apiRequest("POST", "/api/targets", {
            body: action.body,
            schema: representationTarget,
          });
        case "update":
          return apiRequest("PATCH", `/api/targets/${action.id}`, {
            body: action.body,
            schema: representationTarget,
          });
        case "delete":
          return apiRequest("DELETE", `/api/targets/${action.id}`);
      }
    },
    onSuccess: () => client.invalidateQueries({ queryKey: targetsKey }),
  });
}
