import { z } from "zod";

export const orgUnitKinds = ["hq", "province", "district", "station", "national_unit"] as const;

export const orgUnit = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(orgUnitKinds),
  specialisation: z.string().nullable(),
  parentId: z.number().int().nullable(),
});
export type OrgUnit = z.infer<typeof orgUnit>;

export const orgUnitList = z.object({ units: z.array(orgUnit) });
export type OrgUnitKind = (typeof orgUnitKinds)[number];
