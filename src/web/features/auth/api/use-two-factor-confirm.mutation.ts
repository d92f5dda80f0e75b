import { useMutation } from "@tanstack/react-query";
import { twoFactorConfirmResponse } from "../../../../core/schemas/auth";
import { apiRequest, setCsrfToken } from "../../../lib/api-client";

/**
 * Finishes enrolment with a first code. The session is renewed (new CSRF token) but the cached
 * session is refreshed only after the user has stored the recovery codes.
 */
export function useTwoFactorConfirm() {
  return useMutation({
    mutationFn: (code: string) =>
      apiRequest("POST", "/api/auth/2fa/confirm", {
        body: { code },
        schema: twoFactorConfirmResponse,
      }),
    onSuccess: (result) => setCsrfToken(result.csrfToken),
  });
}
