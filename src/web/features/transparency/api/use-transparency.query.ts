import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { transparencyReport } from "../../../../core/schemas/transparency";
import { apiRequest } from "../../../lib/api-client";

/** The public monthly figures (`GET /api/public/transparency`); null month: the last complete one. */
export function useTransparency(month: string | null) {
  return useQuery({
    queryKey: ["transparency", month],
    queryFn: ({ signal }) =>
      apiRequest(
        "GET",
        `/api/public/transparency${month === null ? "" : `?month=${encodeURIComponent(month)}`}`,
        { schema: transparencyReport, signal },
      ),
    placeholderData: keepPreviousData,
  });
}
