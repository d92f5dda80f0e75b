import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bandOf, shareBands, themeColourVar } from "./colour-scale";

const palette: Record<string, string> = {
  "indigo.0": "#edf2ff",
  "indigo.2": "#bac8ff",
  "indigo.4": "#748ffc",
  "indigo.6": "#4c6ef5",
  "indigo.8": "#3b5bdb",
  "indigo.9": "#364fc7",
};

const luminance = (hex: string) => {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
};

describe("bandOf", () => {
  it("puts band edges in the upper band", () => {
    expect(bandOf(0).from).toBe(0);
    expect(bandOf(0.0999).from).toBe(0);
    expect(bandOf(0.1).from).toBe(0.1);
    expect(bandOf(0.45).from).toBe(0.4);
    expect(bandOf(0.5).from).toBe(0.5);
    expect(bandOf(1).from).toBe(0.5);
  });

  it("is monotonic: a larger share never falls in a lower band", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(bandOf(low).from).toBeLessThanOrEqual(bandOf(high).from);
          expect(bandOf(high).from).toBeLessThanOrEqual(high);
        },
      ),
    );
  });

  it("covers 0 to 50% and above without gaps", () => {
    shareBands.forEach((band, i) => {
      const next = shareBands[i + 1];
      expect(band.to).toBe(next ? next.from : null);
    });
  });

  it("keeps the printed value readable: contrast at least 4.5:1 in every band", () => {
    for (const band of shareBands) {
      const background = palette[band.background];
      expect(background, band.background).toBeDefined();
      const bg = luminance(background ?? "");
      const fg = band.text === "white" ? 1 : 0;
      const ratio = (Math.max(bg, fg) + 0.05) / (Math.min(bg, fg) + 0.05);
      expect(ratio, band.background).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe("themeColourVar", () => {
  it("names the Mantine CSS variable", () => {
    expect(themeColourVar("indigo.4")).toBe("var(--mantine-color-indigo-4)");
  });
});
