import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  issueAssignees,
  issueContact,
  issueDetail,
  issueHistory,
  issuePage,
  type AssignInput,
  type CreateIssueInput,
  type CreateReferralInput,
  type NoteInput,
  type TransitionInput,
  type UpdateIssueInput,
  type UpdateReferralInput,
} from "../../../../core/schemas/community-issues";
import { taxonomyList } from "../../../../core/schemas/community-config";
import { orgUnitList } from "../../../../core/schemas/org-units";
import { stakeholderList } from "../../../../core/schemas/stakeholders";
import { apiRequest } from "../../../lib/api-client";

const issuesKey = ["community-issues"] as const;

/** One page of a queue: `GET /api/community-issues?…` or `…/my-work`, as built by issue-queue.ts. */
export function useIssuePage(url: string) {
  return useQuery({
    queryKey: [...issuesKey, "page", url],
    queryFn: ({ signal }) => apiRequest("GET", url, { schema: issuePage, signal }),
    placeholderData: keepPreviousData,
  });
}

/** An issue with its referrals and the statuses it may go to; 404 outside the caller's scope. */
export function useIssue(id: number) {
  return useQuery({
    queryKey: [...issuesKey, "detail", id],
    queryFn: ({ signal }) =>
      apiRequest("GET", `/api/community-issues/${id}`, { schema: issueDetail, signal }),
    retry: false,
  });
}

/** The issue's history, oldest first. */
export function useIssueHistory(id: number) {
  return useQuery({
    queryKey: [...issuesKey, "history", id],
    queryFn: async ({ signal }) =>
      (
        await apiRequest("GET", `/api/community-issues/${id}/history`, {
          schema: issueHistory,
          signal,
        })
      ).events,
    retry: false,
  });
}

/**
 * The resident's contact details, fetched only once asked for (each read is audited by the
 * server) and never kept in the cache after the page closes.
 */
export function useIssueContact(id: number, isRevealed: boolean) {
  return useQuery({
    queryKey: [...issuesKey, "contact", id],
    queryFn: ({ signal }) =>
      apiRequest("GET", `/api/community-issues/${id}/contact`, { schema: issueContact, signal }),
    enabled: isRevealed,
    retry: false,
    staleTime: Infinity,
    gcTime: 0,
  });
}

/** Who may be assigned the issue (those who may work on issues of its unit), by name. */
export function useIssueAssignees(id: number, isEnabled: boolean) {
  return useQuery({
    queryKey: [...issuesKey, "assignees", id],
    queryFn: async ({ signal }) =>
      (
        await apiRequest("GET", `/api/community-issues/${id}/assignees`, {
          schema: issueAssignees,
          signal,
        })
      ).assignees,
    enabled: isEnabled,
    staleTime: 60_000,
  });
}

/** The issue categories (active or not; seeded ones are named by `nameKey`). */
export function useIssueCategories() {
  return useQuery({
    queryKey: ["community", "categories"],
    queryFn: async ({ signal }) =>
      (await apiRequest("GET", "/api/community/categories", { schema: taxonomyList, signal }))
        .entries,
    staleTime: 5 * 60_000,
  });
}

/** Active stakeholders serving the issue's unit, for a referral. */
export function useReferralStakeholders(unitId: number, isEnabled: boolean) {
  return useQuery({
    queryKey: ["stakeholders", "referral", unitId],
    queryFn: async ({ signal }) =>
      (
        await apiRequest("GET", `/api/stakeholders?unit=${unitId}&active=true`, {
          schema: stakeholderList,
          signal,
        })
      ).stakeholders,
    enabled: isEnabled,
    staleTime: 60_000,
  });
}

/** The units in the caller's scope (the same cache as the unit picker). */
export function useScopeUnits() {
  return useQuery({
    queryKey: ["org-units"],
    queryFn: async ({ signal }) =>
      (await apiRequest("GET", "/api/org-units", { schema: orgUnitList, signal })).units,
    staleTime: 5 * 60_000,
  });
}

export function useCreateIssue() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateIssueInput) =>
      apiRequest("POST", "/api/community-issues", { body, schema: issueDetail }),
    onSuccess: () => client.invalidateQueries({ queryKey: issuesKey }),
  });
}

/** A change to one issue; the server answers with the issue (or its history, for a note). */
export type IssueChange =
  | { readonly kind: "update"; readonly body: UpdateIssueInput }
  | { readonly kind: "transition"; readonly body: TransitionInput }
  | { readonly kind: "assign"; readonly body: AssignInput }
  | { readonly kind: "refer"; readonly body: CreateReferralInput }
  | {
      readonly kind: "respond";
      readonly referralId: number;
      readonly body: UpdateReferralInput;
    }
  | { readonly kind: "note"; readonly body: NoteInput };

function sendChange(id: number, change: IssueChange): Promise<unknown> {
  const base = `/api/community-issues/${id}`;
  switch (change.kind) {
    case "update":
      return apiRequest("PATCH", base, { body: change.body, schema: issueDetail });
    case "transition":
      return apiRequest("POST", `${base}/transitions`, { body: change.body, schema: issueDetail });
    case "assign":
      return apiRequest("POST", `${base}/assignment`, { body: change.body, schema: issueDetail });
    case "refer":
      return apiRequest("POST", `${base}/referrals`, { body: change.body, schema: issueDetail });
    case "respond":
      return apiRequest("PATCH", `${base}/referrals/${change.referralId}`, {
        body: change.body,
        schema: issueDetail,
      });
    case "note":
      return apiRequest("POST", `${base}/notes`, { body: change.body, schema: issueHistory });
  }
}

/** Every change to an issue; afterwards the issue, its history and the queues are read again. */
export function useIssueChange(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: IssueChange) => sendChange(id, change),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: [...issuesKey, "detail", id] }),
        client.invalidateQueries({ queryKey: [...issuesKey, "history", id] }),
        client.invalidateQueries({ queryKey: [...issuesKey, "page"] }),
      ]),
  });
}
