import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { rolesRequiringTwoFactor } from "../../../core/access/two-factor-policy";
import { errorResponse } from "../../../core/schemas/common";
import {
  addRoleBody,
  adminUser,
  adminUserList,
  assignmentParams,
  createdUser,
  createUserBody,
  userIdParams,
} from "../../../core/schemas/users";
import { requireAuth } from "../../http/access";
import { auditActorOf } from "../../http/audit-actor";
import { scopeFor } from "../../http/scope";
import type { UsersAdminService } from "./users-admin.service";

const errors = { 400: errorResponse, 404: errorResponse, 409: errorResponse };

/** User administration (admins, within their subtree). */
export function registerUserRoutes(app: FastifyInstance, service: UsersAdminService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const writeScope = (request: Parameters<typeof requireAuth>[0]) =>
    scopeFor(requireAuth(request), "users.write");

  r.get(
    "/api/users",
    {
      config: { access: "users.read", personLevel: true },
      schema: {
        tags: ["users"],
        summary: "User accounts with a role in the caller's subtree, and those role assignments",
        response: { 200: adminUserList },
      },
    },
    async (request) => ({
      users: await service.list(
        scopeFor(requireAuth(request), "users.read"),
        requireAuth(request).user.id,
      ),
    }),
  );

  r.post(
    "/api/users",
    {
      config: { access: "users.write" },
      schema: {
        tags: ["users"],
        summary: "Create a user with one role at a unit; a generated password is returned once",
        body: createUserBody,
        response: { 201: createdUser, ...errors },
      },
    },
    async (request, reply) => {
      const created = await service.create(
        writeScope(request),
        auditActorOf(request),
        request.body,
      );
      return reply.status(201).send(created);
    },
  );

  for (const [suffix, isDisabled] of [
    ["disable", true],
    ["enable", false],
  ] as const) {
    r.post(
      `/api/users/:id/${suffix}`,
      {
        config: { access: "users.write" },
        schema: {
          tags: ["users"],
          summary: isDisabled
            ? "Disable an account and end its sessions"
            : "Enable a disabled account",
          params: userIdParams,
          response: { 200: adminUser, ...errors },
        },
      },
      (request) =>
        service.setDisabled(
          writeScope(request),
          auditActorOf(request),
          request.params.id,
          isDisabled,
        ),
    );
  }

  r.post(
    "/api/users/:id/reset-two-factor",
    {
      config: { access: "users.write" },
      schema: {
        tags: ["users"],
        summary: "Reset a user's two-step sign-in (lost phone and recovery codes)",
        description:
          "Removes the TOTP secret and recovery codes and ends the user's sessions. Where the role " +
          `requires two-step sign-in (${rolesRequiringTwoFactor.join(", ")}), the next sign-in ` +
          "leads to enrolment.",
        params: userIdParams,
        response: { 200: adminUser, ...errors },
      },
    },
    (request) =>
      service.resetTwoFactor(writeScope(request), auditActorOf(request), request.params.id),
  );

  r.post(
    "/api/users/:id/roles",
    {
      config: { access: "users.write" },
      schema: {
        tags: ["users"],
        summary: "Give a user a role at a unit (covering its subtree)",
        params: userIdParams,
        body: addRoleBody,
        response: { 200: adminUser, ...errors },
      },
    },
    (request) =>
      service.addRole(writeScope(request), auditActorOf(request), request.params.id, request.body),
  );

  r.delete(
    "/api/users/:id/roles/:assignmentId",
    {
      config: { access: "users.write" },
      schema: {
        tags: ["users"],
        summary: "Remove one role assignment from a user",
        params: assignmentParams,
        response: { 200: adminUser, ...errors },
      },
    },
    (request) =>
      service.removeRole(
        writeScope(request),
        auditActorOf(request),
        request.params.id,
        request.params.assignmentId,
      ),
  );
}
