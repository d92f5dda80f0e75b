/** The stakeholder directory (issue 7): organisations problems are referred to, by area. */
import { z } from "zod";
import { stakeholderTypes } from "../community/vocabulary";
import { entityId, nonBlankText, queryFlag, unitRef } from "./community-common";

export const stakeholderType = z.enum(stakeholderTypes);

export const stakeholder = z.object({
  id: z.number().int(),
  name: z.string(),
  type: stakeholderType,
  services: z.string(),
  /** The organisation's own contacts (office phone, e-mail), not a resident's. */
  contacts: z.string(),
  isActive: z.boolean(),
  /** The covered units that lie in the caller's scope. */
  units: z.array(unitRef),
  /** It also covers units outside the caller's scope (above it, as a national organisation does,
   * or elsewhere); those are not named. */
  hasCoverageOutsideScope: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Stakeholder = z.infer<typeof stakeholder>;

export const stakeholderList = z.object({ stakeholders: z.array(stakeholder) });

export const stakeholderListQuery = z.object({
  /** Only stakeholders serving this unit's area (covering it, a unit above it, or one below it). */
  unit: z.coerce.number().int().positive().optional(),
  type: stakeholderType.optional(),
  /** Default: active and inactive. */
  active: queryFlag,
  /** Part of the name, case-insensitive. */
  q: z.string().max(100).optional(),
});
export type StakeholderListQuery = z.infer<typeof stakeholderListQuery>;

const unitIds = z.array(entityId).min(1).max(500);

export const createStakeholderBody = z.object({
  name: nonBlankText,
  type: stakeholderType,
  services: z.string().optional(),
  contacts: z.string().optional(),
  /** The units whose area it serves; all must be in the caller's scope. */
  unitIds,
  isActive: z.boolean().optional(),
});
export type CreateStakeholderInput = z.infer<typeof createStakeholderBody>;

export const updateStakeholderBody = z.object({
  name: nonBlankText.optional(),
  type: stakeholderType.optional(),
  services: z.string().optional(),
  contacts: z.string().optional(),
  /** Replaces the coverage. */
  unitIds: unitIds.optional(),
  isActive: z.boolean().optional(),
});
export type UpdateStakeholderInput = z.infer<typeof updateStakeholderBody>;
