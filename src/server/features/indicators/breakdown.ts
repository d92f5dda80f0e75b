import { attendanceAgeGroups, issueSources } from "../../../core/community/vocabulary";
import type { RowDisaggregation } from "../../../core/schemas/indicators";
import type { DimensionRow, RankRef, UnitRef } from "./indicators.repository";

/** Age bands at the as-of date (docs/indicators.md "Age bands"), youngest first. */
export const ageBands = ["under_25", "25_34", "35_44", "45_54", "55_plus", "unknown"] as const;
export type AgeBand = (typeof ageBands)[number];

const AGE_BAND_LABELS: Record<AgeBand, string> = {
  under_25: "<25",
  "25_34": "25–34",
  "35_44": "35–44",
  "45_54": "45–54",
  "55_plus": "55+",
  unknown: "?",
};

export function ageBandOf(age: number | null): AgeBand {
  if (age === null) return "unknown";
  if (age < 25) return "under_25";
  if (age < 35) return "25_34";
  if (age < 45) return "35_44";
  if (age < 55) return "45_54";
  return "55_plus";
}

/** What a breakdown needs to name and order its rows. */
export interface Dimensions {
  readonly ranks: ReadonlyMap<number, RankRef>;
  readonly roles: ReadonlyMap<number, { readonly code: string; readonly name: string }>;
  /** The subtree root and its children. */
  readonly units: ReadonlyMap<number, UnitRef>;
  readonly rootId: number;
}

export interface Group {
  readonly key: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
  /** Sort key: rank and group ordinals, unit and role codes, age band order. */
  readonly order: readonly (number | string)[];
}

interface Part {
  readonly code: string;
  readonly label: string;
  readonly order: number | string;
}

/** The fields a row may be grouped by: workforce rows have rank, role and age; community rows the rest. */
export type DimensionFields = Pick<DimensionRow, "childId"> &
  Partial<Pick<DimensionRow, "rankId" | "roleId" | "age">> & {
    /** Issue category code, and its configured name when it has one (seeded ones are locale keys). */
    readonly category?: string | null;
    readonly categoryName?: string | null;
    readonly source?: string | null;
    readonly ageGroup?: string | null;
  };

function vocabularyPart(code: string | null | undefined, vocabulary: readonly string[]): Part {
  const known = code ?? "unknown";
  const index = vocabulary.indexOf(known);
  return { code: known, label: known, order: index === -1 ? vocabulary.length : index };
}

function partOf(row: DimensionFields, by: RowDisaggregation, dims: Dimensions): Part {
  switch (by) {
    case "rank": {
      const rank = row.rankId === undefined ? undefined : dims.ranks.get(row.rankId);
      return { code: rank?.code ?? "?", label: rank?.name ?? "?", order: rank?.ordinal ?? 0 };
    }
    case "rank_group": {
      const rank = row.rankId === undefined ? undefined : dims.ranks.get(row.rankId);
      return {
        code: rank?.groupCode ?? "?",
        label: rank?.groupName ?? "?",
        order: rank?.groupOrdinal ?? 0,
      };
    }
    case "unit": {
      const unit = dims.units.get(row.childId);
      return { code: unit?.code ?? "?", label: unit?.name ?? "?", order: unit?.code ?? "" };
    }
    case "role": {
      const role = row.roleId == null ? undefined : dims.roles.get(row.roleId);
      return { code: role?.code ?? "none", label: role?.name ?? "—", order: role?.code ?? "~" };
    }
    case "age_band": {
      const band = ageBandOf(row.age ?? null);
      return { code: band, label: AGE_BAND_LABELS[band], order: ageBands.indexOf(band) };
    }
    case "category": {
      const code = row.category ?? "unknown";
      return { code, label: row.categoryName ?? code, order: code };
    }
    case "source":
      return vocabularyPart(row.source, issueSources);
    case "age_group":
      return vocabularyPart(row.ageGroup, attendanceAgeGroups);
  }
}

export function groupOf(
  row: DimensionFields,
  by: readonly RowDisaggregation[],
  dims: Dimensions,
): Group {
  const parts = by.map((b) => [b, partOf(row, b, dims)] as const);
  return {
    key: Object.fromEntries(parts.map(([b, p]) => [b, p.code])),
    labels: Object.fromEntries(parts.map(([b, p]) => [b, p.label])),
    order: parts.map(([, p]) => p.order),
  };
}

export interface Grouped<T> {
  readonly group: Group;
  readonly rows: T[];
}

/** Orders groups by their sort keys: numbers numerically, text by code point. */
export function compareOrder(
  a: readonly (number | string)[],
  b: readonly (number | string)[],
): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? "";
    const y = b[i] ?? "";
    if (x !== y)
      return typeof x === "number" && typeof y === "number"
        ? x - y
        : String(x) < String(y)
          ? -1
          : 1;
  }
  return 0;
}

/** Rows gathered by breakdown group, in display order. */
export function groupRows<T extends DimensionFields>(
  rows: readonly T[],
  by: readonly RowDisaggregation[],
  dims: Dimensions,
): Grouped<T>[] {
  const groups = new Map<string, Grouped<T>>();
  for (const row of rows) {
    const group = groupOf(row, by, dims);
    const id = JSON.stringify(group.key);
    const entry = groups.get(id) ?? { group, rows: [] };
    entry.rows.push(row);
    groups.set(id, entry);
  }
  return [...groups.values()].sort((a, b) => compareOrder(a.group.order, b.group.order));
}

/** Every combination the breakdown can take for ranks and units, so empty rows are shown too. */
export function emptyGroups(by: readonly RowDisaggregation[], dims: Dimensions): Group[] {
  if (by.some((b) => b !== "rank" && b !== "rank_group" && b !== "unit")) return [];
  const isByRank = by.some((b) => b === "rank" || b === "rank_group");
  const ranks = isByRank ? [...dims.ranks.values()] : [undefined];
  const units = [...dims.units.values()];
  const rows: DimensionFields[] = [];
  for (const rank of ranks) {
    for (const unit of by.includes("unit") ? units : [units[0]]) {
      if (unit) rows.push({ rankId: rank?.id, childId: unit.id, roleId: null, age: null });
    }
  }
  return groupRows(rows, by, dims).map((g) => g.group);
}
