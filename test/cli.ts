import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../", import.meta.url));
const bin = path.join(repoRoot, "bin/tandem.js");

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A clean environment for the CLI: English output, quiet logs, a fixed secret key, nothing inherited but PATH and HOME. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TANDEM_LANG: "en",
    LOG_LEVEL: "warn",
    TANDEM_DEMO: "false",
    // Required with DATABASE_URL; harmless on the embedded engine.
    TANDEM_SECRET_KEY: "ab".repeat(32),
    ...extra,
  };
}

/** Starts `node bin/tandem.js …`; the caller reads the streams and waits. */
export function spawnTandem(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [bin, ...args], { cwd: repoRoot, env });
}

/** Runs `node bin/tandem.js …` to completion, optionally writing `input` to its standard input. */
export function runTandem(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  input?: string,
): Promise<CliResult> {
  const child = spawnTandem(args, env);
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  if (input !== undefined) child.stdin.end(input);
  else child.stdin.end();
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Resolves once `text` has appeared in the stream (or rejects when the process ends first). */
export function waitForOutput(
  child: ChildProcessWithoutNullStreams,
  stream: "stdout" | "stderr",
  text: string,
): Promise<string> {
  let seen = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      seen += chunk.toString("utf8");
      if (seen.includes(text)) {
        child[stream].off("data", onData);
        resolve(seen);
      }
    };
    child[stream].on("data", onData);
    child.once("exit", (code) => reject(new Error(`exited (${code}) before "${text}": ${seen}`)));
  });
}

/** A TCP port held open by this process until `close` (to provoke EADDRINUSE). */
export async function occupyPort(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return {
    port: address.port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A TCP port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const held = await occupyPort();
  await held.close();
  return held.port;
}
