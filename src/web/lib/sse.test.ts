import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSseParser, type ServerSentEvent } from "./sse";

const parseAll = (chunks: readonly string[]): ServerSentEvent[] => {
  const parser = createSseParser();
  return chunks.flatMap((chunk) => parser.push(chunk));
};

describe("createSseParser", () => {
  it("reads named events and joins multi-line data", () => {
    const stream =
      'event: progress\ndata: {"percent":10}\n\n' +
      ": a comment keeps the connection open\n\n" +
      "data: first\ndata:second\ndata\n\n" +
      "event: report\nid: 7\nretry: 100\ndata: {}\n\n";
    expect(parseAll([stream])).toEqual([
      { event: "progress", data: '{"percent":10}' },
      { event: "message", data: "first\nsecond\n" },
      { event: "report", data: "{}" },
    ]);
  });

  it("accepts CR LF and lone CR line endings, also when a chunk ends between CR and LF", () => {
    expect(parseAll(["event: a\r", "", "\ndata: 1\r", "\n\r", "\n"])).toEqual([
      { event: "a", data: "1" },
    ]);
    expect(parseAll(["event: b\rdata: 2\r\r"])).toEqual([{ event: "b", data: "2" }]);
  });

  it("dispatches nothing for a frame without data and keeps an unclosed frame back", () => {
    const parser = createSseParser();
    expect(parser.push("event: ping\n\n")).toEqual([]);
    expect(parser.push("event: report\ndata: {}\n")).toEqual([]);
    expect(parser.push("\n")).toEqual([{ event: "report", data: "{}" }]);
  });

  it("keeps only the first space after the colon and colons inside the value", () => {
    expect(parseAll(["data:  two spaces: kept\n\n"])).toEqual([
      { event: "message", data: " two spaces: kept" },
    ]);
  });

  it("yields the same events however the stream is cut into chunks", () => {
    const frame = fc.record({
      event: fc.constantFrom("progress", "report", "error"),
      lines: fc.array(
        fc.string().filter((s) => !/[\r\n]/.test(s)),
        { minLength: 1, maxLength: 3 },
      ),
      newline: fc.constantFrom("\n", "\r\n", "\r"),
    });
    fc.assert(
      fc.property(fc.array(frame, { maxLength: 6 }), fc.array(fc.nat()), (frames, cuts) => {
        const stream = frames
          .map(
            ({ event, lines, newline }) =>
              `event: ${event}${newline}` +
              lines.map((line) => `data: ${line}${newline}`).join("") +
              newline,
          )
          .join("");
        const points = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...points].map((from, i) =>
          stream.slice(from, points[i] ?? stream.length),
        );
        expect(parseAll(chunks)).toEqual(
          frames.map(({ event, lines }) => ({ event, data: lines.join("\n") })),
        );
      }),
    );
  });
});
