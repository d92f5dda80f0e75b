import { z } from "zod";
import { isoDate } from "./common";

export const orgUnitKinds = ["hq", "province", "district", "station", "national_unit"] as const;
export const orgUnitSpecialisations = [
  "anti_trafficking",
  "border",
  "family_gbv",
  "investigation",
  "academy",
  "peacekeeping",
] as const;
/** Letters, digits and `.`, `_`, `-`; starts with a letter or digit; at most 32 characters. */
export const ORG_UNIT_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;
export const ORG_UNIT_NAME_MAX = 200;

export const orgUnit = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(orgUnitKinds),
  specialisation: z.string().nullable(),
  parentId: z.number().int().nullable(),
  openedOn: isoDate,
  closedOn: isoDate.nullable(),
});
export type OrgUnit = z.infer<typeof orgUnit>;

export const orgUnitList = z.object({ units: z.array(orgUnit) });
export type OrgUnitKind = (typeof orgUnitKinds)[number];

export const orgUnitListQuery = z.object({
  /** The tree as of this date (default: today's tree). */
  at: isoDate.optional(),
  /** Include closed units (today's tree only). */
  includeClosed: z.enum(["true", "false"]).optional(),
});

export const orgUnitIdParams = z.object({ id: z.coerce.number().int().positive() });

const code = z.string().trim().regex(ORG_UNIT_CODE, "invalid code");
const name = z.string().trim().min(1).max(ORG_UNIT_NAME_MAX);
const specialisation = z.enum(orgUnitSpecialisations).nullable();

export const createOrgUnitBody = z.object({
  code,
  name,
  kind: z.enum(orgUnitKinds),
  specialisation: specialisation.optional(),
  parentId: z.number().int().positive(),
  /** Default: today. */
  openedOn: isoDate.optional(),
});
export type CreateOrgUnitInput = z.infer<typeof createOrgUnitBody>;

export const updateOrgUnitBody = z.object({
  code: code.optional(),
  name: name.optional(),
  kind: z.enum(orgUnitKinds).optional(),
  specialisation: specialisation.optional(),
  /** The change takes effect on this date (default: today). */
  effectiveOn: isoDate.optional(),
});
export type UpdateOrgUnitInput = z.infer<typeof updateOrgUnitBody>;

export const moveOrgUnitBody = z.object({
  parentId: z.number().int().positive(),
  effectiveOn: isoDate.optional(),
});

export const closeOrgUnitBody = z.object({ closedOn: isoDate.optional() });

export const orgUnitVersion = z.object({
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(orgUnitKinds),
  specialisation: z.string().nullable(),
  parentId: z.number().int().nullable(),
  isClosed: z.boolean(),
});
export const orgUnitHistory = z.object({
  unit: orgUnit,
  versions: z.array(orgUnitVersion),
});
export type OrgUnitHistory = z.infer<typeof orgUnitHistory>;
