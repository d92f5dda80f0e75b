import { useMutation } from "@tanstack/react-query";
import {
  personnelInspection,
  type PersonnelMappingInput,
} from "../../../../core/schemas/personnel-import";
import { apiRequest } from "../../../lib/api-client";

export interface InspectRequest {
  readonly file: File;
  /** File settings to read it with (sheet, encoding, delimiter, header row, kind). */
  readonly mapping?: Partial<PersonnelMappingInput>;
  /** A saved template to start from. */
  readonly template?: string;
}

/** Reads a file's format, header and first rows, and suggests a mapping (nothing is stored). */
export function useInspectFile() {
  return useMutation({
    mutationFn: (request: InspectRequest) => {
      const form = new FormData();
      form.append(
        "options",
        JSON.stringify({
          ...(request.mapping ? { mapping: request.mapping } : {}),
          ...(request.template ? { template: request.template } : {}),
        }),
      );
      form.append("file", request.file, request.file.name);
      return apiRequest("POST", "/api/imports/personnel/inspect", {
        body: form,
        schema: personnelInspection,
      });
    },
  });
}
