import { describe, expect, it } from "vitest";
import { rowError } from "../../../core/import/row-error";
import { errorReportCsv } from "./error-csv";

describe("errorReportCsv", () => {
  it("writes a header and one line per error with its translated message", () => {
    const csv = errorReportCsv(
      [rowError(2, "Sex", "Q", "invalid_sex"), rowError(7, null, null, "duplicate_row")],
      (e) => `${e.code} at row ${e.row}`,
    );
    expect(csv).toBe(
      "\uFEFFrow,column,value,code,message\n" +
        "2,Sex,Q,invalid_sex,invalid_sex at row 2\n" +
        "7,,,duplicate_row,duplicate_row at row 7\n",
    );
  });

  it("neutralises values a spreadsheet would run as formulas and quotes what CSV needs", () => {
    const csv = errorReportCsv(
      [rowError(3, "=Rank", '=HYPERLINK("http://x","y")', "unknown_rank")],
      () => "Rank “=HYPERLINK” is unknown, see row 3",
    );
    expect(csv.split("\n")[1]).toBe(
      `3,'=Rank,"'=HYPERLINK(""http://x"",""y"")",unknown_rank,"Rank “=HYPERLINK” is unknown, see row 3"`,
    );
  });

  it("keeps Khmer and Thai text as it is", () => {
    const csv = errorReportCsv([rowError(4, "ភេទ", "ស្រី?", "invalid_sex")], () => "ភេទមិនត្រឹមត្រូវ");
    expect(csv.split("\n")[1]).toBe("4,ភេទ,ស្រី?,invalid_sex,ភេទមិនត្រឹមត្រូវ");
  });
});
