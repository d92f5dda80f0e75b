import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { errorResponse } from "../../../core/schemas/common";
import {
  correctionOptions,
  personDetail,
  personEventParams,
  personIdParams,
  personSearchPage,
  personSearchQuery,
  retractEventBody,
  retractResult,
} from "../../../core/schemas/persons";
import { requireAuth } from "../../http/access";
import { auditActorOf } from "../../http/audit-actor";
import { scopeFor } from "../../http/scope";
import type { PersonsService } from "./persons.service";

/** The person view: search, the career timeline, and corrections of career events. */
export function registerPersonRoutes(app: FastifyInstance, service: PersonsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/persons",
    {
      config: { access: "personnel.read", personLevel: true },
      schema: {
        tags: ["persons"],
        summary: "People in the caller's scope whose service number starts with q (audited)",
        querystring: personSearchQuery,
        response: { 200: personSearchPage, 404: errorResponse },
      },
    },
    (request) =>
      service.search(
        scopeFor(requireAuth(request), "personnel.read"),
        request.query,
        auditActorOf(request),
      ),
  );

  r.get(
    "/api/persons/:id",
    {
      config: { access: "personnel.read", personLevel: true },
      schema: {
        tags: ["persons"],
        summary: "A person in scope with their career timeline (audited); 404 outside the scope",
        params: personIdParams,
        response: { 200: personDetail, 404: errorResponse },
      },
    },
    (request) =>
      service.read(
        scopeFor(requireAuth(request), "personnel.read"),
        request.params.id,
        auditActorOf(request),
      ),
  );

  r.get(
    "/api/persons/correction-options",
    {
      config: { access: "personnel.write" },
      schema: {
        tags: ["persons"],
        summary: "The ranks and job roles a corrected career event may name",
        response: { 200: correctionOptions },
      },
    },
    () => service.correctionOptions(),
  );

  r.post(
    "/api/persons/:id/events/:eventId/retract",
    {
      config: { access: "personnel.write", personLevel: true },
      schema: {
        tags: ["persons"],
        summary:
          "Retract a wrong career event with a reason, optionally recording the right one; spells are re-derived",
        params: personEventParams,
        body: retractEventBody,
        response: {
          200: retractResult,
          400: errorResponse,
          404: errorResponse,
          409: errorResponse,
        },
      },
    },
    (request) =>
      service.retract(
        scopeFor(requireAuth(request), "personnel.write"),
        { personId: request.params.id, eventId: request.params.eventId },
        request.body,
        auditActorOf(request),
      ),
  );
}
