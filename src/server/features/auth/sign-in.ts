import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { AuditRecorder } from "../../audit/recorder";
import type { DB } from "../../db/schema";
import { createSecretBox, SECRET_KEY_BYTES } from "../../security/secret-box";
import type { UsersRepository } from "../users/users.repository";
import { createAuthAudit } from "./auth-audit";
import { createAuthRepository } from "./auth.repository";
import { registerAuthRoutes } from "./auth.routes";
import { createAuthService } from "./auth.service";
import { createSecondFactor } from "./second-factor";
import { createSessionIssuer } from "./sessions";
import { createSignInThrottle } from "./sign-in-throttle";
import { createThrottleRepository } from "./throttle.repository";
import { createTwoFactorRepository } from "./two-factor.repository";
import { registerTwoFactorRoutes } from "./two-factor.routes";
import { createTwoFactorService } from "./two-factor.service";

/**
 * The sign-in feature assembled: sessions, throttling, two-factor sign-in. All of its state is in
 * the database, so any number of processes can serve the same users.
 */
export function createSignIn(deps: {
  db: Kysely<DB>;
  users: UsersRepository;
  audit: AuditRecorder;
  now: () => Date;
  /**
   * Encrypts TOTP secrets at rest (TANDEM_SECRET_KEY, or the embedded key file; see server/main.ts).
   * Without one (tests), a random key for this process only.
   */
  secretKey?: Buffer;
}) {
  const { db, users, now } = deps;
  const auth = createAuthRepository(db);
  const twoFactorRepo = createTwoFactorRepository(db);
  const box = createSecretBox(deps.secretKey ?? randomBytes(SECRET_KEY_BYTES));
  const secondFactor = createSecondFactor({ repo: twoFactorRepo, box, now });
  const sessions = createSessionIssuer({ auth, now });
  const throttle = createSignInThrottle({ repo: createThrottleRepository(db), now });
  const authService = createAuthService({
    auth,
    users,
    twoFactor: twoFactorRepo,
    secondFactor,
    throttle,
    sessions,
    now,
    audit: deps.audit,
  });
  const twoFactorService = createTwoFactorService({
    repo: twoFactorRepo,
    secondFactor,
    auth,
    authService,
    sessions,
    audit: createAuthAudit({ audit: deps.audit, users }),
    now,
  });
  return {
    authService,
    twoFactorService,
    registerRoutes(app: FastifyInstance, options: { secureCookies: boolean }) {
      registerAuthRoutes(app, authService, twoFactorService, options);
      registerTwoFactorRoutes(app, twoFactorService, options);
    },
  };
}
