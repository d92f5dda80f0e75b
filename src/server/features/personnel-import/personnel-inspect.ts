import { AppError } from "../../../core/errors";
import { suggestMapping } from "../../../core/import/personnel-headers";
import { cellText } from "../../../core/import/table";
import {
  personnelMapping,
  type PersonnelInspection,
  type PersonnelMapping,
  type PersonnelMappingInput,
  type PersonnelReferenceValues,
} from "../../../core/schemas/personnel-import";
import type { Database } from "../../db/client";
import type { Scope } from "../../http/scope";
import { openTable } from "../../import/open-table";
import { detectDates, openOptions, readHeader } from "./import-file";
import type { MappingsRepository } from "./mappings.repository";
import { createRegisterReader } from "./register.repository";

const PREVIEW_ROWS = 20;

export interface InspectInput {
  readonly path: string;
  readonly fileName: string;
  readonly mapping?: Partial<PersonnelMappingInput>;
  readonly template?: string;
  readonly scope: Scope;
}

/** What the mapping screen needs before a run: the file's shape and the values it may name. */
export function createPersonnelInspector(deps: {
  database: Database;
  mappings: MappingsRepository;
}) {
  const reader = createRegisterReader(deps.database.db);

  const inspect = async (input: InspectInput): Promise<PersonnelInspection> => {
    const template = input.template ? await deps.mappings.get(input.template) : null;
    if (input.template && !template) {
      throw new AppError("request.not_found", { template: input.template });
    }
    const base = { ...(template ?? {}), ...(input.mapping ?? {}) };
    const table = await openTable(
      input.path,
      input.fileName,
      openOptions(personnelMapping.parse({ kind: "snapshot", columns: {}, ...base })),
    );
    const { headerRow, headers, sample } = await readHeader(table, base.headerRow ?? null);
    const suggested = template
      ? personnelMapping.parse({ ...template, ...(input.mapping ?? {}) })
      : personnelMapping.parse({
          ...suggestMapping(headers, input.mapping?.kind),
          ...(input.mapping ?? {}),
        });
    const resolved: PersonnelMapping = {
      ...suggested,
      headerRow,
      sheet: table.sheet,
    };
    return {
      format: table.format,
      encoding: table.encoding,
      delimiter: table.delimiter,
      sheets: [...table.sheets],
      sheet: table.sheet,
      headerRow,
      headers,
      preview: sample.slice(0, PREVIEW_ROWS).map((r) => ({
        row: r.row,
        cells: headers.map((_, i) => cellText(r.cells[i] ?? null)),
      })),
      suggested: resolved,
      dateFormat: detectDates(resolved, headers, sample),
    };
  };

  const referenceValues = async (scope: Scope): Promise<PersonnelReferenceValues> => {
    const refs = await reader.referenceData(scope);
    const option = ({ code, name }: { code: string; name: string }) => ({ code, name });
    return {
      ranks: refs.ranks.map(option),
      roles: refs.roles.map(option),
      units: refs.units.map(({ id, code, name }) => ({ id, code, name })),
    };
  };

  return { inspect, referenceValues };
}
