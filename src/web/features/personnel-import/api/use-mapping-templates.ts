import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { mappingTemplate, type PersonnelMapping } from "../../../../core/schemas/personnel-import";
import { apiRequest } from "../../../lib/api-client";

const templatesKey = ["personnel-import", "mapping-templates"] as const;
const templatesPath = "/api/imports/personnel/mappings";

/** The saved mapping templates, by name. */
export function useMappingTemplates(isEnabled: boolean) {
  return useQuery({
    queryKey: templatesKey,
    queryFn: ({ signal }) =>
      apiRequest("GET", templatesPath, { schema: z.array(mappingTemplate), signal }),
    enabled: isEnabled,
  });
}

/** Saves a mapping under a name (replacing a template of that name). */
export function useSaveMappingTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; mapping: PersonnelMapping }) =>
      apiRequest("PUT", `${templatesPath}/${encodeURIComponent(input.name)}`, {
        body: { mapping: input.mapping },
        schema: mappingTemplate,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: templatesKey }),
  });
}

export function useDeleteMappingTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      apiRequest("DELETE", `${templatesPath}/${encodeURIComponent(name)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: templatesKey }),
  });
}
