import { useQuery } from "@tanstack/react-query";
import { meResponse, type Me } from "../../../../core/schemas/auth";
import { ApiError, apiRequest, setCsrfToken } from "../../../lib/api-client";

export const meQueryKey = ["auth", "me"] as const;

/** The session (user, CSRF token, two-factor state), or null when there is none. */
async function fetchMe(signal: AbortSignal): Promise<Me | null> {
  try {
    const me = await apiRequest("GET", "/api/auth/me", { schema: meResponse, signal });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** `GET /api/auth/me` decides between the app, two-factor enrolment and the sign-in page. */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: Infinity,
  });
}
