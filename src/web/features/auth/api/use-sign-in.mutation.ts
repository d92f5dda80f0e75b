import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { signInResult, type loginBody } from "../../../../core/schemas/auth";
import { apiRequest, setCsrfToken } from "../../../lib/api-client";
import { completeSignIn } from "./complete-sign-in";

type Credentials = z.infer<typeof loginBody>;

/** Username and password; the result says whether a second factor or enrolment comes next. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) =>
      apiRequest("POST", "/api/auth/login", { body: credentials, schema: signInResult }),
    onSuccess: async (result) => {
      if (result.status === "second_factor_required") setCsrfToken(result.csrfToken);
      else await completeSignIn(queryClient, result);
    },
  });
}
