import { QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError } from "../lib/api-client";
import { meQueryKey } from "../features/auth/api/use-me.query";

const isSessionLost = (error: unknown) => error instanceof ApiError && error.status === 401;

/** One client for the app; a 401 on any query means the session ended: show the sign-in page. */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isSessionLost(error)) client.setQueryData(meQueryKey, null);
      },
    }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) &&
          failureCount < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
  return client;
}
