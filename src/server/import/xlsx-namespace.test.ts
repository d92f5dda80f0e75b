import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unprefixSpreadsheetXml } from "./xlsx-namespace";

const spreadsheet = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

async function rewrite(xml: string, cuts: readonly number[] = []): Promise<string> {
  const bytes = Buffer.from(xml, "utf8");
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks = [...points, bytes.length].map((point, i, all) =>
    bytes.subarray(i === 0 ? 0 : (all[i - 1] ?? 0), point),
  );
  async function* stream() {
    for (const chunk of chunks) yield await Promise.resolve(chunk);
  }
  const out: Buffer[] = [];
  for await (const chunk of unprefixSpreadsheetXml(stream())) out.push(chunk);
  return Buffer.concat(out).toString("utf8");
}

describe("unprefixSpreadsheetXml", () => {
  it("removes the SpreadsheetML prefix from element names, keeping the byte length", async () => {
    const xml = `<x:worksheet xmlns:x="${spreadsheet}"><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Nữ</x:t></x:is></x:c><x:c/></x:row></x:worksheet>`;
    const plain = await rewrite(xml);
    expect(plain.replace(/ +(?=[ />])/g, "")).toBe(
      `<worksheet xmlns:x="${spreadsheet}"><row r="1"><c r="A1" t="inlineStr"><is><t>Nữ</t></is></c><c/></row></worksheet>`,
    );
    expect(Buffer.byteLength(plain)).toBe(Buffer.byteLength(xml));
  });

  it("leaves parts without the prefix untouched", async () => {
    const xml = `<worksheet xmlns="${spreadsheet}" xmlns:r="rels"><row r="1"><c r:id="x"/></row></worksheet>`;
    expect(await rewrite(xml)).toBe(xml);
  });

  it("gives the same result whatever the chunks, past the part's head (property)", async () => {
    const rows = Array.from(
      { length: 200 },
      (_, i) => `<x:row r="${i + 1}"><x:c r="A${i + 1}"><x:v>${i}</x:v></x:c></x:row>`,
    ).join("");
    const xml = `<x:worksheet xmlns:x="${spreadsheet}"><x:sheetData>${rows}</x:sheetData></x:worksheet>`;
    const whole = await rewrite(xml);
    expect(whole).not.toContain("<x:");
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 20 }), async (cuts) => {
        expect(await rewrite(xml, cuts)).toBe(whole);
      }),
      { numRuns: 50 },
    );
  });
});
