/** The key of a series' denominator in chart data (the tooltip shows it as "n = …"). */
export const denominatorKeyOf = (series: string) => `n:${series}`;
