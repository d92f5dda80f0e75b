import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  annualReportFixture,
  cell,
  counts,
  externalAnnualReportFixture,
  result,
} from "../../../test/report-fixtures";
import { buildAnnualReport } from "./annual-report";
import { toObservations } from "./observations";
import { sdmxCsvLines, sdmxTimePeriod } from "./sdmx-csv";
import { tidyCsvLines } from "./tidy-csv";

const records = (lines: string[]) =>
  parse<Record<string, string>>(lines.join(""), { columns: true });

describe("toObservations", () => {
  it("writes a count indicator as one number per sex and the total, hidden ones marked", () => {
    const headcount = result(
      "headcount",
      [
        cell({ rank_group: "senior" }, { F: null, M: 38, X: 0, U: 0, N: null }, null, {
          suppression: "primary",
        }),
      ],
      cell({}, counts(152, 1188), 1340),
    );
    const observations = toObservations([{ table: "t", result: headcount }]);
    expect(
      observations.map((o) => [o.breakdown.rank_group ?? "", o.sex, o.value, o.suppression]),
    ).toEqual([
      ["senior", "F", null, "primary"],
      ["senior", "M", 38, null],
      ["senior", "X", 0, null],
      ["senior", "U", 0, null],
      ["senior", "T", null, "primary"],
      ["", "F", 152, null],
      ["", "M", 1188, null],
      ["", "X", 0, null],
      ["", "U", 0, null],
      ["", "T", 1340, null],
    ]);
  });

  it("writes a rate by sex with numerator and denominator, and a share as the women's value", () => {
    const input = annualReportFixture();
    const [hire] = toObservations([{ table: "hire", result: input.results.hire_rate }]);
    expect(hire).toMatchObject({ sex: "F", value: 0.2, numerator: 30, denominator: 150 });
    const share = toObservations([{ table: "s", result: input.results.leadership }]);
    expect(share).toHaveLength(1);
    expect(share[0]).toMatchObject({ sex: "F", value: 0.09, numerator: 9, denominator: 100 });
  });
});

describe("sdmxTimePeriod", () => {
  it.each([
    [{ basis: "stock", at: "2024-12-31", from: null, to: null }, "2024-12-31"],
    [{ basis: "flow", at: null, from: "2024-01-01", to: "2025-01-01" }, "2024"],
    [{ basis: "flow", at: null, from: "2024-01-01", to: "2024-06-15" }, "2024-01-01/P166D"],
  ] as const)("%j → %s", (observation, period) => {
    expect(sdmxTimePeriod(observation)).toBe(period);
  });
});

describe("sdmxCsvLines", () => {
  it("starts with DATAFLOW, then dimensions, OBS_VALUE and attributes; keys are unique", () => {
    const report = buildAnnualReport(annualReportFixture());
    const lines = sdmxCsvLines(toObservations(report.datasets));
    expect(lines[0]).toBe(
      "DATAFLOW,INDICATOR,REF_AREA,TIME_PERIOD,SEX,RANK_GROUP,RANK,ROLE,AGE_BAND,EXIT_REASON," +
        "OBS_VALUE,OBS_STATUS,CONF_STATUS,UNIT_MEASURE,NUMERATOR,DENOMINATOR,COMMENT_OBS\n",
    );
    const rows = records(lines);
    const keys = rows.map((r) =>
      [
        r.INDICATOR,
        r.REF_AREA,
        r.TIME_PERIOD,
        r.SEX,
        r.RANK_GROUP,
        r.RANK,
        r.ROLE,
        r.AGE_BAND,
        r.EXIT_REASON,
      ].join("|"),
    );
    expect(new Set(keys).size).toBe(keys.length);
    expect(
      rows.find(
        (r) =>
          r.INDICATOR === "HEADCOUNT" &&
          r.TIME_PERIOD === "2024-12-31" &&
          r.SEX === "_T" &&
          r.RANK_GROUP === "_T",
      ),
    ).toMatchObject({
      DATAFLOW: "TANDEM:DF_POLICE_GENDER(1.0)",
      REF_AREA: "HQ",
      OBS_VALUE: "1347",
      OBS_STATUS: "A",
      CONF_STATUS: "F",
      UNIT_MEASURE: "NUMBER",
    });
    const retirement = rows.find((r) => r.EXIT_REASON === "retirement" && r.SEX === "M");
    expect(retirement).toMatchObject({
      INDICATOR: "LEAVERS_BY_REASON",
      TIME_PERIOD: "2024",
      OBS_VALUE: "0",
    });
    expect(rows.find((r) => r.INDICATOR === "HIRE_RATE" && r.SEX === "_O")).toMatchObject({
      OBS_VALUE: "",
      OBS_STATUS: "M",
      CONF_STATUS: "F",
      COMMENT_OBS: "empty_denominator",
    });
  });

  it("flags hidden counts C and withheld values D, with the value empty (OBS_STATUS Q)", () => {
    const report = buildAnnualReport(externalAnnualReportFixture());
    const rows = records(sdmxCsvLines(toObservations(report.datasets)));
    const senior = rows.filter(
      (r) => r.RANK_GROUP === "senior_command" && r.TIME_PERIOD === "2024-12-31",
    );
    expect(senior.find((r) => r.INDICATOR === "HEADCOUNT" && r.SEX === "F")).toMatchObject({
      OBS_VALUE: "",
      OBS_STATUS: "Q",
      CONF_STATUS: "C",
    });
    expect(senior.find((r) => r.INDICATOR === "SHARE_WOMEN")).toMatchObject({
      OBS_VALUE: "",
      OBS_STATUS: "Q",
      CONF_STATUS: "D",
      NUMERATOR: "",
    });
  });
});

describe("tidyCsvLines", () => {
  it("has a column per breakdown found, neutralises formula-like codes, and leaves hidden values empty", () => {
    const evil = result(
      "headcount",
      [
        cell({ rank: '=HYPERLINK("x")' }, { F: null, M: 9, X: 0, U: 0, N: null }, null, {
          suppression: "primary",
        }),
      ],
      cell({}, counts(10, 9), 19),
    );
    const rows = records(tidyCsvLines(toObservations([{ table: "t", result: evil }])));
    expect(Object.keys(rows[0] ?? {})).toEqual([
      "table",
      "indicator",
      "unit_of_measure",
      "scope",
      "at",
      "from",
      "to",
      "rank",
      "sex",
      "value",
      "numerator",
      "denominator",
      "suppression",
      "null_reason",
    ]);
    expect(rows[0]).toMatchObject({
      rank: '\'=HYPERLINK("x")',
      sex: "F",
      value: "",
      suppression: "primary",
    });
    expect(rows.at(-1)).toMatchObject({ rank: "", sex: "T", value: "19", suppression: "" });
  });
});
