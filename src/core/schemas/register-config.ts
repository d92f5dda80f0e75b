import { z } from "zod";

/**
 * Specialisations a job role may carry. The five of issue 5 plus `academy` and `peacekeeping`,
 * which the demo country's roles (trainer, peacekeeping) and the org units already use.
 */
export const roleSpecialisations = [
  "investigation",
  "anti_trafficking",
  "family_gbv",
  "border",
  "community_policing",
  "academy",
  "peacekeeping",
] as const;
export type RoleSpecialisation = (typeof roleSpecialisations)[number];

/** Letters, digits and `.`, `_`, `-`; starts with a letter or digit; at most 32 characters. */
export const REGISTER_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;
export const REGISTER_NAME_MAX = 200;

const code = z.string().trim().regex(REGISTER_CODE, "invalid code");
const name = z.string().trim().min(1).max(REGISTER_NAME_MAX);
const id = z.number().int().positive();

export const rank = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  /** Seniority: 1 is the most junior rank; contiguous over the whole scheme. */
  ordinal: z.number().int(),
  rankGroupId: z.number().int(),
  isActive: z.boolean(),
  /** Named by a career event: the code can no longer change. */
  isInUse: z.boolean(),
});
export type Rank = z.infer<typeof rank>;

export const rankGroup = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  ordinal: z.number().int(),
  /** The senior group (glass-ceiling indicators count women in it). */
  isTop: z.boolean(),
  /** One of its ranks is named by a career event: the code can no longer change. */
  isInUse: z.boolean(),
  /** Its ranks, most junior first. */
  ranks: z.array(rank),
});
export type RankGroup = z.infer<typeof rankGroup>;

/** Rank groups, most junior first, each with its ranks in order. */
export const rankScheme = z.object({ groups: z.array(rankGroup) });
export type RankScheme = z.infer<typeof rankScheme>;

export const registerIdParams = z.object({ id: z.coerce.number().int().positive() });

export const createRankGroupBody = z.object({ code, name, isTop: z.boolean().optional() });
export type CreateRankGroupInput = z.infer<typeof createRankGroupBody>;

export const updateRankGroupBody = z.object({
  code: code.optional(),
  name: name.optional(),
  isTop: z.boolean().optional(),
});
export type UpdateRankGroupInput = z.infer<typeof updateRankGroupBody>;

/** A new rank becomes the most senior of its group. */
export const createRankBody = z.object({
  code,
  name,
  rankGroupId: id,
  isActive: z.boolean().optional(),
});
export type CreateRankInput = z.infer<typeof createRankBody>;

/** Moving a rank to another group places it there by its current seniority. */
export const updateRankBody = z.object({
  code: code.optional(),
  name: name.optional(),
  rankGroupId: id.optional(),
  isActive: z.boolean().optional(),
});
export type UpdateRankInput = z.infer<typeof updateRankBody>;

/** Every rank id once, most junior first, each group's ranks together and groups in their order. */
export const reorderRanksBody = z.object({ rankIds: z.array(id).min(1).max(1000) });

export const jobRole = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  specialisation: z.string().nullable(),
  /** A command or leadership post. */
  isLeadership: z.boolean(),
  isActive: z.boolean(),
  isInUse: z.boolean(),
});
export type JobRole = z.infer<typeof jobRole>;

export const jobRoleList = z.object({ roles: z.array(jobRole) });

const specialisation = z.enum(roleSpecialisations).nullable();

export const createJobRoleBody = z.object({
  code,
  name,
  specialisation: specialisation.optional(),
  isLeadership: z.boolean().optional(),
  isActive: z.boolean().optional(),
});
export type CreateJobRoleInput = z.infer<typeof createJobRoleBody>;

export const updateJobRoleBody = z.object({
  code: code.optional(),
  name: name.optional(),
  specialisation: specialisation.optional(),
  isLeadership: z.boolean().optional(),
  isActive: z.boolean().optional(),
});
export type UpdateJobRoleInput = z.infer<typeof updateJobRoleBody>;
