import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { writeZip } from "../../../test/zip";
import { fileExtension, sniffFormat } from "./sniff";

const fixture = (name: string) =>
  new Uint8Array(
    fs.readFileSync(new URL(`../../../test/fixtures/import/${name}`, import.meta.url)),
  );
const text = (value: string) => new TextEncoder().encode(value);

function refusal(bytes: Uint8Array, fileName: string): unknown {
  try {
    sniffFormat(bytes, fileName);
  } catch (error) {
    return error;
  }
  throw new Error("accepted");
}

describe("sniffFormat", () => {
  it("reads text as CSV and Office Open XML workbooks as XLSX, whatever the name says", () => {
    expect(sniffFormat(fixture("windows-1251-ru.csv"), "staff.csv")).toBe("csv");
    expect(sniffFormat(fixture("utf16le-tab.txt"), "staff.xls")).toBe("csv");
    expect(sniffFormat(text("code;name\nA;b\n"), "staff.xlsx")).toBe("csv");
    expect(sniffFormat(fixture("two-sheets.xlsx"), "staff.xlsx")).toBe("xlsx");
    expect(sniffFormat(fixture("two-sheets.xlsx"), "staff.csv")).toBe("xlsx");
    expect(sniffFormat(fixture("other-producer.xlsx"), "export")).toBe("xlsx");
    expect(sniffFormat(new Uint8Array(), "empty.csv")).toBe("csv");
    expect(sniffFormat(text("BMI,sex\n22,F\n"), "health.csv")).toBe("csv");
  });

  it("refuses a legacy Excel 97–2003 workbook", () => {
    expect(refusal(fixture("legacy.xls"), "staff.xls")).toMatchObject({
      code: "import.file_type_unsupported",
      details: { fileName: "staff.xls", actual: "xls" },
    });
  });

  it("says what a file really is when its name claims a readable format", () => {
    expect(refusal(fixture("report.pdf.csv"), "staff.csv")).toMatchObject({
      code: "import.file_type_mismatch",
      details: { fileName: "staff.csv", extension: "csv", actual: "pdf" },
    });
    expect(refusal(fixture("legacy.xls"), "staff.xlsx")).toMatchObject({
      code: "import.file_type_mismatch",
      details: { extension: "xlsx", actual: "xls" },
    });
    const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
    expect(refusal(png, "staff.csv")).toMatchObject({ details: { actual: "image" } });
    const jpeg = Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46);
    expect(refusal(jpeg, "photo.jpg")).toMatchObject({
      code: "import.file_type_unsupported",
      details: { actual: "image" },
    });
  });

  it("tells other zip files from workbooks", () => {
    const word = writeZip([
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "word/document.xml", data: "<w:document/>" },
    ]);
    const photos = writeZip([{ name: "photos/a.jpg", data: "jpeg" }]);
    const ods = writeZip([
      { name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet", stored: true },
    ]);
    expect(refusal(word, "staff.xlsx")).toMatchObject({ details: { actual: "word" } });
    expect(refusal(photos, "staff.zip")).toMatchObject({
      code: "import.file_type_unsupported",
      details: { actual: "zip" },
    });
    expect(refusal(ods, "staff.ods")).toMatchObject({ details: { actual: "opendocument" } });
    expect(refusal(writeZip([{ name: "xl/workbook.bin", data: "" }]), "a.xlsb")).toMatchObject({
      details: { actual: "xlsb" },
    });
  });

  it("refuses binary data and web pages saved as spreadsheets", () => {
    const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    expect(refusal(garbage, "staff.csv")).toMatchObject({
      code: "import.file_type_mismatch",
      details: { actual: "other" },
    });
    const html = text("\uFEFF  <html><body><table><tr><td>P-1</td></tr></table></body></html>");
    expect(refusal(html, "export.xls")).toMatchObject({
      code: "import.file_type_unsupported",
      details: { actual: "html" },
    });
    const xml = text(
      '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">',
    );
    expect(refusal(xml, "export.xml")).toMatchObject({ details: { actual: "xml" } });
  });
});

describe("fileExtension", () => {
  it("is the lower-case text after the last dot of the last path segment", () => {
    expect(fileExtension("C:\\HR\\Staff.CSV")).toBe("csv");
    expect(fileExtension("/tmp/a.b/staff")).toBe("");
    expect(fileExtension(".hidden")).toBe("");
    expect(fileExtension("export.2024.xlsx")).toBe("xlsx");
  });
});
