import { z } from "zod";
import { roles } from "../access/permissions";
import { isoDate } from "./common";

/** Integrations never act as `admin`: a token holds one of the other roles, at one org unit. */
export const apiTokenRoles = roles.filter((role) => role !== "admin");

/** The longest a token may live; a new one is issued before it expires. */
export const API_TOKEN_MAX_DAYS = 366;

export const apiTokenCreateBody = z.object({
  name: z.string().trim().min(1).max(100),
  role: z.enum(apiTokenRoles),
  orgUnitId: z.number().int().positive(),
  /** Last day of validity (the token expires at the end of this day, UTC). */
  expiresOn: isoDate,
});
export type ApiTokenCreate = z.infer<typeof apiTokenCreateBody>;

export const apiToken = z.object({
  id: z.number().int(),
  name: z.string(),
  role: z.string(),
  orgUnitId: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiToken>;

export const apiTokenList = z.object({ tokens: z.array(apiToken) });

/** The token itself (`tnd_…`) is in this answer only: it is stored as a hash. */
export const apiTokenCreated = z.object({ token: z.string(), apiToken });

export const apiTokenIdParams = z.object({ id: z.coerce.number().int().positive() });
