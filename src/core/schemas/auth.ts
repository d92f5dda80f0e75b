import { z } from "zod";

export const locales = ["en", "km", "vi", "th", "ru", "kk"] as const;
export type Locale = (typeof locales)[number];

export const loginBody = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(1024),
});

export const sessionUser = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  locale: z.enum(locales),
  roles: z.array(z.object({ role: z.string(), orgUnitId: z.number().int() })),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const localeBody = z.object({ locale: z.enum(locales) });
