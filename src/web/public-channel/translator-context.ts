import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Translator } from "./i18n";

export const TranslatorContext = createContext<Translator | null>(null);

/** The page's language and messages (provided by app.tsx). */
export function useTranslator(): Translator {
  const translator = useContext(TranslatorContext);
  if (!translator) throw new Error("useTranslator outside the residents' page");
  return translator;
}
