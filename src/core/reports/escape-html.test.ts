import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeHtml } from "./escape-html";

describe("escapeHtml", () => {
  it.each([
    ["<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ['"><img src=x onerror=alert(1)>', "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"],
    ["' onmouseover='x", "&#39; onmouseover=&#39;x"],
    ["Tom & Jerry", "Tom &amp; Jerry"],
    ["&amp;", "&amp;amp;"],
    ["ស្នងការដ្ឋាន ១", "ស្នងការដ្ឋាន ១"],
    ["", ""],
  ])("escapes %j", (text, escaped) => {
    expect(escapeHtml(text)).toBe(escaped);
  });

  it("leaves no markup character in any string, and unescaping gives the text back", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const escaped = escapeHtml(text);
        expect(escaped).not.toMatch(/[<>"']/);
        const back = escaped
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'")
          .replace(/&amp;/g, "&");
        expect(back).toBe(text);
      }),
    );
  });
});
