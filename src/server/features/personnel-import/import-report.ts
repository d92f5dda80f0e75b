import type { RowError } from "../../../core/import/row-error";
import {
  MAX_REPORTED_ERRORS,
  type EventCountsBySex,
  type ImportProgress,
  type PersonnelFileKind,
  type PersonnelImportReport,
} from "../../../core/schemas/personnel-import";
import type { Sex } from "../../../core/schemas/sex";
import { careerEventTypes, type CareerEventType } from "../../../core/schemas/workforce-events";

/** Counts by event type and sex, in the fixed order of event types. */
export function createTally() {
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
export function createErrorList() {
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

/** A report of a run: nothing read or written unless `parts` says otherwise. */
export function reportOf(
  run: { readonly isDryRun: boolean; readonly kind: PersonnelFileKind },
  outcome: PersonnelImportReport["outcome"],
  started: number,
  parts: Partial<PersonnelImportReport> = {},
): PersonnelImportReport {
  return {
    outcome,
    isDryRun: run.isDryRun,
    kind: run.kind,
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

/** Progress events are sent at most this often while reading. */
const PROGRESS_INTERVAL_MS = 250;

/** Rows and bytes read so far, and the progress events they make (percent of bytes, rows/s). */
export function createProgress(
  onProgress: ((progress: ImportProgress) => void) | undefined,
  started: number,
) {
  let rows = 0;
  let bytes = 0;
  let sizeBytes = 1;
  let lastSent = 0;
  const report = (phase: ImportProgress["phase"], percent: number) =>
    onProgress?.({
      phase,
      percent,
      rows,
      rowsPerSecond: (rows * 1000) / Math.max(1, Date.now() - started),
    });
  return {
    get rows() {
      return rows;
    },
    /** Counts one data row; returns the count. */
    countRow: () => ++rows,
    addBytes: (n: number) => {
      bytes += n;
    },
    /** The full pass starts: bytes count again from zero (the header pass read some). */
    startReading: (size: number) => {
      bytes = 0;
      sizeBytes = Math.max(1, size);
    },
    /** A reading event, unless one was sent less than PROGRESS_INTERVAL_MS ago. */
    reading: () => {
      const now = Date.now();
      if (now - lastSent <= PROGRESS_INTERVAL_MS) return;
      lastSent = now;
      report("reading", Math.min(99, (100 * bytes) / sizeBytes));
    },
    report,
  };
}

/** Rolls a dry run back once its report is known. */
export class DryRunDone extends Error {
  constructor(readonly report: PersonnelImportReport) {
    super("dry run");
  }
}

/** Rolls back a write that the register refused row by row (e.g. a promotion before any hire). */
export class RowsRefused extends Error {
  constructor(readonly errors: RowError[]) {
    super("rows refused");
  }
}
