import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../../../lib/api-client";
import { meQueryKey } from "./use-me.query";

const disabled = z.object({ isEnrolmentRequired: z.boolean() });

/** Turns two-step sign-in off (password required); where the role requires it, enrolment follows. */
export function useTwoFactorDisable() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) =>
      apiRequest("POST", "/api/auth/2fa/disable", { body: { password }, schema: disabled }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
