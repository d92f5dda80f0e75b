import { describe, expect, expectTypeOf, it } from "vitest";
import en from "../../locales/en.json";
import kk from "../../locales/kk.json";
import km from "../../locales/km.json";
import ru from "../../locales/ru.json";
import th from "../../locales/th.json";
import vi from "../../locales/vi.json";
import { toSexCounts } from "../stats/share";
import {
  disaggregations,
  indicatorIds,
  indicatorReasons,
  indicatorRegistry,
  isCommunityPopulation,
  isIndicatorId,
  sdcCounts,
  type IndicatorDefinition,
  type IndicatorReason,
} from "./registry";

const locales = { en, km, vi, th, ru, kk };

describe("indicator registry", () => {
  it("lists the indicators of INDICATORS.md §1–§2 and §7 under their ids", () => {
    expect(indicatorIds).toEqual([
      "headcount",
      "share_women",
      "representation_ratio",
      "glass_ceiling_index",
      "gender_parity_index",
      "gender_parity_index_adjusted",
      "target_gap",
      "leadership_share",
      "specialist_share",
      "hire_rate",
      "promotion_rate",
      "promotion_rate_ratio",
      "separation_rate",
      "leavers_by_reason",
      "time_to_promotion",
      "outreach_attendance",
      "outreach_sessions",
      "issues_raised",
      "on_the_spot_rate",
      "referral_rate",
      "referral_completion_rate",
      "resolution_rate_officer",
      "resolution_rate_resident_confirmed",
      "median_days_to_resolution",
      "overdue_share",
      "woman_officer_request_fulfilment",
      "satisfaction",
    ]);
    for (const id of indicatorIds) {
      const definition: IndicatorDefinition = indicatorRegistry[id];
      expect(definition.id).toBe(id);
      expect(definition.definitionKey).toBe(`web.indicators.${id}`);
    }
    expect(isIndicatorId("share_women")).toBe(true);
    expect(isIndicatorId("toString")).toBe(false);
  });

  it.each(Object.entries(locales))(
    "has a name and a definition for each indicator in %s",
    (_, locale) => {
      const texts: Record<string, { name?: string; definition?: string }> = locale.web.indicators;
      for (const id of indicatorIds) {
        expect(texts[id]?.name, `${id}.name`).toBeTruthy();
        expect(texts[id]?.definition, `${id}.definition`).toBeTruthy();
      }
      const reasons: Record<string, string> = locale.web.indicatorReasons;
      for (const reason of indicatorReasons) expect(reasons[reason], reason).toBeTruthy();
    },
  );

  it("lists every reason code a result can carry", () => {
    expectTypeOf<(typeof indicatorReasons)[number]>().toEqualTypeOf<IndicatorReason>();
    expect(new Set(indicatorReasons).size).toBe(indicatorReasons.length);
  });

  it("allows known disaggregations only, and no split by sex of a women-versus-men value", () => {
    for (const id of indicatorIds) {
      const definition: IndicatorDefinition = indicatorRegistry[id];
      const allowed = definition.disaggregations;
      expect(new Set(allowed).size).toBe(allowed.length);
      for (const by of allowed) expect(disaggregations).toContain(by);
      // A community proportion is measured within each sex (its parts by sex), not women vs men.
      const isWomenVersusMen =
        ["share", "ratio", "index"].includes(definition.unit) &&
        !isCommunityPopulation(definition.population);
      if (isWomenVersusMen) expect(allowed).not.toContain("sex");
      expect(definition.disclosure.counts.length).toBeGreaterThan(0);
      for (const count of definition.disclosure.counts) expect(sdcCounts).toContain(count);
    }
  });
});

describe("computing through the registry", () => {
  const counts = toSexCounts({ F: 20, M: 80, U: 5 });
  /** Community tallies under every outcome name the §7 compute functions read. */
  const outcomes = {
    solved_on_the_spot: toSexCounts({ F: 1 }),
    referred: toSexCounts({ F: 1 }),
    pending: toSexCounts({ M: 1 }),
    recorded: toSexCounts({ F: 3 }),
    awaiting: toSexCounts({ M: 1 }),
    fixed: toSexCounts({ F: 1 }),
    not_fixed: toSexCounts({ F: 1 }),
    overdue: toSexCounts({ F: 1 }),
    assigned: toSexCounts({ F: 2 }),
    "5": toSexCounts({ F: 3 }),
    "2": toSexCounts({ M: 1 }),
    session: toSexCounts({ U: 2 }),
    officer: toSexCounts({ F: 1, M: 2 }),
  };
  const reference = toSexCounts({ F: 100, M: 300 });
  const flow = {
    events: toSexCounts({ F: 2, M: 12 }),
    stockStart: toSexCounts({ F: 18, M: 82 }),
    stockEnd: toSexCounts({ F: 22, M: 78 }),
  };

  /** What the API layer will do: fetch the inputs `input` names, then call `compute`. */
  function run(definition: IndicatorDefinition): unknown {
    switch (definition.input) {
      case "sex_counts":
        return definition.compute(counts);
      case "sex_counts_vs_reference":
        return definition.compute(counts, reference);
      case "sex_counts_vs_target":
        return definition.compute(counts, { numerator: 30, denominator: 100 });
      case "flow":
        return definition.compute(flow);
      case "leavers":
        return definition.compute([{ reason: "resignation", sex: "F", count: 2 }], flow);
      case "rank_stints":
        return definition.compute(
          [
            { sex: "F", enteredOn: "2020-01-01", leftOn: "2021-01-01", isPromotion: true },
            { sex: "F", enteredOn: "2020-01-01", leftOn: null, isPromotion: false },
          ],
          "2024-01-01",
        );
      case "outcomes":
        return definition.compute(outcomes);
      case "durations":
        return definition.compute(
          [
            { days: 2, sex: "F", count: 1 },
            { days: 8, sex: "M", count: 1 },
          ],
          toSexCounts({ F: 1 }),
        );
    }
  }

  it.each([
    ["headcount", { value: 105 }],
    ["share_women", { value: 0.2, numerator: 20, denominator: 100 }],
    ["representation_ratio", { value: 0.8 }],
    ["glass_ceiling_index", { value: 0.8 }],
    ["gender_parity_index", { value: 0.25 }],
    ["gender_parity_index_adjusted", { value: 0.25 }],
    ["target_gap", { isOnTrack: false, womenShort: 10 }],
    ["leadership_share", { value: 0.2 }],
    ["specialist_share", { value: 0.2 }],
    ["hire_rate", { kind: "hire", bySex: { F: { value: 0.1 } } }],
    ["promotion_rate", { kind: "promotion", bySex: { M: { value: 0.15 } } }],
    ["promotion_rate_ratio", { numerator: 0.1, denominator: 0.15 }],
    ["separation_rate", { kind: "separation", all: { numerator: 14, denominator: 100 } }],
    ["leavers_by_reason", { all: { counts: { F: 2, N: 2 } } }],
    ["time_to_promotion", { bySex: { F: { median: { value: 366 / 365.25 } } } }],
    ["outreach_sessions", { value: 2, counts: { N: 3 } }],
    ["median_days_to_resolution", { value: 5, openIssues: 1 }],
    ["satisfaction", { numerator: 3, denominator: 4, flags: ["small_sample"] }],
  ] as const)("%s", (id, expected) => {
    expect(run(indicatorRegistry[id])).toMatchObject(expected);
  });
});
