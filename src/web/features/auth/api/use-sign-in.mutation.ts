import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { loginBody, SessionUser } from "../../../../core/schemas/auth";
import { apiRequest } from "../../../lib/api-client";
import { chooseLocale } from "../../../lib/i18n";
import { meQueryKey, userResponse } from "./use-me.query";

type Credentials = z.infer<typeof loginBody>;

/** Signs in; the app then speaks the user's saved language. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (credentials: Credentials) =>
      (await apiRequest("POST", "/api/auth/login", { body: credentials, schema: userResponse }))
        .user,
    onSuccess: async (user: SessionUser) => {
      await chooseLocale(user.locale);
      queryClient.setQueryData(meQueryKey, user);
    },
  });
}
