/**
 * Writes the files under test/fixtures/import/ that the import readers' tests read: CSV in the
 * encodings and shapes HR offices really produce, XLSX written by exceljs, and an XLSX in another
 * producer's shape assembled part by part. The outputs are committed; run this again only to
 * change them: `npx tsx scripts/make-import-fixtures.ts`.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { writeZip } from "../test/zip";

const directory = fileURLToPath(new URL("../test/fixtures/import/", import.meta.url));

function write(name: string, content: Uint8Array | string): void {
  fs.writeFileSync(path.join(directory, name), content);
}

/**
 * Text in a single-byte code page. Characters the code page lacks precomposed are written as the
 * largest letter it has plus combining marks, as windows-1258 writes Vietnamese tones
 * ("ữ" = ư + U+0303, "ậ" = â + U+0323).
 */
function encodeSingleByte(encoding: string, text: string): Uint8Array {
  const decoder = new TextDecoder(encoding);
  const byteOf = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) {
    const char = decoder.decode(Uint8Array.of(byte));
    if (char.length === 1 && !byteOf.has(char)) byteOf.set(char, byte);
  }
  const bytes: number[] = [];
  const put = (char: string) => {
    const byte = byteOf.get(char);
    if (byte === undefined) throw new Error(`${encoding} cannot encode ${char}`);
    bytes.push(byte);
  };
  for (const char of text.normalize("NFC")) {
    if (byteOf.has(char)) {
      put(char);
      continue;
    }
    let [base = "", ...marks] = [...char.normalize("NFD")];
    for (let i = 0; i < marks.length;) {
      const composed = (base + marks[i]).normalize("NFC");
      if (composed.length === 1 && byteOf.has(composed)) {
        base = composed;
        marks = marks.filter((_, index) => index !== i);
        i = 0;
      } else {
        i++;
      }
    }
    put(base);
    marks.forEach(put);
  }
  return Uint8Array.from(bytes);
}

function utf16le(text: string): Uint8Array {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
}

function writeCsvFixtures(): void {
  write(
    "utf8-bom-km.csv",
    "\uFEFFservice_number,sex,unit,note\n" +
      "KH-0001,ស្រី,ស្នងការដ្ឋាននគរបាលខេត្តកណ្ដាល,\n" +
      "KH-0002,ប្រុស,ស្នងការដ្ឋាននគរបាលខេត្តកណ្ដាល,ប្ដូរទីតាំង\n",
  );
  write(
    "utf16le-tab.txt",
    utf16le(
      "Mã số\tGiới tính\tCấp bậc\tĐơn vị\r\n" +
        "VN-001\tNữ\tĐại úy\tCông an Quận Hoàn Kiếm\r\n" +
        "VN-002\tNam\tThượng úy\tCông an Quận Ba Đình\r\n",
    ),
  );
  write(
    "windows-1251-ru.csv",
    encodeSingleByte(
      "windows-1251",
      "Табельный номер;Пол;Звание;Подразделение;Дата приёма\r\n" +
        "Р-0001;Ж;Лейтенант полиции;Отдел полиции № 3;01.02.2015\r\n" +
        "Р-0002;М;Старший сержант;Отдел полиции № 5;15.09.2011\r\n" +
        "Р-0003;Ж;Капитан полиции;Управление по борьбе с торговлей людьми;03.03.2008\r\n",
    ),
  );
  write(
    "windows-874-th.csv",
    encodeSingleByte(
      "windows-874",
      "รหัสประจำตัว,เพศ,ยศ,หน่วยงาน,วันที่บรรจุ\r\n" +
        "TH-0001,หญิง,ร้อยตำรวจโท,สถานีตำรวจภูธรเมืองเชียงใหม่,15/03/2562\r\n" +
        "TH-0002,ชาย,ดาบตำรวจ,สถานีตำรวจนครบาลลุมพินี,01/10/2555\r\n",
    ),
  );
  write(
    "windows-1252-fr.csv",
    encodeSingleByte(
      "windows-1252",
      "Matricule;Sexe;Grade;Unité;Taille (m)\r\n" +
        "FR-001;Féminin;Capitaine;Brigade de sécurité routière;1,68\r\n" +
        "FR-002;Masculin;Lieutenant;Unité d'élite;1,82\r\n" +
        "FR-003;Féminin;Adjudant-chef;Sûreté départementale;1,74\r\n",
    ),
  );
  write(
    "windows-1258-vi.csv",
    encodeSingleByte(
      "windows-1258",
      "Mã số,Giới tính,Cấp bậc,Đơn vị\r\n" +
        "VN-001,Nữ,Đại úy,Công an Quận Hoàn Kiếm\r\n" +
        "VN-002,Nam,Thượng úy,Phòng Cảnh sát hình sự\r\n" +
        "VN-003,Nữ,Trung tá,Công an tỉnh Quảng Ngãi\r\n",
    ),
  );
  write(
    "quoted-newlines.csv",
    "service_number,sex,address,remark\r\n" +
      'P-1,F,"12 Rue Pasteur\r\nPhnom Penh","She said ""yes"""\r\n' +
      "\r\n" +
      'P-2,M,"Line one\nLine two\nLine three",5\'10" tall\r\n' +
      ",,,\r\n" +
      "P-3,F,Kandal,\r\n",
  );
  write("truncated.csv", 'service_number,sex,remark\nP-1,F,ok\nP-2,M,"cut in the mid');
  write(
    "mixed-delimiters.csv",
    "service_number;sex;rank\nP-1;F;Captain\nP-2,M,Sergeant\nP-3;F;Major\n",
  );
  write(
    "report.pdf.csv",
    "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" +
      "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n" +
      "trailer << /Root 1 0 R >>\n%%EOF\n",
  );
  const ole2 = Buffer.alloc(1536);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole2);
  ole2.writeUInt16LE(0x003e, 24);
  ole2.writeUInt16LE(0x0003, 26);
  ole2.writeUInt16LE(0xfffe, 28);
  ole2.writeUInt16LE(9, 30);
  write("legacy.xls", ole2);
}

async function writeExcelJsWorkbook(): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = workbook.modified = new Date(Date.UTC(2024, 0, 15));
  const staff = workbook.addWorksheet("Personnel");
  staff.addRow(["Personnel list — Province 3 — 2024"]);
  staff.addRow([]);
  staff.addRow(["Service number", "Sex", "Rank", "Hired", "Birth year", "Serving", "Check"]);
  const rows: ExcelJS.CellValue[][] = [
    [
      "P-0001",
      "F",
      "Captain",
      new Date(Date.UTC(2012, 2, 14)),
      1985,
      true,
      { formula: "E4+1", result: 1986 },
    ],
    [
      "P-0002",
      "M",
      { richText: [{ text: "Ser" }, { text: "geant", font: { bold: true } }] },
      new Date(Date.UTC(2019, 10, 1)),
      1990,
      false,
      { error: "#N/A" },
    ],
  ];
  for (const values of rows) staff.addRow(values).getCell(4).numFmt = "dd/mm/yyyy";
  staff.addRow([]);
  staff.addRow(["P-0003", "F", "Major", 43831, "", true]);
  workbook.addWorksheet("Ranks").addRows([
    ["Code", "Rank"],
    ["CPT", "Captain"],
    ["SGT", "Sergeant"],
  ]);
  await workbook.xlsx.writeFile(path.join(directory, "two-sheets.xlsx"));
}

const SPREADSHEET = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const relationType = (name: string) => `${RELATIONSHIPS}/${name}`;

function relationships(items: ReadonlyArray<readonly [id: string, type: string, target: string]>) {
  const list = items
    .map(
      ([id, type, target]) =>
        `<Relationship Id="${id}" Type="${relationType(type)}" Target="${target}"/>`,
    )
    .join("");
  return `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${list}</Relationships>`;
}

function contentTypes(overrides: ReadonlyArray<readonly [part: string, type: string]>): string {
  const office = "application/vnd.openxmlformats-officedocument.spreadsheetml";
  return (
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    overrides
      .map(([part, type]) => `<Override PartName="${part}" ContentType="${office}.${type}+xml"/>`)
      .join("") +
    `</Types>`
  );
}

/** Styles whose cell format 1 is the built-in date format 14; `p` is the element prefix ("x:" or ""). */
function dateStyles(p: string, namespace: string): string {
  return (
    `${XML}<${p}styleSheet ${namespace}>` +
    `<${p}fonts count="1"><${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font></${p}fonts>` +
    `<${p}fills count="1"><${p}fill><${p}patternFill patternType="none"/></${p}fill></${p}fills>` +
    `<${p}borders count="1"><${p}border/></${p}borders>` +
    `<${p}cellStyleXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellStyleXfs>` +
    `<${p}cellXfs count="2"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
    `<${p}xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></${p}cellXfs>` +
    `</${p}styleSheet>`
  );
}

/**
 * Another producer's shape: inline strings and no shared-strings part, a worksheet part not
 * named sheetN.xml reached through an absolute target, the sheet before the workbook in the zip,
 * the 1904 date system, built-in date format 14, a string formula and a shared formula.
 */
function writeOtherProducerWorkbook(): void {
  const ns = `xmlns="${SPREADSHEET}"`;
  const inline = (ref: string, text: string) =>
    `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const sheet =
    `${XML}<worksheet ${ns}><sheetData>` +
    `<row r="2">${inline("A2", "Liste du personnel &amp; unités")}</row>` +
    `<row r="4">${inline("A4", "Matricule")}${inline("B4", "Sexe")}${inline("C4", "Entrée")}${inline("D4", "Code")}</row>` +
    `<row r="5">${inline("A5", "FR-001")}${inline("B5", "F")}<c r="C5" s="1"><v>42369</v></c>` +
    `<c r="D5" t="str"><f>A5&amp;"-"&amp;B5</f><v>FR-001-F</v></c><c r="E5"><f t="shared" ref="E5:E6" si="0">1+1</f><v>2</v></c></row>` +
    `<row r="6">${inline("A6", "FR-002")}${inline("B6", "M")}<c r="C6" s="1"><v>40000.5</v></c>` +
    `<c r="D6"/><c r="E6"><f t="shared" si="0"/><v>2</v></c></row>` +
    `</sheetData></worksheet>`;
  const workbook =
    `${XML}<workbook ${ns} xmlns:rel="${RELATIONSHIPS}">` +
    `<workbookPr date1904="1"/><sheets><sheet name="Effectifs 2024" sheetId="7" rel:id="rIdSheet"/></sheets></workbook>`;
  write(
    "other-producer.xlsx",
    writeZip([
      { name: "xl/worksheets/personnel.xml", data: sheet },
      {
        name: "[Content_Types].xml",
        data: contentTypes([
          ["/xl/book.xml", "sheet.main"],
          ["/xl/worksheets/personnel.xml", "worksheet"],
          ["/xl/theme/look.xml", "styles"],
        ]),
      },
      { name: "_rels/.rels", data: relationships([["r1", "officeDocument", "xl/book.xml"]]) },
      { name: "xl/book.xml", data: workbook },
      {
        name: "xl/_rels/book.xml.rels",
        data: relationships([
          ["rIdSheet", "worksheet", "/xl/worksheets/personnel.xml"],
          ["rIdStyles", "styles", "theme/look.xml"],
        ]),
      },
      { name: "xl/theme/look.xml", data: dateStyles("", ns) },
    ]),
  );
}

/** The OpenXML SDK's shape: every element prefixed `x:`, shared strings, a date cell. */
function writeOpenXmlSdkWorkbook(): void {
  const ns = `xmlns:x="${SPREADSHEET}"`;
  const strings = ["Service number", "Sex", "Hired", "P-1", "F"];
  const shared = (ref: string, index: number) => `<x:c r="${ref}" t="s"><x:v>${index}</x:v></x:c>`;
  write(
    "openxml-sdk.xlsx",
    writeZip([
      {
        name: "[Content_Types].xml",
        data: contentTypes([
          ["/xl/workbook.xml", "sheet.main"],
          ["/xl/worksheets/sheet1.xml", "worksheet"],
          ["/xl/styles.xml", "styles"],
          ["/xl/sharedStrings.xml", "sharedStrings"],
        ]),
      },
      { name: "_rels/.rels", data: relationships([["R1", "officeDocument", "/xl/workbook.xml"]]) },
      {
        name: "xl/workbook.xml",
        data: `${XML}<x:workbook ${ns} xmlns:r="${RELATIONSHIPS}"><x:sheets><x:sheet name="Staff" sheetId="1" r:id="R2"/></x:sheets></x:workbook>`,
      },
      {
        name: "xl/_rels/workbook.xml.rels",
        data: relationships([
          ["R2", "worksheet", "/xl/worksheets/sheet1.xml"],
          ["R3", "styles", "/xl/styles.xml"],
          ["R4", "sharedStrings", "/xl/sharedStrings.xml"],
        ]),
      },
      {
        name: "xl/worksheets/sheet1.xml",
        data:
          `${XML}<x:worksheet ${ns}><x:sheetData>` +
          `<x:row r="1">${shared("A1", 0)}${shared("B1", 1)}${shared("C1", 2)}</x:row>` +
          `<x:row r="2">${shared("A2", 3)}${shared("B2", 4)}<x:c r="C2" s="1"><x:v>45000</x:v></x:c></x:row>` +
          `</x:sheetData></x:worksheet>`,
      },
      { name: "xl/styles.xml", data: dateStyles("x:", ns) },
      {
        name: "xl/sharedStrings.xml",
        data:
          `${XML}<x:sst ${ns} count="${strings.length}">` +
          strings.map((text) => `<x:si><x:t>${text}</x:t></x:si>`).join("") +
          `</x:sst>`,
      },
    ]),
  );
}

fs.mkdirSync(directory, { recursive: true });
writeCsvFixtures();
await writeExcelJsWorkbook();
writeOtherProducerWorkbook();
writeOpenXmlSdkWorkbook();
