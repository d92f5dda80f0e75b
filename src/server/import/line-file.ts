import fs from "node:fs";
import { once } from "node:events";
import readline from "node:readline";

/**
 * CSV lines spooled to a temporary file while a large import is read, so that memory stays flat
 * whatever the file's size; COPY then streams them back, each line rewritten on the way (ids that
 * are only known once the import holds its lock).
 */
export interface LineFile {
  readonly path: string;
  readonly count: number;
  /** Queues a line; call `settle()` now and then so that the queue cannot grow without bound. */
  write(line: string): void;
  /** Resolves once the queued lines are flushed far enough (the stream's backpressure). */
  settle(): Promise<void>;
  /** Releases the file handle after a failure (close() is the normal end). */
  destroy(): void;
  close(): Promise<void>;
  /** The lines, each passed through `map`, in chunks of about 1 MiB for COPY. */
  read(map: (line: string) => string): AsyncIterable<string>;
}

export function createLineFile(path: string): LineFile {
  const stream = fs.createWriteStream(path, { encoding: "utf8" });
  let count = 0;
  let failure: Error | null = null;
  stream.on("error", (error) => {
    failure = error;
  });
  const check = () => {
    if (failure) throw failure;
  };
  return {
    path,
    get count() {
      return count;
    },
    write(line) {
      check();
      count++;
      stream.write(line);
    },
    async settle() {
      check();
      if (stream.writableNeedDrain) await once(stream, "drain");
    },
    destroy() {
      stream.destroy();
    },
    async close() {
      check();
      await new Promise<void>((resolve, reject) =>
        stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
    },
    async *read(map) {
      const lines = readline.createInterface({
        input: fs.createReadStream(path, { encoding: "utf8", highWaterMark: 1024 * 1024 }),
        crlfDelay: Infinity,
      });
      let chunk = "";
      for await (const line of lines) {
        chunk += map(line) + "\n";
        if (chunk.length >= 1024 * 1024) {
          yield chunk;
          chunk = "";
        }
      }
      if (chunk) yield chunk;
    },
  };
}
