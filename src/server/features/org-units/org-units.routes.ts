import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { orgUnitList } from "../../../core/schemas/org-units";
import { requireAuth } from "../../http/access";
import { scopeFor } from "../../http/scope";
import type { OrgUnitsRepository } from "./org-units.repository";

export function registerOrgUnitRoutes(app: FastifyInstance, repo: OrgUnitsRepository) {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/org-units",
    {
      config: { access: "org_units.read" },
      schema: {
        tags: ["org-units"],
        summary: "The org-unit tree within the caller's scope (flat list, parents first)",
        response: { 200: orgUnitList },
      },
    },
    async (request) => ({
      units: await repo.listInScope(scopeFor(requireAuth(request), "org_units.read")),
    }),
  );
}
