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
  isIndicatorId,
  sdcCounts,
  type IndicatorDefinition,
  type IndicatorReason,
} from "./registry";

const locales = { en, km, vi, th, ru, kk };

describe("indicator registry", () => {
  it("lists the indicators of INDICATORS.md §1–§2 under their ids", () => {
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
      if (["share", "ratio", "index"].includes(definition.unit))
        expect(allowed).not.toContain("sex");
      expect(definition.disclosure.counts.length).toBeGreaterThan(0);
      for (const count of definition.disclosure.counts) expect(sdcCounts).toContain(count);
    }
  });
});

describe("computing through the registry", () => {
  const counts = toSexCounts({ F: 20, M: 80, U: 5 });
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
  ] as const)("%s", (id, expected) => {
    expect(run(indicatorRegistry[id])).toMatchObject(expected);
  });
});
