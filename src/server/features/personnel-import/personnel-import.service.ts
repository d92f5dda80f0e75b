import fs from "node:fs";
import path from "node:path";
import { csvLine } from "../../../core/csv/write";
import { AppError, isAppError } from "../../../core/errors";
import { resolveDateFormat } from "../../../core/import/dates";
import { createPersonnelRowReader, type PersonnelRow } from "../../../core/import/personnel-row";
import { createReferenceMatcher } from "../../../core/import/reference-values";
import { rowError, type RowError } from "../../../core/import/row-error";
import {
  MAX_REPORTED_ERRORS,
  type ImportProgress,
  type PersonnelField,
  type PersonnelImportOptions,
  type PersonnelImportReport,
} from "../../../core/schemas/personnel-import";
import type { Sex } from "../../../core/schemas/sex";
import { deriveSpells, spellCsvLine, type CareerEventFact } from "../../../core/workforce/spells";
import {
  commonAncestorPath,
  diffSnapshotRow,
  exitDraft,
  type EventDraft,
} from "../../../core/workforce/snapshot-diff";
import { recordInSession } from "../../audit/audit-recorder";
import type { AuditActor, AuditRecorder } from "../../audit/recorder";
import type { Database } from "../../db/client";
import { isPathInScope, type Scope } from "../../http/scope";
import { createLineFile } from "../../import/line-file";
import { createSpoolDir } from "../../import/spool";
import { openTable } from "../../import/open-table";
import { DATE_FIELDS, detectDates, openOptions, readHeader, sha256File } from "./import-file";
import {
  createErrorList,
  createProgress,
  createTally,
  DryRunDone,
  reportOf,
  RowsRefused,
} from "./import-report";
import type { MappingsRepository } from "./mappings.repository";
import { createPersonnelInspector } from "./personnel-inspect";
import { writePlan } from "./plan-writer";
import {
  createRegisterReader,
  createRegisterWriter,
  sexOf,
  type ReferenceData,
  type RegisterIndex,
} from "./register.repository";

const toFact = (draft: EventDraft): CareerEventFact => ({
  type: draft.type,
  date: draft.date,
  rankId: draft.rankId,
  orgUnitId: draft.unitId,
  jobRoleId: draft.roleId,
});

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

export function createPersonnelImportService(deps: {
  database: Database;
  mappings: MappingsRepository;
  audit: AuditRecorder;
  today: () => string;
}) {
  const reader = createRegisterReader(deps.database.db);

  const runImport = async (input: RunInput): Promise<PersonnelImportReport> => {
    const started = Date.now();
    const { options, isDryRun } = input;
    const { mapping } = options;
    const kind = mapping.kind;
    const report = (
      outcome: PersonnelImportReport["outcome"],
      parts: Partial<PersonnelImportReport> = {},
    ) => reportOf({ isDryRun, kind }, outcome, started, parts);
    const fail = (errors: RowError[], parts: Partial<PersonnelImportReport> = {}) =>
      report("invalid", { ...parts, errors, errorCount: errors.length });

    input.signal?.throwIfAborted();
    const sha256 = await sha256File(input.path);
    const progress = createProgress(input.onProgress, started);
    const table = await openTable(input.path, options.fileName, {
      ...openOptions(mapping),
      onBytes: progress.addBytes,
    });
    const { headerRow, headers, sample } = await readHeader(table, mapping.headerRow);
    progress.startReading(table.sizeBytes);
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

      for await (const sourceRow of table.rows()) {
        if (sourceRow.row <= headerRow) continue;
        const result = rowReader.read(sourceRow);
        if (result.ok === "blank") continue;
        if ((progress.countRow() & 1023) === 0) {
          input.signal?.throwIfAborted();
          await Promise.all([personsFile.settle(), eventsFile.settle(), spellsFile.settle()]);
          progress.reading();
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
      if (progress.rows === 0) errors.add(rowError(headerRow + 1, null, null, "no_data_rows"));

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
          rows: progress.rows,
          errors: errors.kept(),
          errorCount: errors.count,
          coverage: coverageOut,
          durationMs: Date.now() - started,
        });
      }
      if (eventsFile.count === 0 && personsFile.count === 0 && fills.length === 0) {
        return report("unchanged", {
          fileSha256: sha256,
          rows: progress.rows,
          coverage: coverageOut,
        });
      }
      progress.report("writing", 0);
      const coverageUnitId = coverage
        ? (refs.units.find((u) => u.path === coverage.path)?.id ?? null)
        : null;

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
            orgUnitId: coverageUnitId,
          });
          const firstPersonId = locked.maxPersonId + 1;
          const firstEventId = locked.maxEventId + 1;
          const { personsCreated, eventsCreated, problems } = await writePlan(
            session,
            {
              kind,
              personsFile,
              eventsFile,
              spellsFile,
              newPersons: newPersons.size,
              affected,
              fills,
            },
            { firstPersonId, firstEventId, batchId },
            {
              ...(input.signal ? { signal: input.signal } : {}),
              onDerive: (done, total) =>
                progress.report("deriving", (100 * done) / Math.max(1, total)),
            },
          );
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
              report("unchanged", {
                fileSha256: sha256,
                rows: progress.rows,
                coverage: coverageOut,
              }),
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
            orgUnitId: coverageUnitId,
            fields: ["persons", "career_events", "career_spells"],
            outcome: "success",
          });
          // A cancel that arrived while writing still rolls everything back.
          input.signal?.throwIfAborted();
          const done = report(isDryRun ? "validated" : "imported", {
            fileSha256: sha256,
            rows: progress.rows,
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
            rows: progress.rows,
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
      return reportOf(
        { isDryRun: input.isDryRun, kind: input.options.mapping.kind },
        "cancelled",
        started,
      );
    }
  };

  /** What the value-map editor offers: ranks, roles, and the units this caller may import into. */
  return { ...createPersonnelInspector(deps), run };
}

export type PersonnelImportService = ReturnType<typeof createPersonnelImportService>;
