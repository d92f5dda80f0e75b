/**
 * A parser for server-sent events (the `text/event-stream` format of the HTML standard), fed with
 * text as it arrives: a chunk may end in the middle of a line or of a CR LF pair, so the parser keeps
 * what it has not finished reading until the next chunk.
 */

export interface ServerSentEvent {
  /** The `event:` field; `message` when the frame has none. */
  readonly event: string;
  /** The `data:` lines of the frame, joined with a line feed. */
  readonly data: string;
}

export interface SseParser {
  /**
   * Reads more text; returns the events completed by it, in order. A frame the stream ends without
   * closing (no blank line after it) is never returned, as the standard says.
   */
  push(chunk: string): ServerSentEvent[];
}

export function createSseParser(): SseParser {
  let pending = "";
  let isAfterCarriageReturn = false;
  let eventName = "";
  let dataLines: string[] = [];

  const dispatch = (out: ServerSentEvent[]) => {
    if (dataLines.length > 0)
      out.push({ event: eventName || "message", data: dataLines.join("\n") });
    eventName = "";
    dataLines = [];
  };

  const readLine = (line: string, out: ServerSentEvent[]) => {
    if (line === "") return dispatch(out);
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") eventName = value;
    else if (field === "data") dataLines.push(value);
  };

  return {
    push(chunk) {
      const out: ServerSentEvent[] = [];
      if (chunk === "") return out;
      let text = chunk;
      if (isAfterCarriageReturn && text.startsWith("\n")) text = text.slice(1);
      isAfterCarriageReturn = false;
      let start = 0;
      for (let i = 0; i < text.length; i++) {
        const char = text[i];
        if (char !== "\n" && char !== "\r") continue;
        readLine(pending + text.slice(start, i), out);
        pending = "";
        if (char === "\r") {
          if (i + 1 === text.length) isAfterCarriageReturn = true;
          else if (text[i + 1] === "\n") i++;
        }
        start = i + 1;
      }
      pending += text.slice(start);
      return out;
    },
  };
}
