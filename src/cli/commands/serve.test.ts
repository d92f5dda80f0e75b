import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cliEnv,
  freePort,
  occupyPort,
  runTandem,
  spawnTandem,
  waitForOutput,
} from "../../../test/cli";
import { makeTempDir, removeTempDirs } from "../../../test/temp";
import { openDatabase } from "../../server/db/client";

const exitOf = (child: ReturnType<typeof spawnTandem>) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );

/** Sends a request whose body is completed only when `finish` is called; resolves with the raw response. */
function startSlowLogin(port: number) {
  const body = JSON.stringify({ username: "nobody", password: "wrong-password" });
  const socket = net.connect(port, "127.0.0.1");
  let response = "";
  socket.setEncoding("utf8").on("data", (chunk: string) => (response += chunk));
  const done = new Promise<string>((resolve, reject) => {
    socket.once("end", () => resolve(response));
    socket.once("error", reject);
  });
  socket.write(
    `POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
  );
  return {
    finish: () => socket.write(body.slice(10)),
    done,
  };
}

describe("tandem serve", () => {
  let root: string;
  let dataDir: string;
  let env: (extra: Record<string, string>) => NodeJS.ProcessEnv;
  const lockFile = () => path.join(dataDir, "tandem.lock");

  beforeAll(() => {
    root = makeTempDir();
    dataDir = path.join(root, "data");
    env = (extra) => cliEnv({ TANDEM_DATA_DIR: dataDir, HOST: "127.0.0.1", ...extra });
  });
  afterAll(() => removeTempDirs(root));

  it("stops on SIGTERM after finishing the request in flight, and releases the data directory", async () => {
    const port = await freePort();
    // At log level info the server logs each request as soon as its headers are in.
    const child = spawnTandem(["serve"], env({ PORT: String(port), LOG_LEVEL: "info" }));
    const exited = exitOf(child);
    const banner = await waitForOutput(child, "stdout", "Press Ctrl+C to stop.");
    expect(banner).toContain(`Tandem is running at http://localhost:${port}`);
    expect(banner).toMatch(/Password: {3}[a-km-zA-HJ-NP-Z2-9]{20}\n/);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);

    const received = waitForOutput(child, "stdout", '"url":"/api/auth/login"');
    const login = startSlowLogin(port);
    await received;
    const stopping = waitForOutput(child, "stderr", "Stopping");
    const stopped = waitForOutput(child, "stderr", "Stopped.");
    child.kill("SIGTERM");
    await stopping;
    login.finish();
    const response = await login.done;
    expect(response).toMatch(/^HTTP\/1\.1 401 /);
    expect(response).toContain('{"error":{"code":"auth.invalid_credentials","details":{}}}');

    expect(await stopped).toMatch(/Stopping: .*\nStopped\.\n$/);
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(fs.existsSync(lockFile())).toBe(false);
    const database = await openDatabase({ kind: "pglite", dataDir });
    const users = await database.db.selectFrom("users").select("username").execute();
    await database.close();
    expect(users).toEqual([{ username: "admin" }]);
  });

  it("keeps the admin on restart; when killed, leaves a stale lock that the next command takes over", async () => {
    const port = await freePort();
    const child = spawnTandem(["serve"], env({ PORT: String(port) }));
    const exited = exitOf(child);
    const banner = await waitForOutput(child, "stdout", "Press Ctrl+C to stop.");
    expect(banner).toContain(
      "Forgot the password? Reset it with: npx tandem user reset-password admin",
    );
    child.kill("SIGKILL");
    expect(await exited).toEqual({ code: null, signal: "SIGKILL" });
    expect(fs.readFileSync(lockFile(), "utf8")).toBe(String(child.pid));
    const migrate = await runTandem(["migrate"], env({}));
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toBe("The database schema is up to date.\n");
    expect(fs.existsSync(lockFile())).toBe(false);
  });

  it("exits 1 with a clear message when the port is in use, and releases the data directory", async () => {
    const { port, close } = await occupyPort();
    try {
      const result = await runTandem(["serve"], env({ PORT: String(port) }));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `Error: The configuration is invalid: PORT = ${port} (EADDRINUSE).`,
      );
      expect(fs.existsSync(lockFile())).toBe(false);
    } finally {
      await close();
    }
  });
});
