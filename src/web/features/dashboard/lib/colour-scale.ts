/**
 * The heat map's colour scale: the share of women in bands of 10 percentage points, from 0 to 50%
 * and above (parity). Each band has a background and the text colour that keeps the printed value
 * readable on it (contrast at least 4.5:1, WCAG AA), so colour is never the only carrier.
 */
export interface ShareBand {
  /** Lower bound of the band, a fraction (0.1 = 10%). */
  readonly from: number;
  /** Upper bound (exclusive), null for the last band. */
  readonly to: number | null;
  /** A Mantine theme colour: `indigo.4` is `var(--mantine-color-indigo-4)`. */
  readonly background: string;
  readonly text: "black" | "white";
}

export const shareBands: readonly ShareBand[] = [
  { from: 0, to: 0.1, background: "indigo.0", text: "black" },
  { from: 0.1, to: 0.2, background: "indigo.2", text: "black" },
  { from: 0.2, to: 0.3, background: "indigo.4", text: "black" },
  { from: 0.3, to: 0.4, background: "indigo.6", text: "black" },
  { from: 0.4, to: 0.5, background: "indigo.8", text: "white" },
  { from: 0.5, to: null, background: "indigo.9", text: "white" },
];

const lastBand = shareBands[shareBands.length - 1];

/** The band of a share (a fraction from 0 to 1); a value below 0 falls in the first band. */
export function bandOf(share: number): ShareBand {
  return shareBands.find((band) => band.to !== null && share < band.to) ?? lastBand;
}

/** The CSS variable of a Mantine theme colour such as `indigo.4`. */
export function themeColourVar(colour: string): string {
  const [name, shade] = colour.split(".");
  return `var(--mantine-color-${name}-${shade})`;
}
