/**
 * Colours and dash patterns for chart lines: each line differs in colour and in pattern, so that
 * the lines can be told apart without colour; the first line (the total) is solid.
 */
const colours = [
  "dark.5",
  "indigo.6",
  "teal.7",
  "orange.7",
  "grape.6",
  "cyan.8",
  "red.7",
  "lime.8",
];
const dashes = [undefined, "8 4", "2 3", "12 3 3 3", "4 4", "1 6", "10 6", "6 2 2 2"];

export function seriesStyle(index: number): { color: string; strokeDasharray?: string } {
  const color = colours[index % colours.length] ?? "dark.5";
  const dash = dashes[index % dashes.length];
  return dash === undefined ? { color } : { color, strokeDasharray: dash };
}
