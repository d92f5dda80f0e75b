import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ImportProgress } from "../../../../core/schemas/personnel-import";
import { runPersonnelImport, type RunRequest } from "./run-import";

export const isCancellation = (error: unknown): boolean =>
  error instanceof DOMException && error.name === "AbortError";

/**
 * One run of the import with its live progress and a cancel. Leaving the page cancels a run that
 * is still going (the server rolls it back).
 */
export function useRunImport() {
  const client = useQueryClient();
  const controller = useRef<AbortController | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const run = useMutation({
    mutationFn: (request: RunRequest) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setProgress(null);
      return runPersonnelImport(request, setProgress, current.signal);
    },
    onSuccess: (report) => {
      if (report.outcome === "imported") void client.invalidateQueries({ queryKey: ["workforce"] });
    },
  });
  const cancel = useCallback(() => controller.current?.abort(), []);
  useEffect(() => () => controller.current?.abort(), []);
  return { run, progress, cancel };
}
