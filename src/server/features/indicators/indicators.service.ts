import { AppError } from "../../../core/errors";
import {
  indicatorRegistry,
  isCommunityPopulation,
  type IndicatorDefinition,
  type IndicatorId,
} from "../../../core/indicators/registry";
import type {
  IndicatorQuery,
  IndicatorResult,
  RowDisaggregation,
  TrendQuery,
  TrendResult,
} from "../../../core/schemas/indicators";
import type { CubePost } from "../../analytics/headcount-query";
import { isPathInScope, type Scope } from "../../http/scope";
import { emptyGroups, type Dimensions } from "./breakdown";
import { computeCells, type CellInputs } from "./compute-cells";
import { protectResult } from "./disclosure";
import type { DimensionRow, IndicatorsRepository, UnitRef } from "./indicators.repository";

export interface IndicatorRequest extends IndicatorQuery {
  readonly id: IndicatorId;
}

export interface TrendRequest extends TrendQuery {
  readonly id: IndicatorId;
}

/** Breakdowns the cube answers; role and age band need the spells. */
const CUBE_BREAKDOWNS: readonly RowDisaggregation[] = ["rank", "rank_group", "unit"];

/** Populations the cubes hold: everyone in post (headcount cube), leadership and specialist posts. */
const CUBE_POSTS: Readonly<Record<string, CubePost | null>> = {
  in_post: null,
  promotion_eligible: null,
  leadership_posts: "leadership",
  specialist_units: "specialist",
};

function shiftYears(date: string, years: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCFullYear(day.getUTCFullYear() + years);
  return day.toISOString().slice(0, 10);
}

function shiftDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

interface Period {
  readonly at: string;
  readonly from: string;
  readonly to: string;
}

/**
 * The `count` calendar months ending with `at`'s month: flows over each month, stocks at its last
 * day; the last month stops at `at` (its flow is [first day, the day after `at`)).
 */
export function monthlyPeriods(at: string, count: number): Period[] {
  const first = new Date(`${at.slice(0, 7)}-01T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => {
    const start = new Date(first);
    start.setUTCMonth(first.getUTCMonth() - (count - 1 - i));
    const next = new Date(start);
    next.setUTCMonth(start.getUTCMonth() + 1);
    const from = start.toISOString().slice(0, 10);
    const to = next.toISOString().slice(0, 10);
    const end = shiftDays(to, -1);
    return end < at ? { at: end, from, to } : { at, from, to: shiftDays(at, 1) };
  });
}

export function createIndicatorService(deps: {
  repo: IndicatorsRepository;
  today: () => string;
  /** Disclosure-control threshold for external results (INDICATORS.md §8; default 5). */
  sdcThreshold: number;
}) {
  const { repo } = deps;

  async function resolveRoot(scope: Scope, unitId: number | undefined): Promise<UnitRef> {
    const rootPath = scope.unitPaths[0];
    const unit =
      unitId !== undefined
        ? await repo.findUnit(unitId)
        : rootPath === undefined
          ? undefined
          : await repo.findUnitByPath(rootPath);
    // Out of scope reads as absent: the existence of other units is not disclosed.
    if (!unit || !isPathInScope(scope, unit.path)) {
      throw new AppError("org_unit.not_found", { id: unitId ?? null });
    }
    return unit;
  }

  async function loadDimensions(root: UnitRef): Promise<Dimensions & { topRankIds: number[] }> {
    const [ranks, roles, children] = await Promise.all([
      repo.listRanks(),
      repo.listRoles(),
      repo.listChildren(root.id),
    ]);
    const topOrdinal = Math.max(...ranks.map((r) => r.ordinal));
    return {
      ranks: new Map(ranks.map((r) => [r.id, r])),
      roles: new Map(roles.map((r) => [r.id, r])),
      units: new Map([root, ...children].map((u) => [u.id, u])),
      rootId: root.id,
      topRankIds: ranks.filter((r) => r.ordinal === topOrdinal).map((r) => r.id),
    };
  }

  function checkBreakdown(definition: IndicatorDefinition, by: readonly RowDisaggregation[]) {
    for (const breakdown of by) {
      if (!(definition.disaggregations as readonly string[]).includes(breakdown)) {
        throw new AppError("indicators.breakdown_not_allowed", {
          indicator: definition.id,
          breakdown,
        });
      }
    }
  }

  /** Everything a request needs once, whatever the number of dates it asks for. */
  async function prepare(scope: Scope, request: IndicatorQuery & { id: IndicatorId }) {
    const definition: IndicatorDefinition = indicatorRegistry[request.id];
    const by = request.by ?? [];
    checkBreakdown(definition, by);
    const root = await resolveRoot(scope, request.unit);
    const [dims, range] = await Promise.all([loadDimensions(root), repo.readCubeRange()]);
    const isCubeAnswerable =
      Object.hasOwn(CUBE_POSTS, definition.population) &&
      by.every((b) => CUBE_BREAKDOWNS.includes(b));
    const isCubed =
      root.kind !== "station" && [...dims.units.values()].every((u) => u.kind !== "station");
    return { definition, by, root, dims, range, isCubeAnswerable, isCubed, request };
  }
  type Context = Awaited<ReturnType<typeof prepare>>;

  /** The stocks of the definition's population on each date, by every dimension it needs. */
  async function countStocks(ctx: Context, dates: readonly string[]) {
    const { definition, root, dims } = ctx;
    const unique = [...new Set(dates)];
    if (!ctx.isCubeAnswerable) {
      const rows = await Promise.all(
        unique.map((at) => repo.countStock(root, at, definition.population, dims.topRankIds)),
      );
      return new Map(unique.map((at, i) => [at, rows[i] ?? []]));
    }
    const counts = await repo.countInPostFast(
      root,
      unique,
      ctx.range,
      ctx.isCubed,
      CUBE_POSTS[definition.population] ?? undefined,
    );
    if (definition.population !== "promotion_eligible") return counts;
    return new Map(
      [...counts].map(([at, rows]) => [
        at,
        rows.filter((r) => !dims.topRankIds.includes(r.rankId)),
      ]),
    );
  }

  async function gatherInputs(
    ctx: Context,
    period: { at: string; from: string; to: string },
    stocks: ReadonlyMap<string, DimensionRow[]>,
  ): Promise<CellInputs> {
    const { definition, root, dims } = ctx;
    if (isCommunityPopulation(definition.population)) {
      return {
        kind: "community",
        rows: await repo.countCommunity(root, definition.population, period),
      };
    }
    if (definition.input === "rank_stints") {
      return {
        kind: "stints",
        stints: await repo.listRankStints(root, period.at, dims.topRankIds),
      };
    }
    if (definition.input === "sex_counts_vs_target") {
      const targets = await repo.listTargets([...dims.units.keys()]);
      return { kind: "stock", rows: stocks.get(period.at) ?? [], targets };
    }
    if (definition.basis === "stock") return { kind: "stock", rows: stocks.get(period.at) ?? [] };
    const start = stocks.get(period.from) ?? [];
    const end = stocks.get(period.to) ?? [];
    if (definition.input === "leavers") {
      return {
        kind: "leavers",
        start,
        end,
        leavers: await repo.countLeavers(root, period.from, period.to),
      };
    }
    const kind =
      definition.id === "hire_rate"
        ? "hire"
        : definition.id === "separation_rate"
          ? "separation"
          : "promotion";
    const events = ctx.isCubeAnswerable
      ? await repo.countFlowFast(root, kind, period.from, period.to, ctx.isCubed)
      : await repo.countFlowEvents(root, kind, period.from, period.to);
    return { kind: "flow", start, end, events };
  }

  function periodOf(definition: IndicatorDefinition, query: IndicatorQuery) {
    const at = query.at ?? deps.today();
    const to = query.to ?? at;
    const from = query.from ?? shiftYears(to, -1);
    if (definition.basis === "flow" && from >= to) {
      throw new AppError("indicators.period_invalid", { from, to });
    }
    return { at, from, to };
  }

  function datesOf(ctx: Context, period: { at: string; from: string; to: string }): string[] {
    if (ctx.definition.input === "rank_stints" || isCommunityPopulation(ctx.definition.population))
      return [];
    return ctx.definition.basis === "stock" ? [period.at] : [period.from, period.to];
  }

  async function resultFor(
    ctx: Context,
    period: { at: string; from: string; to: string },
    stocks: ReadonlyMap<string, DimensionRow[]>,
  ): Promise<IndicatorResult> {
    const { definition, by, root, dims } = ctx;
    const inputs = await gatherInputs(ctx, period, stocks);
    const { total, rows } = computeCells(definition, inputs, by, dims, emptyGroups(by, dims), {
      at: period.at,
    });
    const result: IndicatorResult = {
      indicator: definition.id,
      unitOfMeasure: definition.unit,
      basis: definition.basis,
      definitionKey: definition.definitionKey,
      scope: { id: root.id, code: root.code, name: root.name },
      at: definition.basis === "stock" ? period.at : null,
      from: definition.basis === "flow" ? period.from : null,
      to: definition.basis === "flow" ? period.to : null,
      by: [...by],
      total,
      rows,
      disclosure: null,
    };
    return ctx.request.audience === "external" ? protectResult(result, deps.sdcThreshold) : result;
  }

  async function compute(scope: Scope, request: IndicatorRequest): Promise<IndicatorResult> {
    const ctx = await prepare(scope, request);
    const period = periodOf(ctx.definition, request);
    return resultFor(ctx, period, await countStocks(ctx, datesOf(ctx, period)));
  }

  return {
    compute,

    /**
     * The day the dashboard opens on: the end of the month of the latest career event (the register
     * is complete to there; a month-end is read straight from the cube), never after today.
     */
    async dataAsOf(): Promise<string | null> {
      const today = deps.today();
      const latest = await repo.latestEventDate(today);
      if (latest === null) return null;
      const monthEnd = new Date(`${latest.slice(0, 7)}-01T00:00:00Z`);
      monthEnd.setUTCMonth(monthEnd.getUTCMonth() + 1, 0);
      const end = monthEnd.toISOString().slice(0, 10);
      return end < today ? end : today;
    },

    /**
     * Monthly points when `months` is given (`monthlyPeriods`). Otherwise yearly points: stocks at the end of each of the `years` years before `at`'s year, then at
     * `at` itself; flows over each of those calendar years, then over the year ending at `at`.
     * Year-ends are month-ends, so every point but the last is read straight from the cube.
     */
    async trend(scope: Scope, request: TrendRequest): Promise<TrendResult> {
      const ctx = await prepare(scope, request);
      const at = request.at ?? deps.today();
      if (request.months !== undefined) {
        const points: IndicatorResult[] = [];
        for (const period of monthlyPeriods(at, request.months)) {
          const stocks = await countStocks(ctx, datesOf(ctx, period));
          points.push(await resultFor(ctx, period, stocks));
        }
        return { indicator: request.id, points };
      }
      const year = Number(at.slice(0, 4));
      const yearEnds = Array.from({ length: request.years }, (_, i) => {
        const y = year - request.years + i;
        return { at: `${y}-12-31`, from: `${y}-01-01`, to: `${y + 1}-01-01` };
      });
      const periods = [...yearEnds, { at, from: shiftYears(at, -1), to: at }].filter(
        (p) => p.at <= at,
      );
      const stocks = await countStocks(
        ctx,
        periods.flatMap((p) => datesOf(ctx, p)),
      );
      const points: IndicatorResult[] = [];
      for (const period of periods) points.push(await resultFor(ctx, period, stocks));
      return { indicator: request.id, points };
    },
  };
}

export type IndicatorService = ReturnType<typeof createIndicatorService>;
