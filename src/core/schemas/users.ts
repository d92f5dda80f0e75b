import { z } from "zod";
import { roles } from "../access/permissions";
import { MAX_PASSWORD_LENGTH } from "./auth";

export const roleAssignment = z.object({
  id: z.number().int(),
  role: z.string(),
  orgUnitId: z.number().int(),
});

/** A user account as an administrator sees it: only the role assignments within their scope. */
export const adminUser = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  isDisabled: z.boolean(),
  /** Two-step sign-in is set up; an administrator may reset it (a lost phone). */
  isTwoFactorEnabled: z.boolean(),
  assignments: z.array(roleAssignment),
  /** Every assignment of the user lies in the caller's scope, so the caller may change the account. */
  isManageable: z.boolean(),
  /** The caller's own account (which they may not disable, nor remove roles from). */
  isSelf: z.boolean(),
});
export type AdminUser = z.infer<typeof adminUser>;

export const adminUserList = z.object({ users: z.array(adminUser) });

export const userIdParams = z.object({ id: z.coerce.number().int().positive() });
export const assignmentParams = userIdParams.extend({
  assignmentId: z.coerce.number().int().positive(),
});

export const createUserBody = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,64}$/),
  displayName: z.string().trim().min(1).max(200).optional(),
  role: z.enum(roles),
  orgUnitId: z.number().int().positive(),
  /** Omit to have a password generated and returned once. */
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH).optional(),
});
export type CreateUserInput = z.infer<typeof createUserBody>;

export const createdUser = z.object({
  user: adminUser,
  /** The generated password, shown once; absent when the administrator chose one. */
  password: z.string().optional(),
});

export const addRoleBody = z.object({
  role: z.enum(roles),
  orgUnitId: z.number().int().positive(),
});
