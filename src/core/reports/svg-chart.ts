import { escapeHtml } from "./escape-html";

/**
 * One series of a chart: a value per category, or the mark to show instead of a value that is
 * hidden ("x") or undefined ("–"), so that nothing is ever silently missing.
 */
export interface ChartSeries {
  readonly label: string;
  readonly values: readonly (number | string)[];
}

export interface ChartSpec {
  /** Unique in the document (clip paths are named after it). */
  readonly id: string;
  /** The accessible name of the chart. */
  readonly title: string;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  readonly formatValue: (value: number) => string;
}

export const CHART_WIDTH = 680;
const PALETTE = ["#6a3d9a", "#1f78b4", "#e66101", "#1b9e77", "#b2182b", "#4d4d4d", "#a6761d"];
const FONT = 11;

/** The colour of series `index` (the report's tables use the same colours in their keys). */
export function seriesColour(index: number): string {
  return PALETTE[index % PALETTE.length] ?? "#000";
}

/** The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above `value` (1 for nothing above 0). */
export function niceMax(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** The value axis: ticks every `step` (a round number) up to `top`, at most 5 intervals. */
export function valueAxis(max: number): { readonly step: number; readonly top: number } {
  const step = niceMax(max / 5);
  const top = Math.max(step, Math.ceil(max / step - 1e-9) * step);
  return { step, top };
}

const numbersOf = (spec: ChartSpec) =>
  spec.series.flatMap((s) => s.values).filter((v): v is number => typeof v === "number");

const round = (n: number) => Math.round(n * 10) / 10;

function text(x: number, y: number, content: string, attributes = ""): string {
  return `<text x="${round(x)}" y="${round(y)}"${attributes ? ` ${attributes}` : ""}>${escapeHtml(content)}</text>`;
}

const LEGEND_LINE = 16;

/**
 * The legend, wrapped onto as many lines as it needs (text widths are estimated generously). A
 * series with values not drawn gets their marks after its label ("Senior command: x").
 */
function legend(series: readonly ChartSeries[]): { svg: string; height: number } {
  let x = 0;
  let y = 12;
  const items = series.map((s, i) => {
    const marks = [...new Set(s.values.filter((v): v is string => typeof v === "string"))];
    const label = marks.length > 0 ? `${s.label}: ${marks.join(" ")}` : s.label;
    const width = 24 + label.length * 6.6;
    if (x > 0 && x + width > CHART_WIDTH) {
      x = 0;
      y += LEGEND_LINE;
    }
    const item =
      `<rect x="${round(x)}" y="${y - 9}" width="10" height="10" fill="${seriesColour(i)}"/>` +
      text(x + 14, y, label);
    x += width;
    return item;
  });
  return { svg: items.join(""), height: y + 8 };
}

function svg(spec: ChartSpec, height: number, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" ` +
    `aria-label="${escapeHtml(spec.title)}" width="${CHART_WIDTH}" height="${height}" ` +
    `viewBox="0 0 ${CHART_WIDTH} ${height}" font-size="${FONT}">` +
    `<title>${escapeHtml(spec.title)}</title>${body}</svg>`
  );
}

/**
 * Horizontal grouped bars: one band per category (its label on the left, clipped to the label
 * column), one bar per series with its value at the end, or the series' mark instead of a bar.
 */
export function renderBarChart(spec: ChartSpec): string {
  const labelWidth = 190;
  const plotWidth = CHART_WIDTH - labelWidth - 60;
  const barHeight = 11;
  const band = spec.series.length * (barHeight + 2) + 8;
  const key = legend(spec.series);
  const top = key.height + 6;
  const bottom = top + spec.categories.length * band;
  const height = bottom + 22;
  const axis = valueAxis(Math.max(0, ...numbersOf(spec)));
  const scale = (v: number) => (Math.min(Math.max(v, 0), axis.top) / axis.top) * plotWidth;
  const clip = `${escapeHtml(spec.id)}-labels`;
  const parts = [
    `<defs><clipPath id="${clip}"><rect x="0" y="0" width="${labelWidth - 6}" height="${height}"/></clipPath></defs>`,
    key.svg,
  ];
  for (let tick = 0; tick * axis.step <= axis.top + 1e-9; tick++) {
    const x = labelWidth + scale(tick * axis.step);
    parts.push(
      `<line x1="${round(x)}" y1="${top}" x2="${round(x)}" y2="${bottom}" stroke="#ddd"/>`,
      text(x, bottom + 14, spec.formatValue(tick * axis.step), `text-anchor="middle" fill="#555"`),
    );
  }
  spec.categories.forEach((category, c) => {
    const y0 = top + c * band + 4;
    parts.push(text(0, y0 + band / 2, category, `clip-path="url(#${clip})"`));
    spec.series.forEach((series, s) => {
      const y = y0 + s * (barHeight + 2);
      const value = series.values[c] ?? "";
      if (typeof value === "string") {
        parts.push(text(labelWidth + 4, y + barHeight - 1, value, `fill="#555"`));
        return;
      }
      const w = scale(value);
      parts.push(
        `<rect x="${labelWidth}" y="${round(y)}" width="${round(w)}" height="${barHeight}" fill="${seriesColour(s)}"/>`,
        text(labelWidth + w + 4, y + barHeight - 1, spec.formatValue(value), `fill="#222"`),
      );
    });
  });
  return svg(spec, height, parts.join(""));
}

/**
 * Lines over categories (years) from 0 to a round maximum, with a dot per value. A value that is
 * a mark breaks its line; the legend lists the series' marks.
 */
export function renderLineChart(spec: ChartSpec): string {
  const left = 56;
  const right = 16;
  const key = legend(spec.series);
  const top = key.height + 10;
  const plotHeight = 180;
  const height = top + plotHeight + 30;
  const plotWidth = CHART_WIDTH - left - right;
  const axis = valueAxis(Math.max(0, ...numbersOf(spec)));
  const count = spec.categories.length;
  const xAt = (i: number) => left + (count <= 1 ? plotWidth / 2 : (plotWidth * i) / (count - 1));
  const yAt = (v: number) =>
    top + plotHeight - (Math.min(Math.max(v, 0), axis.top) / axis.top) * plotHeight;
  const parts = [key.svg];
  for (let tick = 0; tick * axis.step <= axis.top + 1e-9; tick++) {
    const y = yAt(tick * axis.step);
    parts.push(
      `<line x1="${left}" y1="${round(y)}" x2="${CHART_WIDTH - right}" y2="${round(y)}" stroke="#ddd"/>`,
      text(left - 6, y + 4, spec.formatValue(tick * axis.step), `text-anchor="end" fill="#555"`),
    );
  }
  spec.categories.forEach((category, i) => {
    parts.push(text(xAt(i), top + plotHeight + 16, category, `text-anchor="middle" fill="#555"`));
  });
  spec.series.forEach((series, s) => {
    const colour = seriesColour(s);
    let segment: string[] = [];
    const flush = () => {
      if (segment.length > 1) {
        parts.push(
          `<polyline points="${segment.join(" ")}" fill="none" stroke="${colour}" stroke-width="2"/>`,
        );
      }
      segment = [];
    };
    series.values.forEach((value, i) => {
      if (typeof value === "string") {
        flush();
        return;
      }
      const point = `${round(xAt(i))},${round(yAt(value))}`;
      segment.push(point);
      parts.push(
        `<circle cx="${round(xAt(i))}" cy="${round(yAt(value))}" r="2.5" fill="${colour}"/>`,
      );
    });
    flush();
  });
  return svg(spec, height, parts.join(""));
}
