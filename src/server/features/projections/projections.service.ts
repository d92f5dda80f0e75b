import { AppError } from "../../../core/errors";
import { DEFAULT_BOOTSTRAP } from "../../../core/projections/bootstrap";
import { expandSpans, tabulateInputs } from "../../../core/projections/inputs";
import { computeProjection, type ProjectionParams } from "../../../core/projections/projection";
import type { Projection, ProjectionQuery } from "../../../core/schemas/projections";
import { isPathInScope, type Scope } from "../../http/scope";
import type { OrgUnitsRepository } from "../org-units/org-units.repository";
import { createPromiseCache } from "./estimation-cache";
import type {
  EstimationCounts,
  ProjectionsRepository,
  RankGroupRow,
} from "./projections.repository";

/** Subtrees × estimation windows × data versions kept in memory (each a few hundred rows). */
const CACHE_ENTRIES = 64;

export function createProjectionsService(deps: {
  repo: ProjectionsRepository;
  orgUnits: OrgUnitsRepository;
  today: () => string;
}) {
  const cache = createPromiseCache<EstimationCounts>(CACHE_ENTRIES);

  return {
    /**
     * The Markov projection of INDICATORS.md §5 for a unit's subtree (default: the first unit of
     * the caller's scope), in today's tree. The baseline is 1 January of the current year; the
     * estimation years are the `years` complete years before it. The counts are cached per
     * subtree, window and data stamp, so a change to the register is seen at once.
     */
    async getProjection(scope: Scope, query: ProjectionQuery): Promise<Projection> {
      const rootPath = scope.unitPaths[0];
      const unit =
        query.unit !== undefined
          ? await deps.orgUnits.findById(query.unit)
          : rootPath === undefined
            ? undefined
            : await deps.orgUnits.findByPath(rootPath);
      // Out of scope reads as absent: the existence of other units is not disclosed.
      if (!unit || !isPathInScope(scope, unit.path)) {
        throw new AppError("org_unit.not_found", { id: query.unit ?? null });
      }
      const baselineYear = Number(deps.today().slice(0, 4));
      const firstYear = baselineYear - query.years;
      const [groups, stamp] = await Promise.all([
        deps.repo.listRankGroups(),
        deps.repo.readDataStamp(),
      ]);
      const counts = await cache.get(`${unit.path}|${firstYear}|${baselineYear}|${stamp}`, () =>
        deps.repo.countEstimationInputs(unit.path, firstYear, baselineYear),
      );
      const result = computeProjection(
        toInputs(groups, counts, firstYear, baselineYear),
        toParams(query),
      );
      return {
        ...result,
        unit: { id: unit.id, code: unit.code, name: unit.name },
        grades: groups.map(({ code, name, ordinal }) => ({ code, name, ordinal })),
      };
    },
  };
}

function toInputs(
  groups: readonly RankGroupRow[],
  counts: EstimationCounts,
  firstYear: number,
  baselineYear: number,
) {
  const codeOf = new Map(groups.map((g) => [g.id, g.code]));
  const code = (id: number | null) => {
    if (id === null) return null;
    const found = codeOf.get(id);
    if (found === undefined) throw new Error(`rank group ${id} not in the rank scheme`);
    return found;
  };
  const years = Array.from({ length: baselineYear - firstYear }, (_, i) => firstYear + i);
  const stayers = expandSpans(
    counts.spans.map((row) => ({ ...row, grade: code(row.groupId) ?? "" })),
    baselineYear,
  );
  return tabulateInputs(
    groups.map((g) => ({ code: g.code, ordinal: g.ordinal })),
    years,
    baselineYear,
    [
      ...stayers.flows,
      ...counts.edges.map((row) => ({
        year: row.year,
        sex: row.sex,
        from: code(row.fromGroupId),
        to: code(row.toGroupId),
        count: row.count,
      })),
    ],
    stayers.baseline,
  );
}

function toParams(query: ProjectionQuery): ProjectionParams {
  const rows = query.gradeRow === undefined ? [] : [query.gradeRow].flat();
  return {
    horizon: query.horizon,
    whatIf: {
      ...(query.hiringShare === undefined ? {} : { hiringShare: query.hiringShare }),
      ...(query.totalHires === undefined ? {} : { totalHires: query.totalHires }),
      ...(query.promotionParity === undefined ? {} : { isPromotionParity: query.promotionParity }),
      ...(query.constantSize === undefined ? {} : { isConstantSize: query.constantSize }),
    },
    rowOverrides: rows,
    ...(query.targetShare === undefined
      ? {}
      : {
          target: {
            share: query.targetShare,
            ...(query.targetYear === undefined ? {} : { year: query.targetYear }),
            ...(query.targetRankGroup === undefined ? {} : { rankGroup: query.targetRankGroup }),
          },
        }),
    bootstrap: { replicates: query.bootstrap, seed: DEFAULT_BOOTSTRAP.seed },
  };
}

export type ProjectionsService = ReturnType<typeof createProjectionsService>;
