import { useMutation } from "@tanstack/react-query";
import { recoveryCodesResponse } from "../../../../core/schemas/auth";
import { apiRequest } from "../../../lib/api-client";

/** Ten new recovery codes (password required); the earlier ones stop working. */
export function useRegenerateRecoveryCodes() {
  return useMutation({
    mutationFn: (password: string) =>
      apiRequest("POST", "/api/auth/2fa/recovery-codes", {
        body: { password },
        schema: recoveryCodesResponse,
      }),
  });
}
