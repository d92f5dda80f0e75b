import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { taxonomyList, type TaxonomyKind } from "../../../../core/schemas/community-config";
import { orgUnitList } from "../../../../core/schemas/org-units";
import {
  outreachSession,
  outreachSessionPage,
  type CreateOutreachSessionInput,
  type UpdateOutreachSessionInput,
} from "../../../../core/schemas/outreach";
import { stakeholderList } from "../../../../core/schemas/stakeholders";
import { apiRequest } from "../../../lib/api-client";

const outreachKey = ["outreach"] as const;

/** The list's filters as the API takes them (absent = no filter). */
export interface SessionFilters {
  readonly unit: number | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly topic: number | null;
  readonly page: number;
}

/** Query string of `GET /api/outreach/sessions`. */
export function toSessionQuery(filters: SessionFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.unit !== null) query.set("unit", String(filters.unit));
  if (filters.from) query.set("from", filters.from);
  if (filters.to) query.set("to", filters.to);
  if (filters.topic !== null) query.set("topic", String(filters.topic));
  if (filters.page > 1) query.set("page", String(filters.page));
  return query;
}

/** One page of sessions in the caller's subtree, most recent first. */
export function useOutreachSessions(filters: SessionFilters) {
  return useQuery({
    queryKey: [...outreachKey, "list", filters],
    queryFn: ({ signal }) => {
      const query = toSessionQuery(filters).toString();
      return apiRequest("GET", `/api/outreach/sessions${query ? `?${query}` : ""}`, {
        schema: outreachSessionPage,
        signal,
      });
    },
    placeholderData: keepPreviousData,
  });
}

/** One session with its cells, partners and the issues raised in it. */
export function useOutreachSession(id: number | null) {
  return useQuery({
    queryKey: [...outreachKey, "session", id],
    queryFn: ({ signal }) =>
      apiRequest("GET", `/api/outreach/sessions/${id}`, { schema: outreachSession, signal }),
    enabled: id !== null,
  });
}

export type SessionSave =
  | { readonly kind: "create"; readonly body: CreateOutreachSessionInput }
  | { readonly kind: "update"; readonly id: number; readonly body: UpdateOutreachSessionInput };

/** Records a session (with its problems, all or nothing) or changes one. */
export function useSaveOutreachSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (save: SessionSave) =>
      save.kind === "create"
        ? apiRequest("POST", "/api/outreach/sessions", { body: save.body, schema: outreachSession })
        : apiRequest("PATCH", `/api/outreach/sessions/${save.id}`, {
            body: save.body,
            schema: outreachSession,
          }),
    onSuccess: (session) => {
      client.setQueryData([...outreachKey, "session", session.id], session);
      return client.invalidateQueries({ queryKey: [...outreachKey, "list"] });
    },
  });
}

/** Outreach topics or issue categories (the active ones are offered; all are named). */
export function useTaxonomy(kind: TaxonomyKind) {
  return useQuery({
    queryKey: [...outreachKey, "taxonomy", kind],
    queryFn: async ({ signal }) =>
      (await apiRequest("GET", `/api/community/${kind}`, { schema: taxonomyList, signal })).entries,
    staleTime: 5 * 60_000,
  });
}

/** Active partner organisations serving `unitId`'s area (all in scope while no unit is chosen). */
export function usePartnerOptions(unitId: number | null) {
  return useQuery({
    queryKey: [...outreachKey, "partners", unitId],
    queryFn: async ({ signal }) => {
      const query = new URLSearchParams({ active: "true" });
      if (unitId !== null) query.set("unit", String(unitId));
      return (
        await apiRequest("GET", `/api/stakeholders?${query}`, { schema: stakeholderList, signal })
      ).stakeholders;
    },
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

/** The open units in the caller's scope (a session is recorded for one of them). */
export function useSessionUnits() {
  return useQuery({
    queryKey: [...outreachKey, "units"],
    queryFn: async ({ signal }) =>
      (await apiRequest("GET", "/api/org-units", { schema: orgUnitList, signal })).units,
    staleTime: 5 * 60_000,
  });
}
