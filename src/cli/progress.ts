/** A one-line progress display: redrawn in place on a terminal, one line every few seconds otherwise. */
export function createProgressLine(
  stream: NodeJS.WriteStream | NodeJS.WritableStream,
  intervalMs = 5000,
) {
  const isTty = "isTTY" in stream && stream.isTTY === true;
  let lastPrinted = 0;
  let isDirty = false;
  return {
    update(text: string) {
      const now = Date.now();
      if (isTty) {
        stream.write(`\r${text}\u001b[K`);
        isDirty = true;
      } else if (now - lastPrinted >= intervalMs) {
        stream.write(text + "\n");
        lastPrinted = now;
      }
    },
    done() {
      if (isDirty) stream.write("\n");
      isDirty = false;
    },
  };
}
