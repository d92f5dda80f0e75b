import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { feedbackSurveyList } from "../../../../core/schemas/community-config";
import { issuePage } from "../../../../core/schemas/community-issues";
import { feedbackResponse, type CreateFeedbackInput } from "../../../../core/schemas/feedback";
import { outreachSessionPage } from "../../../../core/schemas/outreach";
import { apiRequest } from "../../../lib/api-client";

const feedbackKey = ["feedback"] as const;

/** The feedback surveys with their questions. */
export function useSurveys() {
  return useQuery({
    queryKey: [...feedbackKey, "surveys"],
    queryFn: async ({ signal }) =>
      (await apiRequest("GET", "/api/community/surveys", { schema: feedbackSurveyList, signal }))
        .surveys,
    staleTime: 5 * 60_000,
  });
}

/** The most recent outreach sessions in scope (the ones paper forms come back from). */
export function useRecentSessions(isEnabled: boolean) {
  return useQuery({
    queryKey: [...feedbackKey, "sessions"],
    queryFn: async ({ signal }) =>
      (await apiRequest("GET", "/api/outreach/sessions", { schema: outreachSessionPage, signal }))
        .sessions,
    enabled: isEnabled,
    staleTime: 60_000,
  });
}

/** Recently closed issues in scope (the ones a phone survey follows up). */
export function useClosedIssues(isEnabled: boolean) {
  return useQuery({
    queryKey: [...feedbackKey, "issues"],
    queryFn: async ({ signal }) =>
      (
        await apiRequest("GET", "/api/community-issues?open=false&sort=updated", {
          schema: issuePage,
          signal,
        })
      ).issues,
    enabled: isEnabled,
    staleTime: 60_000,
  });
}

/** Records one respondent's answers. */
export function useCreateFeedback() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateFeedbackInput) =>
      apiRequest("POST", "/api/community/feedback", { body, schema: feedbackResponse }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...feedbackKey, "responses"] }),
  });
}
