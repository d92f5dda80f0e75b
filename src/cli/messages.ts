/** The CLI's messages: the one translator of `server/i18n`, shared with server-side renderers. */
export { createTranslator, type Translator } from "../server/i18n/translator";
