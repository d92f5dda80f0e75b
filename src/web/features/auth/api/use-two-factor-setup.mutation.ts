import { useMutation } from "@tanstack/react-query";
import { twoFactorSetupResponse } from "../../../../core/schemas/auth";
import { apiRequest } from "../../../lib/api-client";

/** Starts enrolment: a new TOTP secret and its `otpauth://` URI. */
export function useTwoFactorSetup() {
  return useMutation({
    mutationFn: () => apiRequest("POST", "/api/auth/2fa/setup", { schema: twoFactorSetupResponse }),
  });
}
