import { AppError } from "../../../core/errors";
import type { IndicatorId } from "../../../core/indicators/registry";
import type { IndicatorCell, IndicatorResult } from "../../../core/schemas/indicators";
import type {
  TransparencyArea,
  TransparencyFigure,
  TransparencyReport,
} from "../../../core/schemas/transparency";
import type { IndicatorsRepository } from "./indicators.repository";
import type { IndicatorService } from "./indicators.service";

/**
 * The figures of the transparency page, in display order. Issues raised are read from the
 * on-the-spot rate's counts (the same issues, one table: a count is never published from two
 * tables with different suppression patterns; docs/indicators.md §7).
 */
const SOURCES: readonly IndicatorId[] = [
  "on_the_spot_rate",
  "resolution_rate_officer",
  "resolution_rate_resident_confirmed",
  "referral_completion_rate",
  "median_days_to_resolution",
  "woman_officer_request_fulfilment",
  "outreach_attendance",
  "satisfaction",
];

function figureOf(result: IndicatorResult, cell: IndicatorCell): TransparencyFigure {
  const excluded = cell.parts?.excluded?.N ?? cell.parts?.open?.N;
  return {
    indicator: result.indicator,
    definitionKey: result.definitionKey,
    unitOfMeasure: result.unitOfMeasure,
    value: cell.value,
    ...(cell.reason !== undefined && { reason: cell.reason }),
    suppression: cell.suppression,
    counts: cell.counts,
    ...(cell.ci !== undefined && { ci: cell.ci && { low: cell.ci.low, high: cell.ci.high } }),
    ...(excluded !== undefined && { excluded }),
  };
}

/** Issues raised: the N of the on-the-spot table, marked as that count is. */
function issuesRaisedOf(cell: IndicatorCell): TransparencyFigure {
  const mark = cell.countMarks?.N ?? null;
  return {
    indicator: "issues_raised",
    definitionKey: "web.indicators.issues_raised",
    unitOfMeasure: "count",
    value: cell.counts.N,
    ...(mark !== null && { reason: `sdc.suppressed_${mark}` }),
    suppression: mark,
    counts: cell.counts,
  };
}

function figuresOf(
  results: readonly IndicatorResult[],
  pick: (r: IndicatorResult) => IndicatorCell,
) {
  return results.flatMap((result) =>
    result.indicator === "on_the_spot_rate"
      ? [issuesRaisedOf(pick(result)), figureOf(result, pick(result))]
      : [figureOf(result, pick(result))],
  );
}

/** The month's [from, to) and the current month from today; a month not yet begun is refused. */
function periodOf(month: string | undefined, today: string) {
  const current = today.slice(0, 7);
  const chosen = month ?? monthBefore(current);
  if (chosen > current) throw new AppError("request.invalid", { month: chosen });
  const [year, monthNumber] = chosen.split("-").map(Number) as [number, number];
  const next = new Date(Date.UTC(year, monthNumber, 1)).toISOString().slice(0, 7);
  return { month: chosen, from: `${chosen}-01`, to: `${next}-01` };
}

function monthBefore(month: string): string {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber - 2, 1)).toISOString().slice(0, 7);
}

/**
 * Monthly community figures of the whole country and of each province, computed by the indicator
 * service from the root for everyone (no sign-in), always with disclosure control (`external`).
 */
export function createTransparencyService(deps: {
  indicators: IndicatorService;
  repo: Pick<IndicatorsRepository, "findRootUnit">;
  today: () => string;
}) {
  return {
    async monthly(month: string | undefined): Promise<TransparencyReport> {
      const period = periodOf(month, deps.today());
      const root = await deps.repo.findRootUnit();
      if (!root) throw new AppError("request.not_found", {});
      const scope = { unitPaths: [root.path] };
      const results: IndicatorResult[] = [];
      for (const id of SOURCES) {
        results.push(
          await deps.indicators.compute(scope, {
            id,
            unit: root.id,
            from: period.from,
            to: period.to,
            at: period.to,
            by: ["unit"],
            audience: "external",
          }),
        );
      }
      const [first] = results;
      if (!first) throw new Error("no transparency figures");
      const provinces: TransparencyArea[] = first.rows.map((row, index) => ({
        code: row.key.unit ?? "",
        name: row.labels.unit ?? "",
        figures: figuresOf(
          results,
          (result) => result.rows.find((r) => r.key.unit === row.key.unit) ?? result.rows[index],
        ),
      }));
      return {
        ...period,
        national: {
          code: first.scope.code,
          name: first.scope.name,
          figures: figuresOf(results, (result) => result.total),
        },
        provinces,
        disclosure: {
          k: first.disclosure?.k ?? 0,
          protectionLevel: first.disclosure?.protectionLevel ?? 0,
          suppressedCells: results.reduce((n, r) => n + (r.disclosure?.suppressedCells ?? 0), 0),
          messageKey: "sdc.table_note",
        },
      };
    },
  };
}

export type TransparencyService = ReturnType<typeof createTransparencyService>;
