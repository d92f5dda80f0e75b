import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  apiTokenCreated,
  apiTokenList,
  type ApiTokenCreate,
} from "../../../../core/schemas/api-tokens";
import { orgUnitList } from "../../../../core/schemas/org-units";
import { apiRequest } from "../../../lib/api-client";

const tokensKey = ["api-tokens"] as const;

export function useApiTokens() {
  return useQuery({
    queryKey: tokensKey,
    queryFn: async ({ signal }) =>
      (await apiRequest("GET", "/api/tokens", { schema: apiTokenList, signal })).tokens,
  });
}

/** The units a token may be scoped to (the same cache as the unit picker). */
export function useTokenUnits() {
  return useQuery({
    queryKey: ["org-units"],
    queryFn: async ({ signal }) =>
      (await apiRequest("GET", "/api/org-units", { schema: orgUnitList, signal })).units,
    staleTime: 5 * 60_000,
  });
}

export function useCreateApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiTokenCreate) =>
      apiRequest("POST", "/api/tokens", { body, schema: apiTokenCreated }),
    onSuccess: () => client.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest("DELETE", `/api/tokens/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: tokensKey }),
  });
}
