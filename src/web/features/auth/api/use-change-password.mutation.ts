import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { signedIn, type passwordChangeBody } from "../../../../core/schemas/auth";
import { apiRequest } from "../../../lib/api-client";
import { completeSignIn } from "./complete-sign-in";

/** Changes the user's own password; the server ends every other session and starts a fresh one. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.infer<typeof passwordChangeBody>) =>
      apiRequest("POST", "/api/auth/password", { body, schema: signedIn }),
    onSuccess: (result) => completeSignIn(queryClient, result),
  });
}
