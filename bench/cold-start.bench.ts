import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { formatNumber, printTable } from "./lib";

const root = fileURLToPath(new URL("../", import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Seconds from spawning `tandem serve` to the first 200 from /readyz; the server is then stopped. */
async function timeServerStart(dataDir: string): Promise<number> {
  const port = await freePort();
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, [path.join(root, "bin/tandem.js"), "serve"], {
    env: {
      ...process.env,
      TANDEM_DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: "warn",
      TANDEM_ADMIN_PASSWORD: "bench-password-1234",
    },
    stdio: "ignore",
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`tandem serve exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return Number(process.hrtime.bigint() - start) / 1e9;
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

/** Seconds for a bare Node process to open the same PGlite directory and answer one query. */
async function timeBareOpen(dataDir: string): Promise<number> {
  const script = `import { PGlite } from "@electric-sql/pglite";
const db = new PGlite(${JSON.stringify(path.join(dataDir, "pgdata"))});
await db.query("select count(*) from persons"); await db.close();`;
  const start = process.hrtime.bigint();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
      cwd: root,
      stdio: "ignore",
    });
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`bare open exited with ${code}`)),
    );
  });
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** (b) Cold start to /readyz on an existing data directory, beside a bare PGlite open of it. */
export async function benchColdStart(
  dataDir: string,
  label: string,
  repeats = 3,
): Promise<{ serve: number; bare: number }> {
  await timeServerStart(dataDir); // first start creates the admin user: not a "second start"
  const serve: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < repeats; i++) {
    serve.push(await timeServerStart(dataDir));
    bare.push(await timeBareOpen(dataDir));
  }
  const result = { serve: median(serve), bare: median(bare) };
  printTable(
    `(b) cold start to /readyz on an existing ${label} data directory (median of ${repeats}, alternating)`,
    ["tandem serve → /readyz", "bare PGlite open + one query", "ratio"],
    [
      [
        `${formatNumber(result.serve, 2)} s`,
        `${formatNumber(result.bare, 2)} s`,
        `${formatNumber(result.serve / result.bare, 2)}×`,
      ],
    ],
  );
  return result;
}
