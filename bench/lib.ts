import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export interface Measurement {
  readonly label: string;
  readonly seconds: number;
  readonly rows?: number;
}

export async function time<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const start = process.hrtime.bigint();
  const result = await work();
  return { result, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

export function rate(m: Measurement): number {
  return (m.rows ?? 0) / m.seconds;
}

export function formatNumber(n: number, digits = 0): string {
  return n.toLocaleString("en-US", {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
}

export function printTable(
  title: string,
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    "| " + cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ") + " |";
  console.log(`\n### ${title}\n`);
  console.log(line(header));
  console.log("| " + widths.map((w) => "-".repeat(w)).join(" | ") + " |");
  for (const r of rows) console.log(line(r));
}

export function benchDir(name: string): string {
  const dir = path.resolve(".bench-data", name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Reads a CSV file as chunks of whole lines (~8 MiB each), never the whole file at once. */
export async function* readLineChunks(file: string): AsyncGenerator<string> {
  let rest = "";
  for await (const chunk of fs.createReadStream(file, {
    encoding: "utf8",
    highWaterMark: 8 * 1024 * 1024,
  })) {
    const text = rest + (chunk as string);
    const cut = text.lastIndexOf("\n") + 1;
    if (cut > 0) yield text.slice(0, cut);
    rest = text.slice(cut);
  }
  if (rest) yield rest.endsWith("\n") ? rest : rest + "\n";
}

export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Runs a command, resolving with its exit code; output is inherited or captured. */
export function run(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { env, stdio: "ignore" });
    child.once("error", reject);
    child.once("exit", (code) => resolve(code ?? 1));
  });
}
