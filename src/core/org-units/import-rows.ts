import type { CsvRecord } from "../import/read-csv";
import { rowError, sortRowErrors, type RowError } from "../import/row-error";
import { isIsoDate } from "../import/values";
import {
  ORG_UNIT_CODE,
  ORG_UNIT_NAME_MAX,
  orgUnitKinds,
  orgUnitSpecialisations,
  type OrgUnitKind,
} from "../schemas/org-units";

export const ORG_UNIT_COLUMNS = {
  required: ["code", "name", "kind", "parent_code"],
  optional: ["specialisation", "opened_on"],
} as const;

/** A unit already in the register, as the import sees it. */
export interface ExistingUnit {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly kind: OrgUnitKind;
  readonly specialisation: string | null;
  readonly parentId: number | null;
  readonly openedOn: string;
  readonly isClosed: boolean;
  /** Within the importing user's write scope. */
  readonly isEditable: boolean;
}

export interface PlannedUnit {
  readonly row: number;
  readonly code: string;
  readonly name: string;
  readonly kind: OrgUnitKind;
  readonly specialisation: string | null;
  readonly parentCode: string | null;
  readonly openedOn: string | null;
  readonly existingId: number | null;
  readonly change: "create" | "update" | "unchanged";
}

export type OrgUnitImportPlan =
  | { readonly ok: true; readonly units: PlannedUnit[] }
  | { readonly ok: false; readonly errors: RowError[] };

const isKind = (v: string): v is OrgUnitKind => (orgUnitKinds as readonly string[]).includes(v);
const isSpecialisation = (v: string) => (orgUnitSpecialisations as readonly string[]).includes(v);

/**
 * Validates an org-unit tree file against the register and orders it parents first. A row whose
 * code exists updates that unit (name, kind, specialisation, parent); units absent from the file
 * are left alone. Every problem of every row is reported; the plan exists only without any.
 */
export function planOrgUnitImport(
  records: readonly CsvRecord[],
  existing: readonly ExistingUnit[],
  today: string,
): OrgUnitImportPlan {
  const errors: RowError[] = [];
  const fail = (row: number, column: string | null, value: string | null, code: string) =>
    errors.push(rowError(row, column, value, code));
  const byCode = new Map(existing.map((u) => [u.code, u]));
  const byId = new Map(existing.map((u) => [u.id, u]));
  const root = existing.find((u) => u.parentId === null);
  const seen = new Map<string, number>();
  const rows: PlannedUnit[] = [];
  const parentRefs: Array<{ row: number; parentCode: string }> = [];

  for (const { row, values } of records) {
    const v = values as Record<string, string>;
    const [code, name, kind, parentCode] = [
      v.code ?? "",
      v.name ?? "",
      v.kind ?? "",
      v.parent_code ?? "",
    ];
    const [specialisation, openedOn] = [v.specialisation ?? "", v.opened_on ?? ""];
    const errorCount = errors.length;
    if (code === "") fail(row, "code", null, "required");
    else if (!ORG_UNIT_CODE.test(code)) fail(row, "code", code, "invalid_code");
    else if (seen.has(code)) fail(row, "code", code, "duplicate_code");
    if (name === "") fail(row, "name", null, "required");
    else if (name.length > ORG_UNIT_NAME_MAX) fail(row, "name", name, "too_long");
    if (kind === "") fail(row, "kind", null, "required");
    else if (!isKind(kind)) fail(row, "kind", kind, "invalid_kind");
    if (specialisation !== "" && !isSpecialisation(specialisation))
      fail(row, "specialisation", specialisation, "invalid_specialisation");
    if (openedOn !== "" && !isIsoDate(openedOn)) fail(row, "opened_on", openedOn, "invalid_date");
    else if (openedOn > today) fail(row, "opened_on", openedOn, "date_in_future");
    if (code !== "" && !seen.has(code)) seen.set(code, row);
    const current = byCode.get(code);
    if (current && !current.isEditable) fail(row, "code", code, "code_taken");
    else if (current?.isClosed) fail(row, "code", code, "unit_closed");
    else if (current && openedOn !== "" && openedOn !== current.openedOn)
      fail(row, "opened_on", openedOn, "opened_on_changed");
    if (parentCode === "") {
      const mayBeRoot = root
        ? current === root
        : records.filter((r) => !r.values.parent_code).length === 1;
      if (!mayBeRoot) fail(row, "parent_code", null, "parent_required");
    } else if (current && current === root) fail(row, "parent_code", parentCode, "is_root");
    if (parentCode !== "") parentRefs.push({ row, parentCode });
    if (errors.length > errorCount || !isKind(kind)) continue;
    rows.push({
      row,
      code,
      name,
      kind,
      specialisation: specialisation === "" ? null : specialisation,
      parentCode: parentCode === "" ? null : parentCode,
      openedOn: openedOn === "" ? null : openedOn,
      existingId: current?.id ?? null,
      change: "create",
    });
  }

  const inFile = new Map(rows.map((r) => [r.code, r]));
  for (const r of parentRefs) {
    const parent = byCode.get(r.parentCode);
    if (!inFile.has(r.parentCode) && !seen.has(r.parentCode) && (!parent || !parent.isEditable))
      fail(r.row, "parent_code", r.parentCode, "unknown_parent");
    else if (parent?.isClosed) fail(r.row, "parent_code", r.parentCode, "parent_closed");
  }
  const parentOf = (code: string): string | null => {
    const row = inFile.get(code);
    if (row) return row.parentCode;
    const unit = byCode.get(code);
    const parent = unit?.parentId == null ? undefined : byId.get(unit.parentId);
    return parent?.code ?? null;
  };
  for (const r of rows) {
    const path = new Set<string>([r.code]);
    for (let code = parentOf(r.code); code !== null; code = parentOf(code)) {
      if (code === r.code) {
        fail(r.row, "parent_code", r.parentCode, "cycle");
        break;
      }
      if (path.has(code)) break; // a cycle further up: reported on its own rows
      path.add(code);
    }
  }
  if (errors.length) return { ok: false, errors: sortRowErrors(errors) };
  return { ok: true, units: orderParentsFirst(rows, byCode, byId) };
}

function orderParentsFirst(
  rows: readonly PlannedUnit[],
  byCode: ReadonlyMap<string, ExistingUnit>,
  byId: ReadonlyMap<number, ExistingUnit>,
): PlannedUnit[] {
  const inFile = new Map(rows.map((r) => [r.code, r]));
  const ordered: PlannedUnit[] = [];
  const done = new Set<string>();
  const visit = (r: PlannedUnit) => {
    if (done.has(r.code)) return;
    done.add(r.code);
    const parent = r.parentCode === null ? undefined : inFile.get(r.parentCode);
    if (parent) visit(parent);
    ordered.push({ ...r, change: changeOf(r, byCode, byId) });
  };
  rows.forEach(visit);
  return ordered;
}

function changeOf(
  r: PlannedUnit,
  byCode: ReadonlyMap<string, ExistingUnit>,
  byId: ReadonlyMap<number, ExistingUnit>,
): PlannedUnit["change"] {
  const current = byCode.get(r.code);
  if (!current) return "create";
  const parentCode = current.parentId === null ? null : (byId.get(current.parentId)?.code ?? null);
  const isSame =
    current.name === r.name &&
    current.kind === r.kind &&
    current.specialisation === r.specialisation &&
    parentCode === r.parentCode;
  return isSame ? "unchanged" : "update";
}
