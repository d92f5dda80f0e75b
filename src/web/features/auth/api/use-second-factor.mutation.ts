import { useMutation, useQueryClient } from "@tanstack/react-query";
import { signedIn } from "../../../../core/schemas/auth";
import { apiRequest } from "../../../lib/api-client";
import { completeSignIn } from "./complete-sign-in";

/** Second sign-in step: a code from the authenticator app or a recovery code. */
export function useSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      apiRequest("POST", "/api/auth/login/second-factor", { body: { code }, schema: signedIn }),
    onSuccess: (result) => completeSignIn(queryClient, result),
  });
}
