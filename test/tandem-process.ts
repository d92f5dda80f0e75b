import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));

/** A fixed key: a server restarted on the same PostgreSQL database must read what it sealed. */
const TEST_SECRET_KEY = "7".repeat(64);

/** Where a `tandem serve` keeps its data: an embedded data directory or a PostgreSQL database. */
export type TandemStore =
  | { readonly kind: "pglite"; readonly dataDir: string }
  | { readonly kind: "postgres"; readonly url: string };

export interface TandemProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** SIGKILL: no shutdown, no flush; resolves once the process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM, the graceful stop; resolves with the exit code. */
  stop(): Promise<number | null>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve(child.exitCode);
  }
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/**
 * Starts `bin/tandem.js serve` as a child process on `store`, without the demo, and waits for the
 * first 200 from /readyz. `env` adds variables (e.g. raised public-channel limits).
 */
export async function spawnTandem(
  store: TandemStore,
  env: Readonly<Record<string, string>> = {},
  timeoutMs = 180_000,
): Promise<TandemProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, "bin/tandem.js"), "serve"], {
    cwd: root,
    env: {
      ...process.env,
      ...(store.kind === "pglite"
        ? { TANDEM_DATA_DIR: store.dataDir, DATABASE_URL: "" }
        : { DATABASE_URL: store.url, TANDEM_SECRET_KEY: TEST_SECRET_KEY }),
      PORT: String(port),
      HOST: "127.0.0.1",
      TANDEM_DEMO: "false",
      LOG_LEVEL: "warn",
      TANDEM_ADMIN_PASSWORD: "durability-password-1234",
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`tandem serve exited with ${child.exitCode}: ${stderr}`);
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`tandem serve was not ready after ${timeoutMs} ms: ${stderr}`);
    }
    const isReady = await fetch(`${url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (isReady) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    async kill9() {
      child.kill("SIGKILL");
      await exited(child);
    },
    async stop() {
      child.kill("SIGTERM");
      return exited(child);
    },
  };
}
