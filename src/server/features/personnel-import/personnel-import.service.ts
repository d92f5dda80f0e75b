import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { csvLine } from "../../../core/csv/write";
import { AppError, isAppError } from "../../../core/errors";
import { detectDateFormat, resolveDateFormat } from "../../../core/import/dates";
import { detectHeaderRow } from "../../../core/import/header-row";
import { matchHeader, suggestMapping } from "../../../core/import/personnel-headers";
import { createPersonnelRowReader, type PersonnelRow } from "../../../core/import/personnel-row";
import { createReferenceMatcher } from "../../../core/import/reference-values";
import { rowError, type RowError } from "../../../core/import/row-error";
import { cellText, type SourceRow } from "../../../core/import/table";
import {
  MAX_REPORTED_ERRORS,
  personnelMapping,
  type EventCountsBySex,
  type ImportProgress,
  type PersonnelField,
  type PersonnelImportOptions,
  type PersonnelImportReport,
  type PersonnelInspection,
  type PersonnelMapping,
  type PersonnelMappingInput,
  type PersonnelReferenceValues,
} from "../../../core/schemas/personnel-import";
import type { Sex } from "../../../core/schemas/sex";
import { careerEventTypes, type CareerEventType } from "../../../core/schemas/workforce-events";
import {
  deriveSpells,
  SPELL_COLUMNS,
  spellCsvLine,
  type CareerEventFact,
} from "../../../core/workforce/spells";
import {
  commonAncestorPath,
  diffSnapshotRow,
  exitDraft,
  type EventDraft,
} from "../../../core/workforce/snapshot-diff";
import { recordInSession } from "../../audit/audit-recorder";
import { withDeferredIndexesAndForeignKeys } from "../../db/bulk-load";
import type { AuditActor, AuditRecorder } from "../../audit/recorder";
import type { Database } from "../../db/client";
import { isPathInScope, type Scope } from "../../http/scope";
import { createLineFile } from "../../import/line-file";
import { createSpoolDir } from "../../import/spool";
import { openTable, type OpenedTable } from "../../import/open-table";
import { rederiveSpells } from "../../register/rederive-spells";
import type { MappingsRepository } from "./mappings.repository";
import {
  createRegisterReader,
  createRegisterWriter,
  sexOf,
  type ReferenceData,
  type RegisterIndex,
} from "./register.repository";

const PREVIEW_ROWS = 20;

const toFact = (draft: EventDraft): CareerEventFact => ({
  type: draft.type,
  date: draft.date,
  rankId: draft.rankId,
  orgUnitId: draft.unitId,
  jobRoleId: draft.roleId,
});
const HEADER_SCAN_ROWS = 30;
const DATE_SAMPLE_ROWS = 2000;
const PERSON_COLUMNS = ["id", "service_number", "sex", "birth_year"] as const;
const EVENT_COLUMNS = [
  "id",
  "person_id",
  "event_type",
  "effective_date",
  "rank_id",
  "org_unit_id",
  "job_role_id",
  "reason",
  "import_batch_id",
] as const;
const DATE_FIELDS: readonly PersonnelField[] = ["birth_date", "hire_date", "effective_date"];
/**
 * From this many rows to write, the register's foreign keys and secondary indexes are dropped for
 * the load and rebuilt after it (re-validating every row), as the demo load does: ~6× faster, at the
 * price of holding the register's tables exclusively until the import commits.
 */
export const DEFERRED_LOAD_ROWS = 50_000;
const REGISTER_TABLES = ["persons", "career_events", "career_spells"];
/** The spell derivation reads events by person: this index stays during a deferred load. */
const KEEP_INDEXES = ["career_events_person_idx"];

export interface RunInput {
  /** The file on disk (the HTTP layer spools uploads; the CLI passes the user's path). */
  readonly path: string;
  readonly options: PersonnelImportOptions;
  readonly isDryRun: boolean;
  readonly scope: Scope;
  readonly actor: AuditActor;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ImportProgress) => void;
}

export interface InspectInput {
  readonly path: string;
  readonly fileName: string;
  readonly mapping?: Partial<PersonnelMappingInput>;
  readonly template?: string;
  readonly scope: Scope;
}

/** Rolls a dry run back once its report is known. */
class DryRunDone extends Error {
  constructor(readonly report: PersonnelImportReport) {
    super("dry run");
  }
}

/** Rolls back a write that the register refused row by row (e.g. a promotion before any hire). */
class RowsRefused extends Error {
  constructor(readonly errors: RowError[]) {
    super("rows refused");
  }
}

/** Counts by event type and sex, in the fixed order of event types. */
function createTally() {
  const counts = new Map<CareerEventType, Record<Sex, number>>();
  return {
    add(type: CareerEventType, sex: Sex) {
      const row = counts.get(type) ?? { F: 0, M: 0, X: 0, U: 0 };
      row[sex]++;
      counts.set(type, row);
    },
    rows: (): EventCountsBySex[] =>
      careerEventTypes
        .filter((type) => counts.has(type))
        .map((type) => {
          const r = counts.get(type) ?? { F: 0, M: 0, X: 0, U: 0 };
          return { type, ...r, total: r.F + r.M + r.X + r.U };
        }),
  };
}

/** Keeps the first MAX_REPORTED_ERRORS errors and counts them all. */
function createErrorList() {
  const kept: RowError[] = [];
  let count = 0;
  return {
    add(...errors: RowError[]) {
      count += errors.length;
      for (const e of errors) if (kept.length < MAX_REPORTED_ERRORS) kept.push(e);
    },
    get count() {
      return count;
    },
    kept: () => [...kept].sort((a, b) => a.row - b.row),
  };
}

/** A report of `input`'s run: nothing read or written unless `parts` says otherwise. */
function reportOf(
  input: RunInput,
  outcome: PersonnelImportReport["outcome"],
  started: number,
  parts: Partial<PersonnelImportReport> = {},
): PersonnelImportReport {
  return {
    outcome,
    isDryRun: input.isDryRun,
    kind: input.options.mapping.kind,
    fileSha256: "",
    rows: 0,
    personsCreated: 0,
    eventsCreated: 0,
    events: [],
    errorCount: 0,
    errors: [],
    batchId: null,
    coverage: null,
    durationMs: Date.now() - started,
    ...parts,
  };
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest("hex");
}

async function firstRows(table: OpenedTable, count: number): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const row of table.rows()) {
    rows.push(row);
    if (rows.length >= count) break;
  }
  return rows;
}

/** The header row (chosen or detected) and the column names it holds. */
async function readHeader(
  table: OpenedTable,
  chosen: number | null,
): Promise<{ headerRow: number; headers: string[]; sample: SourceRow[] }> {
  const sample = await firstRows(table, HEADER_SCAN_ROWS + DATE_SAMPLE_ROWS);
  const scan = sample.slice(0, HEADER_SCAN_ROWS);
  const headerRow = chosen ?? detectHeaderRow(scan, (text) => matchHeader(text) !== undefined);
  const header = sample.find((r) => r.row === headerRow);
  const headers = (header?.cells ?? []).map((c) => cellText(c).trim());
  while (headers.length && headers.at(-1) === "") headers.pop();
  return { headerRow, headers, sample: sample.filter((r) => r.row > headerRow) };
}

/** The date order of the mapped date columns, from a sample of the rows under the header. */
function detectDates(
  mapping: PersonnelMapping,
  headers: readonly string[],
  rows: readonly SourceRow[],
) {
  const samples: string[] = [];
  for (const field of DATE_FIELDS) {
    const column = mapping.columns[field];
    const index = column === undefined ? -1 : headers.indexOf(column);
    if (index < 0) continue;
    for (const row of rows) {
      const cell = row.cells[index];
      if (typeof cell === "string" && cell.trim()) samples.push(cell.trim());
    }
  }
  return detectDateFormat(samples);
}

function openOptions(mapping: Pick<PersonnelMapping, "encoding" | "delimiter" | "sheet">) {
  return { encoding: mapping.encoding, delimiter: mapping.delimiter, sheet: mapping.sheet };
}

export function createPersonnelImportService(deps: {
  database: Database;
  mappings: MappingsRepository;
  audit: AuditRecorder;
  today: () => string;
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

  const runImport = async (input: RunInput): Promise<PersonnelImportReport> => {
    const started = Date.now();
    const { options, isDryRun } = input;
    const { mapping } = options;
    const kind = mapping.kind;
    const report = (
      outcome: PersonnelImportReport["outcome"],
      parts: Partial<PersonnelImportReport> = {},
    ) => reportOf(input, outcome, started, parts);
    const fail = (errors: RowError[], parts: Partial<PersonnelImportReport> = {}) =>
      report("invalid", { ...parts, errors, errorCount: errors.length });

    input.signal?.throwIfAborted();
    const sha256 = await sha256File(input.path);
    let bytesRead = 0;
    let rowsRead = 0;
    const rate = () => (rowsRead * 1000) / Math.max(1, Date.now() - started);
    const table = await openTable(input.path, options.fileName, {
      ...openOptions(mapping),
      onBytes: (n: number) => {
        bytesRead += n;
      },
    });
    const { headerRow, headers, sample } = await readHeader(table, mapping.headerRow);
    bytesRead = 0;
    const today = deps.today();
    if (kind === "snapshot" && options.asOf === null) {
      return fail([rowError(1, null, null, "as_of_required")], { fileSha256: sha256 });
    }
    if (options.asOf !== null && options.asOf > today) {
      return fail([rowError(1, null, options.asOf, "date_in_future")], { fileSha256: sha256 });
    }
    const dateFormat = resolveDateFormat(mapping.dateFormat, detectDates(mapping, headers, sample));
    if (!dateFormat.ok) {
      const column = DATE_FIELDS.map((f) => mapping.columns[f]).find(Boolean) ?? null;
      return fail([rowError(headerRow, column, null, dateFormat.code)], { fileSha256: sha256 });
    }
    const refs: ReferenceData = await reader.referenceData(input.scope);
    const rowReader = createPersonnelRowReader({
      mapping,
      headers,
      headerRow,
      resolvedDateFormat: dateFormat.format,
      refs: {
        rank: createReferenceMatcher(refs.ranks, mapping.valueMaps.rank),
        unit: createReferenceMatcher(refs.units, mapping.valueMaps.unit),
        role: createReferenceMatcher(refs.roles, mapping.valueMaps.role),
      },
      today,
      asOf: options.asOf,
    });
    const mappingErrors = rowReader.checkMapping();
    if (mappingErrors.length) return fail(mappingErrors, { fileSha256: sha256 });

    const stamp = await reader.stamp();
    // An events file is checked against where people serve today; its rows carry their own dates.
    const register: RegisterIndex = await reader.index(
      kind === "events" ? today : (options.asOf ?? today),
      input.signal,
    );
    const rankOrdinal = await reader.rankOrdinals();
    const unitPath = new Map(refs.units.map((u) => [u.id, u.path]));
    const column = (field: PersonnelField) => mapping.columns[field] ?? null;

    const dir = await createSpoolDir();
    const personsFile = createLineFile(path.join(dir, "persons.csv"));
    const eventsFile = createLineFile(path.join(dir, "events.csv"));
    /** Spells of persons new to the register, derived as they are read (their history is this file). */
    const spellsFile = createLineFile(path.join(dir, "spells.csv"));
    const leadership = new Set(refs.roles.filter((r) => r.is_leadership).map((r) => r.id));
    try {
      const errors = createErrorList();
      const tally = createTally();
      /** File row of each event written, by its position in eventsFile. */
      const eventRows: number[] = [];
      const affected = new Set<number>();
      /** The first file row that changes each person: where a problem with their history is reported. */
      const firstRowOf = new Map<number, number>();
      const fills: { personId: number; sex: Sex | null; birthYear: number | null }[] = [];
      /** New persons: service number → negative placeholder id (−1, −2, …) and sex. */
      const newPersons = new Map<string, { placeholder: number; sex: Sex }>();
      const seen = new Set<string>();
      const eventKeys = new Set<string>();
      const filePaths = new Set<string>();

      const personOf = (row: PersonnelRow): { id: number; sex: Sex; index: number } | RowError => {
        const index = register.byServiceNumber.get(row.serviceNumber);
        if (index === undefined) {
          let created = newPersons.get(row.serviceNumber);
          if (!created) {
            created = { placeholder: -(newPersons.size + 1), sex: row.sex };
            newPersons.set(row.serviceNumber, created);
            personsFile.write(
              csvLine([created.placeholder, row.serviceNumber, row.sex, row.birthYear]),
            );
          }
          return { id: created.placeholder, sex: created.sex, index: -1 };
        }
        const then = register.unitPath[index] ?? "";
        const latest = register.latestPath[index] ?? "";
        if (
          (then && !isPathInScope(input.scope, then)) ||
          (latest && !isPathInScope(input.scope, latest))
        ) {
          return rowError(
            row.row,
            column("service_number"),
            row.serviceNumber,
            "person_outside_scope",
          );
        }
        const known = sexOf(register, index);
        if (known !== "U" && row.sex !== "U" && known !== row.sex) {
          return rowError(row.row, column("sex"), row.sex, "sex_conflict");
        }
        const id = register.personId[index] ?? 0;
        const birthKnown = (register.birthYear[index] ?? 0) !== 0;
        if ((known === "U" && row.sex !== "U") || (!birthKnown && row.birthYear !== null)) {
          fills.push({
            personId: id,
            sex: known === "U" && row.sex !== "U" ? row.sex : null,
            birthYear: birthKnown ? null : row.birthYear,
          });
        }
        return { id, sex: known === "U" ? row.sex : known, index };
      };

      const writeEvent = (personId: number, sex: Sex, draft: EventDraft, fileRow: number) => {
        eventRows.push(fileRow);
        if (fileRow > 0 && !firstRowOf.has(personId)) firstRowOf.set(personId, fileRow);
        tally.add(draft.type, sex);
        if (personId > 0) affected.add(personId);
        eventsFile.write(
          csvLine([
            personId,
            draft.type,
            draft.date,
            draft.rankId,
            draft.unitId,
            draft.roleId,
            draft.reason,
          ]),
        );
      };

      let lastProgress = 0;
      for await (const sourceRow of table.rows()) {
        if (sourceRow.row <= headerRow) continue;
        const result = rowReader.read(sourceRow);
        if (result.ok === "blank") continue;
        rowsRead++;
        if ((rowsRead & 1023) === 0) {
          input.signal?.throwIfAborted();
          await Promise.all([personsFile.settle(), eventsFile.settle(), spellsFile.settle()]);
          const now = Date.now();
          if (now - lastProgress > 250) {
            lastProgress = now;
            input.onProgress?.({
              phase: "reading",
              percent: Math.min(99, (100 * bytesRead) / Math.max(1, table.sizeBytes)),
              rows: rowsRead,
              rowsPerSecond: rate(),
            });
          }
        }
        if (!result.ok) {
          errors.add(...result.errors);
          continue;
        }
        const row = result.value;
        if (kind === "snapshot") {
          if (seen.has(row.serviceNumber)) {
            errors.add(
              rowError(
                row.row,
                column("service_number"),
                row.serviceNumber,
                "duplicate_service_number",
              ),
            );
            continue;
          }
          seen.add(row.serviceNumber);
        }
        const person = personOf(row);
        if ("code" in person) {
          errors.add(person);
          continue;
        }
        if (errors.count > 0) continue;
        if (kind === "snapshot") {
          const rankId = row.rankId ?? 0;
          const unitId = row.unitId ?? 0;
          filePaths.add(unitPath.get(unitId) ?? "/");
          const i = person.index;
          const serving =
            i >= 0 && (register.rankId[i] ?? 0) !== 0
              ? {
                  rankId: register.rankId[i] ?? 0,
                  rankOrdinal: rankOrdinal.get(register.rankId[i] ?? 0) ?? 0,
                  unitId: register.unitId[i] ?? 0,
                  roleId: (register.roleId[i] ?? 0) || null,
                }
              : undefined;
          const drafts = diffSnapshotRow(
            {
              rankId,
              rankOrdinal: rankOrdinal.get(rankId) ?? 0,
              unitId,
              roleId: row.roleId,
              hireDate: row.hireDate,
            },
            serving,
            options.asOf ?? today,
            i < 0,
          );
          for (const draft of drafts) writeEvent(person.id, person.sex, draft, row.row);
          if (person.id < 0) {
            const { spells } = deriveSpells(drafts.map(toFact), leadership);
            for (const spell of spells) spellsFile.write(spellCsvLine(person.id, spell));
          }
        } else {
          const draft: EventDraft = {
            type: row.eventType ?? "hire",
            date: row.effectiveDate ?? today,
            rankId: row.rankId,
            unitId: row.unitId,
            roleId: row.roleId,
            reason: row.reason,
          };
          const key = `${row.serviceNumber}\u0000${draft.type}\u0000${draft.date}\u0000${draft.rankId}\u0000${draft.unitId}\u0000${draft.roleId}\u0000${draft.reason}`;
          if (eventKeys.has(key)) {
            errors.add(rowError(row.row, column("event_type"), draft.type, "duplicate_event"));
            continue;
          }
          eventKeys.add(key);
          writeEvent(person.id, person.sex, draft, row.row);
        }
      }
      if (rowsRead === 0) errors.add(rowError(headerRow + 1, null, null, "no_data_rows"));

      let coverage: { code: string; name: string; path: string } | null = null;
      let serving = 0;
      if (kind === "snapshot" && errors.count === 0) {
        const coveragePath = options.coverageUnit
          ? refs.units.find((u) => u.code === options.coverageUnit)?.path
          : commonAncestorPath(filePaths);
        if (!coveragePath) {
          errors.add(rowError(1, null, options.coverageUnit, "unknown_unit"));
        } else {
          const unit = refs.units.find((u) => u.path === coveragePath);
          coverage = unit ? { code: unit.code, name: unit.name, path: unit.path } : null;
          const asOf = options.asOf ?? today;
          for (const [serviceNumber, i] of register.byServiceNumber) {
            const servedIn = register.unitPath[i] ?? "";
            if (!servedIn.startsWith(coveragePath) || !isPathInScope(input.scope, servedIn))
              continue;
            serving++;
            if (seen.has(serviceNumber) || register.onLeave[i] === 1) continue;
            writeEvent(register.personId[i] ?? 0, sexOf(register, i), exitDraft(asOf), 0);
            if ((serving & 1023) === 0) await eventsFile.settle();
          }
        }
      }
      await personsFile.close();
      await eventsFile.close();
      await spellsFile.close();
      const coverageOut = coverage ? { code: coverage.code, name: coverage.name, serving } : null;
      if (errors.count > 0) {
        return report("invalid", {
          fileSha256: sha256,
          rows: rowsRead,
          errors: errors.kept(),
          errorCount: errors.count,
          coverage: coverageOut,
          durationMs: Date.now() - started,
        });
      }
      if (eventsFile.count === 0 && personsFile.count === 0 && fills.length === 0) {
        return report("unchanged", { fileSha256: sha256, rows: rowsRead, coverage: coverageOut });
      }
      input.onProgress?.({ phase: "writing", percent: 0, rows: rowsRead, rowsPerSecond: rate() });

      try {
        return await deps.database.bulkTransaction(async (session) => {
          const writer = createRegisterWriter(session);
          const locked = await writer.lock();
          if (
            locked.maxPersonId !== stamp.maxPersonId ||
            locked.maxEventId !== stamp.maxEventId ||
            locked.retractions !== stamp.retractions
          ) {
            throw new AppError("import.register_changed", {});
          }
          const batchId = await writer.createBatch({
            kind: kind === "snapshot" ? "personnel_snapshot" : "personnel_events",
            fileName: options.fileName,
            sha256,
            asOf: options.asOf,
            options: { mapping, coverageUnit: coverage?.code ?? null },
            importedBy: input.actor.userId,
            orgUnitId: coverage
              ? (refs.units.find((u) => u.path === coverage.path)?.id ?? null)
              : null,
          });
          const firstPersonId = locked.maxPersonId + 1;
          const firstEventId = locked.maxEventId + 1;
          const personIdOf = (id: number) => (id < 0 ? firstPersonId - id - 1 : id);
          const write = async () => {
            const personsCreated = await writer.copy(
              "persons",
              PERSON_COLUMNS,
              personsFile.read((line) => {
                const comma = line.indexOf(",");
                return `${personIdOf(Number(line.slice(0, comma)))}${line.slice(comma)}`;
              }),
            );
            let eventId = firstEventId;
            const eventLines = eventsFile.read((line) => {
              const comma = line.indexOf(",");
              return `${eventId++},${personIdOf(Number(line.slice(0, comma)))}${line.slice(comma)},${batchId}`;
            });
            let eventsCreated: number;
            if (kind === "snapshot") {
              eventsCreated = await writer.copy("career_events", EVENT_COLUMNS, eventLines);
            } else {
              eventsCreated = (await writer.copyEventsSkippingKnown(EVENT_COLUMNS, eventLines))
                .inserted;
            }
            await writer.fillUnknowns(fills);
            await writer.finishSequences();
            await writer.copy(
              "career_spells",
              SPELL_COLUMNS,
              spellsFile.read((line) => {
                const comma = line.indexOf(",");
                return `${personIdOf(Number(line.slice(0, comma)))}${line.slice(comma)}`;
              }),
            );
            if (kind === "events") {
              for (let p = 0; p < newPersons.size; p++) affected.add(firstPersonId + p);
            }
            const { problems } = await rederiveSpells(session, [...affected], {
              signal: input.signal,
              onProgress: (done, total) =>
                input.onProgress?.({
                  phase: "deriving",
                  percent: (100 * done) / Math.max(1, total),
                  rows: rowsRead,
                  rowsPerSecond: rate(),
                }),
            });
            return { personsCreated, eventsCreated, problems };
          };
          const isLarge = personsFile.count + eventsFile.count >= DEFERRED_LOAD_ROWS;
          const load = () =>
            isLarge
              ? withDeferredIndexesAndForeignKeys(session, REGISTER_TABLES, write, {
                  keepIndexes: KEEP_INDEXES,
                  foreignKeysWithinOnly: true,
                })
              : write();
          const { personsCreated, eventsCreated, problems } = await load();
          // A problem on an event already in the register was caused by this import too (e.g. a
          // back-dated exit before later promotions): refused like one on a new event.
          const rowErrors = problems.map((p) =>
            p.eventId >= firstEventId
              ? rowError(
                  eventRows[p.eventId - firstEventId] ?? 0,
                  column(kind === "snapshot" ? "hire_date" : "effective_date"),
                  null,
                  p.code,
                )
              : rowError(firstRowOf.get(p.personId) ?? headerRow, null, null, "history_conflict"),
          );
          if (rowErrors.length) throw new RowsRefused(rowErrors);
          if (eventsCreated === 0 && personsCreated === 0 && fills.length === 0) {
            throw new DryRunDone(
              report("unchanged", { fileSha256: sha256, rows: rowsRead, coverage: coverageOut }),
            );
          }
          const events =
            kind === "snapshot" ? tally.rows() : await writer.countBatchEvents(batchId);
          await writer.setBatchCounts(batchId, { personsCreated, eventsCreated, events });
          await recordInSession(session, {
            actor: input.actor,
            action: "personnel.import",
            entityType: "import_batch",
            entityId: String(batchId),
            orgUnitId: coverage
              ? (refs.units.find((u) => u.path === coverage.path)?.id ?? null)
              : null,
            fields: ["persons", "career_events", "career_spells"],
            outcome: "success",
          });
          // A cancel that arrived while writing still rolls everything back.
          input.signal?.throwIfAborted();
          const done = report(isDryRun ? "validated" : "imported", {
            fileSha256: sha256,
            rows: rowsRead,
            personsCreated,
            eventsCreated,
            events,
            batchId: isDryRun ? null : batchId,
            coverage: coverageOut,
            durationMs: Date.now() - started,
          });
          if (isDryRun) throw new DryRunDone(done);
          return done;
        });
      } catch (error) {
        if (error instanceof DryRunDone) return error.report;
        if (error instanceof RowsRefused) {
          return report("invalid", {
            fileSha256: sha256,
            rows: rowsRead,
            errors: error.errors.slice(0, MAX_REPORTED_ERRORS),
            errorCount: error.errors.length,
          });
        }
        throw error;
      }
    } finally {
      for (const file of [personsFile, eventsFile, spellsFile]) file.destroy();
      await fs.promises.rm(dir, { recursive: true, force: true });
    }
  };

  /**
   * Runs an import; a cancelled one (the signal aborted) reports `cancelled`, having written
   * nothing. A refused import (bad rows or a bad file) that was meant to write is audited as a
   * failure; a committed one was audited inside its transaction; dry runs leave no entry.
   */
  const run = async (input: RunInput): Promise<PersonnelImportReport> => {
    const started = Date.now();
    const refused = () =>
      deps.audit.record({
        actor: input.actor,
        action: "personnel.import",
        entityType: "import_file",
        entityId: input.options.fileName,
        orgUnitId: null,
        fields: [],
        outcome: "failure",
      });
    try {
      const report = await runImport(input);
      if (report.outcome === "invalid" && !input.isDryRun) await refused();
      return report;
    } catch (error) {
      if (!input.signal?.aborted || isAppError(error)) {
        if (isAppError(error) && !input.isDryRun) await refused();
        throw error;
      }
      return reportOf(input, "cancelled", started);
    }
  };

  /** What the value-map editor offers: ranks, roles, and the units this caller may import into. */
  const referenceValues = async (scope: Scope): Promise<PersonnelReferenceValues> => {
    const refs = await reader.referenceData(scope);
    const option = ({ code, name }: { code: string; name: string }) => ({ code, name });
    return {
      ranks: refs.ranks.map(option),
      roles: refs.roles.map(option),
      units: refs.units.map(({ id, code, name }) => ({ id, code, name })),
    };
  };

  return { inspect, run, referenceValues };
}

export type PersonnelImportService = ReturnType<typeof createPersonnelImportService>;
