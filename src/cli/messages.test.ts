import { describe, expect, it } from "vitest";
import { lockedError } from "../server/features/auth/sign-in-throttle";
import { createTranslator } from "./messages";

const now = new Date("2024-06-15T10:00:00Z");
const lockedFor = (seconds: number) =>
  createTranslator("en").describeError(lockedError(new Date(now.getTime() + seconds * 1000), now));

describe("the lockout message", () => {
  it.each([
    [900, "Too many failed attempts. Try again in 15 minutes."],
    [899.2, "Try again in 15 minutes."],
    [61, "Try again in 2 minutes."],
    [60, "Try again in 1 minute."],
    [59, "Try again in 59 seconds."],
    [1, "Try again in 1 second."],
    [0.2, "Try again in 1 second."],
  ])("names a wait of %s s in whole minutes from one minute on", (seconds, text) => {
    expect(lockedFor(seconds)).toContain(text);
  });

  it.each([
    ["ru", 900, "15 минут"],
    ["ru", 120, "2 минуты"],
    ["ru", 60, "1 минуту"],
    ["ru", 45, "45 секунд"],
    ["km", 900, "15 នាទី"],
    ["vi", 900, "15 phút"],
    ["th", 900, "15 นาที"],
    ["kk", 900, "15 минуттан"],
    ["kk", 30, "30 секундтан"],
  ] as const)("says it in %s (%s s: %s)", (locale, seconds, words) => {
    const error = lockedError(new Date(now.getTime() + seconds * 1000), now);
    expect(createTranslator(locale).describeError(error)).toContain(words);
  });
});
