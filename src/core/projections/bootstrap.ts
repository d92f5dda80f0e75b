import { createRandom } from "../demo/prng";

export interface BootstrapOptions {
  /** Number of replicates (0: no bands). */
  readonly replicates: number;
  /** Seed of the generator: the same seed gives the same bands. */
  readonly seed: number;
}

export interface Band {
  /** 2.5th percentile. */
  readonly low: number;
  /** 97.5th percentile. */
  readonly high: number;
}

export const DEFAULT_BOOTSTRAP: BootstrapOptions = { replicates: 200, seed: 20_240_601 };

const LOW = 0.025;
const HIGH = 0.975;

/**
 * Bootstrap over estimation years (INDICATORS.md §5.1): each replicate draws as many years as
 * there are, with replacement, and `replicate` turns the sample into a vector of statistics (e.g.
 * the projected share of every year). Returns, per statistic, the 2.5th and 97.5th percentiles of
 * its non-null replicate values (null when every replicate gave null, or with no replicates).
 */
export function bootstrapBands<Year>(
  years: readonly Year[],
  options: BootstrapOptions,
  replicate: (sample: readonly Year[]) => readonly (number | null)[],
): (Band | null)[] {
  if (options.replicates <= 0 || years.length === 0) return [];
  const random = createRandom(options.seed);
  const draws: (number | null)[][] = [];
  for (let r = 0; r < options.replicates; r++) {
    const sample = years.map(() => years[random.int(0, years.length - 1)]);
    draws.push([...replicate(sample)]);
  }
  const width = draws[0]?.length ?? 0;
  return Array.from({ length: width }, (_, k) => {
    const values = draws
      .map((d) => d[k])
      .filter((v): v is number => v !== null && v !== undefined)
      .sort((a, b) => a - b);
    return values.length === 0
      ? null
      : { low: percentile(values, LOW), high: percentile(values, HIGH) };
  });
}

/** The p-quantile of sorted values, interpolating between order statistics (Hyndman & Fan type 7, R's default). */
export function percentile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lower = Math.floor(h);
  const a = sorted[lower] ?? Number.NaN;
  const b = sorted[Math.min(lower + 1, sorted.length - 1)] ?? a;
  return a + (h - lower) * (b - a);
}
