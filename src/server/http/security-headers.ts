import type { FastifyInstance, FastifyRequest } from "fastify";

const policy = {
  "default-src": "'self'",
  // No inline scripts, no eval: the web app is one module bundle (Zod runs jitless, see web/lib).
  "script-src": "'self'",
  // Mantine (the UI library) sets inline style attributes and CSS variables.
  "style-src": "'self' 'unsafe-inline'",
  // data: for the locally generated QR code of two-factor enrolment.
  "img-src": "'self' data:",
  "font-src": "'self'",
  "connect-src": "'self'",
  "object-src": "'none'",
  "base-uri": "'none'",
  "form-action": "'self'",
  "frame-ancestors": "'none'",
} as const;

/**
 * One policy for every page, Swagger UI at /api/docs included: its HTML loads its scripts and styles
 * from files (no inline script, no eval), so it needs no relaxed policy of its own; the browser
 * journey (e2e/) opens /api/docs and fails on any CSP violation.
 */
export const CONTENT_SECURITY_POLICY = Object.entries(policy)
  .map(([directive, value]) => `${directive} ${value}`)
  .join("; ");
export const HSTS = "max-age=31536000; includeSubDomains";

/**
 * Response headers of every answer. HSTS only when the request arrived over TLS (directly, or
 * through a proxy trusted with TANDEM_TRUST_PROXY): sent over plain HTTP it would be ignored,
 * and on a laptop's http://localhost it must not be.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply) => {
    reply.headers(securityHeaders(request));
    // API answers carry personal data: never kept by the browser or a shared cache.
    if (request.url.startsWith("/api/") && !reply.hasHeader("Cache-Control")) {
      reply.header("Cache-Control", "no-store");
    }
  });
}

/**
 * The headers every answer carries. A streamed answer that bypasses Fastify's hooks (server-sent
 * events, `reply.hijack()`) writes them itself.
 */
export function securityHeaders(request: FastifyRequest): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(self), payment=()",
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    ...(request.protocol === "https" ? { "Strict-Transport-Security": HSTS } : {}),
  };
}
