import { describe, expect, it } from "vitest";
import en from "../../locales/en.json";
import kk from "../../locales/kk.json";
import km from "../../locales/km.json";
import ru from "../../locales/ru.json";
import th from "../../locales/th.json";
import vi from "../../locales/vi.json";
import { errorCodes } from "../errors";
import { rowSources } from "./model";
import { projectionReasons } from "./reasons";

const locales = { en, km, vi, th, ru, kk };

describe("texts of projection results", () => {
  it.each(Object.entries(locales))(
    "%s names every reason, row source and projection error",
    (_, locale) => {
      const texts: { reasons: Record<string, string>; rowSources: Record<string, string> } =
        locale.web.projections;
      expect(Object.keys(texts.reasons).sort()).toEqual([...projectionReasons].sort());
      expect(Object.keys(texts.rowSources).sort()).toEqual([...rowSources].sort());
      const errors: Record<string, string> = locale.errors;
      for (const code of errorCodes.filter((c) => c.startsWith("projection."))) {
        expect(errors[code], code).toBeTruthy();
      }
    },
  );
});
