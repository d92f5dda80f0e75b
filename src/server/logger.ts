import pino from "pino";

/**
 * Secrets never reach the logs. Fastify logs no headers or bodies by default; these paths are
 * redacted in case a log call or a serializer ever includes them.
 */
export const LOG_REDACT_PATHS = [
  "req.headers.cookie",
  "req.headers.authorization",
  'req.headers["x-csrf-token"]',
  'req.headers["x-follow-up-secret"]',
  'res.headers["set-cookie"]',
  "*.password",
  "*.currentPassword",
  "*.newPassword",
  "*.token",
  "*.csrfToken",
  "*.secret",
  "*.followUpSecret",
  "*.recoveryCodes",
];

/** The server's JSON logger (one line per event on standard output, or on `destination`). */
export function createLogger(level: string, destination?: pino.DestinationStream): pino.Logger {
  return pino({ level, redact: LOG_REDACT_PATHS }, destination);
}
