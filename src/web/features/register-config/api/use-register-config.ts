import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  jobRole,
  jobRoleList,
  rank,
  rankGroup,
  rankScheme,
  type CreateJobRoleInput,
  type CreateRankGroupInput,
  type CreateRankInput,
  type UpdateJobRoleInput,
  type UpdateRankGroupInput,
  type UpdateRankInput,
} from "../../../../core/schemas/register-config";
import { apiRequest } from "../../../lib/api-client";

const schemeKey = ["register", "ranks"] as const;
const rolesKey = ["register", "roles"] as const;

/** Rank groups with their ranks, most junior first. */
export function useRankScheme() {
  return useQuery({
    queryKey: schemeKey,
    queryFn: async ({ signal }) =>
      (await apiRequest("GET", "/api/register/ranks", { schema: rankScheme, signal })).groups,
  });
}

export function useJobRoles() {
  return useQuery({
    queryKey: rolesKey,
    queryFn: async ({ signal }) =>
      (await apiRequest("GET", "/api/register/roles", { schema: jobRoleList, signal })).roles,
  });
}

export type RankAction =
  | { kind: "createGroup"; body: CreateRankGroupInput }
  | { kind: "updateGroup"; id: number; body: UpdateRankGroupInput }
  | { kind: "createRank"; body: CreateRankInput }
  | { kind: "updateRank"; id: number; body: UpdateRankInput }
  | { kind: "reorder"; rankIds: number[] };

/** Any change to the rank scheme; the scheme is read again afterwards. */
export function useRankAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (action: RankAction): Promise<unknown> => {
      switch (action.kind) {
        case "createGroup":
          return apiRequest("POST", "/api/register/rank-groups", {
            body: action.body,
            schema: rankGroup,
          });
        case "updateGroup":
          return apiRequest("PATCH", `/api/register/rank-groups/${action.id}`, {
            body: action.body,
            schema: rankGroup,
          });
        case "createRank":
          return apiRequest("POST", "/api/register/ranks", { body: action.body, schema: rank });
        case "updateRank":
          return apiRequest("PATCH", `/api/register/ranks/${action.id}`, {
            body: action.body,
            schema: rank,
          });
        case "reorder": {
          const scheme = await apiRequest("POST", "/api/register/ranks/reorder", {
            body: { rankIds: action.rankIds },
            schema: rankScheme,
          });
          client.setQueryData(schemeKey, scheme.groups);
          return scheme;
        }
      }
    },
    onSuccess: () => client.invalidateQueries({ queryKey: schemeKey }),
  });
}

export type RoleAction =
  | { kind: "create"; body: CreateJobRoleInput }
  | { kind: "update"; id: number; body: UpdateJobRoleInput };

export function useRoleAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: RoleAction) =>
      action.kind === "create"
        ? apiRequest("POST", "/api/register/roles", { body: action.body, schema: jobRole })
        : apiRequest("PATCH", `/api/register/roles/${action.id}`, {
            body: action.body,
            schema: jobRole,
          }),
    onSuccess: () => client.invalidateQueries({ queryKey: rolesKey }),
  });
}
