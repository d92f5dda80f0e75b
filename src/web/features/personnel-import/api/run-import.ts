import { errorResponse } from "../../../../core/schemas/common";
import {
  importProgress,
  personnelImportReport,
  type ImportProgress,
  type PersonnelImportOptionsInput,
  type PersonnelImportReport,
} from "../../../../core/schemas/personnel-import";
import { ApiError, apiEventStream, clientErrorCodes } from "../../../lib/api-client";
import type { ServerSentEvent } from "../../../lib/sse";

export interface RunRequest {
  readonly file: File;
  readonly options: PersonnelImportOptionsInput;
  readonly isDryRun: boolean;
}

type Ending = { readonly report: PersonnelImportReport } | { readonly error: ApiError };

function parseData(event: ServerSentEvent): unknown {
  try {
    return JSON.parse(event.data);
  } catch {
    return undefined;
  }
}

/** The end of a run as one stream event announces it: its report, or the error that stopped it. */
function endingOf(event: ServerSentEvent): Ending {
  const data = parseData(event);
  if (event.event === "report") {
    const report = personnelImportReport.safeParse(data);
    if (report.success) return { report: report.data };
  } else {
    const failure = errorResponse.safeParse(data);
    if (failure.success) {
      const { code, details } = failure.data.error;
      return { error: new ApiError(200, code, details, data) };
    }
  }
  return { error: new ApiError(200, clientErrorCodes.badResponse) };
}

/**
 * Runs an import (a dry run or for real), reporting progress as the server streams it. Resolves to
 * the report; rejects with ApiError, or with the AbortError when `signal` cancels the run (the
 * server then rolls back: nothing is written). A stream cut before its report is a network error.
 */
export async function runPersonnelImport(
  request: RunRequest,
  onProgress: (progress: ImportProgress) => void,
  signal: AbortSignal,
): Promise<PersonnelImportReport> {
  const form = new FormData();
  form.append("options", JSON.stringify(request.options));
  form.append("file", request.file, request.file.name);
  // Set by the callback below; `as` keeps TypeScript from narrowing it to null for good.
  let ending = null as Ending | null;
  await apiEventStream(
    `/api/imports/personnel/run?dryRun=${request.isDryRun}`,
    form,
    (event) => {
      if (event.event === "progress") {
        const progress = importProgress.safeParse(parseData(event));
        if (progress.success) onProgress(progress.data);
      } else if (event.event === "report" || event.event === "error") {
        ending ??= endingOf(event);
      }
    },
    signal,
  );
  if (ending === null) throw new ApiError(0, clientErrorCodes.network);
  if ("error" in ending) throw ending.error;
  return ending.report;
}
