import type { QueryClient } from "@tanstack/react-query";
import type { SessionUser } from "../../../../core/schemas/auth";
import { setCsrfToken } from "../../../lib/api-client";
import { chooseLocale } from "../../../lib/i18n";
import { meQueryKey } from "./use-me.query";

/** After any successful sign-in step: the new CSRF token, the user's language, a fresh session. */
export async function completeSignIn(
  queryClient: QueryClient,
  signedIn: { readonly user: SessionUser; readonly csrfToken: string },
): Promise<void> {
  setCsrfToken(signedIn.csrfToken);
  // A catalog that cannot be loaded must not undo the sign-in: the current language stays.
  await chooseLocale(signedIn.user.locale).catch(() => undefined);
  await queryClient.invalidateQueries({ queryKey: meQueryKey });
}
