/** A one-line progress display: redrawn in place on a terminal, one line every few seconds otherwise. */
export function createProgressLine(
  stream: NodeJS.WriteStream | NodeJS.WritableStream,
  intervalMs = 5000,
) {
  const isTty = "isTTY" in stream && stream.isTTY === true;
  let lastPrinted = 0;
  let isDirty = false;
  return {
    /** `isNews`: print even off a terminal within the interval (e.g. a new phase began). */
    update(text: string, isNews = false) {
      const now = Date.now();
      if (isTty) {
        stream.write(`\r${text}\u001b[K`);
        isDirty = true;
      } else if (isNews || now - lastPrinted >= intervalMs) {
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
