import type { FastifyError, FastifyInstance } from "fastify";
import { AppError } from "../../../core/errors";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Inside `scope` (an encapsulated plugin) JSON bodies must be valid UTF-8: Fastify's own parser
 * would replace broken bytes with U+FFFD and store a text the resident never wrote; here they are
 * refused with `public.encoding_invalid`. Parsing is otherwise Fastify's (prototype-poisoning
 * protection included). A body over the route's `bodyLimit` is answered `public.body_too_large`
 * with the limit; every other error goes on to the app's error handler.
 */
export function useStrictJson(scope: FastifyInstance): void {
  const parseJson = scope.getDefaultJsonParser("error", "error");
  scope.removeContentTypeParser("application/json");
  scope.addContentTypeParser("application/json", { parseAs: "buffer" }, (request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      done(new AppError("public.encoding_invalid"), undefined);
      return;
    }
    void parseJson(request, text, done);
  });
  scope.setErrorHandler((error: FastifyError, request) => {
    if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      throw new AppError("public.body_too_large", { maxBytes: request.routeOptions.bodyLimit });
    }
    throw error;
  });
}
