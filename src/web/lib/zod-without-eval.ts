import { z } from "zod";

// The CSP allows no eval, so Zod must not compile validators with `new Function`. Zod reads this
// setting when a schema is created: main.tsx imports this module before any schema module.
z.config({ jitless: true });
