import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, setCsrfToken } from "../../../lib/api-client";
import { meQueryKey } from "./use-me.query";

/** Revokes the session; cached data of the signed-out user is dropped. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest("POST", "/api/auth/logout"),
    onSuccess: () => {
      setCsrfToken(null);
      // Null first: the sign-in page replaces the app, then nothing of this user stays cached.
      queryClient.setQueryData(meQueryKey, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
    },
  });
}
