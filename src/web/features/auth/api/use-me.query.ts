import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { sessionUser, type SessionUser } from "../../../../core/schemas/auth";
import { ApiError, apiRequest } from "../../../lib/api-client";

export const meQueryKey = ["auth", "me"] as const;

export const userResponse = z.object({ user: sessionUser });

/** The signed-in user, or null when there is no valid session. */
async function fetchMe(signal: AbortSignal): Promise<SessionUser | null> {
  try {
    return (await apiRequest("GET", "/api/auth/me", { schema: userResponse, signal })).user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** `GET /api/auth/me` decides whether the app or the sign-in page is shown. */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: Infinity,
  });
}
