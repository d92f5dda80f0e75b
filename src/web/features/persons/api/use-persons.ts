import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { orgUnitList } from "../../../../core/schemas/org-units";
import {
  correctionOptions,
  personDetail,
  personSearchPage,
  retractResult,
  type RetractEventInput,
} from "../../../../core/schemas/persons";
import { apiRequest } from "../../../lib/api-client";
import { personSearchUrl, type PersonSearchValues } from "../person-urls";

const personsKey = ["persons"] as const;

/** One page of people in scope whose service number starts with the query (`GET /api/persons`). */
export function usePersonSearch(values: PersonSearchValues) {
  const url = personSearchUrl(values);
  return useQuery({
    queryKey: [...personsKey, "search", url],
    queryFn: ({ signal }) => apiRequest("GET", url, { schema: personSearchPage, signal }),
    placeholderData: keepPreviousData,
  });
}

/** A person with their career timeline; 404 (person.not_found) outside the caller's scope. */
export function usePerson(personId: number) {
  return useQuery({
    queryKey: [...personsKey, "detail", personId],
    queryFn: ({ signal }) =>
      apiRequest("GET", `/api/persons/${personId}`, { schema: personDetail, signal }),
    retry: false,
  });
}

/** Ranks and roles a replacement event may name (personnel.write holders only). */
export function useCorrectionOptions(isEnabled: boolean) {
  return useQuery({
    queryKey: [...personsKey, "correction-options"],
    queryFn: ({ signal }) =>
      apiRequest("GET", "/api/persons/correction-options", { schema: correctionOptions, signal }),
    enabled: isEnabled,
    staleTime: 5 * 60_000,
  });
}

/** The units in the caller's scope (the same cache as the unit picker). */
export function useScopeUnits(isEnabled: boolean) {
  return useQuery({
    queryKey: ["org-units"],
    queryFn: async ({ signal }) =>
      (await apiRequest("GET", "/api/org-units", { schema: orgUnitList, signal })).units,
    enabled: isEnabled,
    staleTime: 5 * 60_000,
  });
}

export function useRetractEvent(personId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { eventId: number; body: RetractEventInput }) =>
      apiRequest("POST", `/api/persons/${personId}/events/${input.eventId}/retract`, {
        body: input.body,
        schema: retractResult,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: personsKey }),
  });
}
