import fs from "node:fs";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { locales, type Locale } from "../core/schemas/auth";

type Element = ReturnType<IntlMessageFormat["getAst"]>[number];

/** Element types of @formatjs/icu-messageformat-parser that matter here. */
const LITERAL = 0;
const POUND = 7;

interface Message {
  readonly key: string;
  readonly value: unknown;
}

function readCatalog(locale: Locale): unknown {
  return JSON.parse(fs.readFileSync(new URL(`./${locale}.json`, import.meta.url), "utf8"));
}

/** Leaves of a catalog by dotted path (error codes keep their own dots: "errors.db.unreachable"). */
function flatten(node: unknown, prefix = ""): Message[] {
  if (node === null || typeof node !== "object" || Array.isArray(node)) {
    return [{ key: prefix, value: node }];
  }
  return Object.entries(node).flatMap(([key, value]) =>
    flatten(value, prefix ? `${prefix}.${key}` : key),
  );
}

interface Analysis {
  readonly placeholders: string[];
  readonly literalText: string;
  readonly problems: string[];
}

/** Parses one message: its placeholders, its literal text and any misuse of plural categories. */
function analyse(locale: Locale, message: string): Analysis {
  const placeholders = new Set<string>();
  const problems: string[] = [];
  let literalText = "";
  const walk = (elements: readonly Element[]) => {
    for (const element of elements) {
      const kind: number = element.type;
      if (kind === LITERAL && "value" in element) literalText += element.value;
      else if (kind !== POUND && "value" in element) placeholders.add(element.value);
      if ("options" in element) {
        if ("pluralType" in element) {
          const type = element.pluralType ?? "cardinal";
          const expected = new Intl.PluralRules(locale, { type }).resolvedOptions()
            .pluralCategories;
          const used = Object.keys(element.options).filter((key) => !key.startsWith("="));
          const unknown = used.filter((key) => !(expected as string[]).includes(key));
          const missing = expected.filter((category) => !used.includes(category));
          if (unknown.length) {
            problems.push(`plural categories not used in ${locale}: ${unknown.join(", ")}`);
          }
          if (missing.length) {
            problems.push(`plural categories missing for ${locale}: ${missing.join(", ")}`);
          }
        }
        for (const option of Object.values(element.options)) walk(option.value);
      }
      if ("children" in element) walk(element.children);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst());
  return { placeholders: [...placeholders].sort(), literalText, problems };
}

function checkMessages(locale: Locale, english: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const { key, value } of flatten(readCatalog(locale))) {
    if (typeof value !== "string") {
      problems.push(`${key}: not a string`);
      continue;
    }
    if (value.trim() === "") {
      problems.push(`${key}: empty`);
      continue;
    }
    let analysis: Analysis;
    try {
      analysis = analyse(locale, value);
    } catch (error) {
      problems.push(`${key}: not valid ICU (${(error as Error).message})`);
      continue;
    }
    problems.push(...analysis.problems.map((problem) => `${key}: ${problem}`));
    const source = english.get(key);
    if (source === undefined) continue;
    const expected = analyse("en", source).placeholders;
    if (analysis.placeholders.join() !== expected.join()) {
      const [found, wanted] = [analysis.placeholders.join(", "), expected.join(", ")];
      problems.push(`${key}: placeholders [${found}] instead of [${wanted}]`);
    }
    if (locale !== "en" && value === source && /\p{L}/u.test(analysis.literalText)) {
      problems.push(`${key}: still the English text`);
    }
  }
  return problems;
}

const englishMessages = new Map(
  flatten(readCatalog("en")).map(({ key, value }) => [key, String(value)]),
);
const translations = locales.filter((locale) => locale !== "en");

describe("en.json", () => {
  it("has only non-empty, valid ICU messages", () => {
    expect(checkMessages("en", englishMessages)).toEqual([]);
    expect(englishMessages.size).toBeGreaterThan(50);
  });
});

describe.each(translations)("%s.json", (locale) => {
  it("has exactly the keys of en.json", () => {
    const keys = new Set(flatten(readCatalog(locale)).map(({ key }) => key));
    const missing = [...englishMessages.keys()].filter((key) => !keys.has(key));
    const extra = [...keys].filter((key) => !englishMessages.has(key));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it("translates every message into valid ICU with the English placeholders", () => {
    expect(checkMessages(locale, englishMessages)).toEqual([]);
  });
});
