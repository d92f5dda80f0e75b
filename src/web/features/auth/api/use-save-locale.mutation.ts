import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Locale, Me } from "../../../../core/schemas/auth";
import { apiRequest } from "../../../lib/api-client";
import { meQueryKey } from "./use-me.query";

/** Saves the signed-in user's language (`PUT /api/auth/me/locale`). */
export function useSaveLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) => apiRequest("PUT", "/api/auth/me/locale", { body: { locale } }),
    onSuccess: (_result, locale) => {
      queryClient.setQueryData<Me | null>(meQueryKey, (me) =>
        me ? { ...me, user: { ...me.user, locale } } : me,
      );
    },
  });
}
