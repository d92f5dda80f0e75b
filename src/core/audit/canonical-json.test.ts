import { describe, expect, it } from "vitest";
import { canonicalJson, type CanonicalValue } from "./canonical-json";

describe("canonicalJson", () => {
  it.each<[string, CanonicalValue, string]>([
    ["null", null, "null"],
    ["booleans", [true, false], "[true,false]"],
    ["integers", [0, -0, 1, -7, 9007199254740991], "[0,0,1,-7,9007199254740991]"],
    ["fractions and exponents", [0.1, 1e21, 1e-7, 123.45], "[0.1,1e+21,1e-7,123.45]"],
    ["strings with escapes", ['a"b\\c\n\t\u0001'], '["a\\"b\\\\c\\n\\t\\u0001"]'],
    ["non-ASCII as is", ["ភាសាខ្មែរ ไทย Қазақ"], '["ភាសាខ្មែរ ไทย Қазақ"]'],
    [
      "dates as ISO UTC with milliseconds",
      [new Date(Date.UTC(2024, 1, 29, 23, 5, 6, 7))],
      '["2024-02-29T23:05:06.007Z"]',
    ],
    [
      "sorted keys, no whitespace",
      { b: 1, a: [2, { d: null, c: "x" }] },
      '{"a":[2,{"c":"x","d":null}],"b":1}',
    ],
    [
      "keys by UTF-16 code units",
      { é: 1, z: 2, Z: 3, "10": 4, "9": 5 },
      '{"10":4,"9":5,"Z":3,"z":2,"é":1}',
    ],
    ["undefined members left out", { a: undefined, b: 1 }, '{"b":1}'],
    ["empty containers", { a: [], b: {} }, '{"a":[],"b":{}}'],
  ])("encodes %s", (_case, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it("gives the same text whatever the key insertion order", () => {
    const one = canonicalJson({ x: 1, y: { p: true, q: [1, 2] } });
    const two = canonicalJson({ y: { q: [1, 2], p: true }, x: 1 });
    expect(one).toBe(two);
    expect(one).toBe('{"x":1,"y":{"p":true,"q":[1,2]}}');
  });

  it.each<[string, CanonicalValue]>([
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["an invalid date", new Date(Number.NaN)],
  ])("refuses %s", (_case, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });
});
