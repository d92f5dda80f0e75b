import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { errorResponse } from "../../../core/schemas/common";
import { idParams } from "../../../core/schemas/community-common";
import {
  assignBody,
  createIssueBody,
  createReferralBody,
  issueAssignees,
  issueContact,
  issueDetail,
  issueHistory,
  issueListQuery,
  issuePage,
  myWorkQuery,
  noteBody,
  referralParams,
  transitionBody,
  updateIssueBody,
  updateReferralBody,
} from "../../../core/schemas/community-issues";
import { requireAuth } from "../../http/access";
import { auditActorOf } from "../../http/audit-actor";
import { communityCallerOf } from "../../http/community-caller";
import { scopeFor } from "../../http/scope";
import type { CommunityIssuesService } from "./community-issues.service";

const tags = ["community-issues"];
const errors = { 400: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
/** Issues are about residents: every route is person-level (no partner-viewer reaches them). */
const reads = { access: "community.read", personLevel: true } as const;
const writes = { access: "community.write", personLevel: true } as const;

/** Community issues: lists, the "my work" queue, one issue, its history, and every change. */
export function registerCommunityIssueRoutes(
  app: FastifyInstance,
  service: CommunityIssuesService,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const readScope = (request: FastifyRequest) => scopeFor(requireAuth(request), "community.read");

  r.get(
    "/api/community-issues",
    {
      config: reads,
      schema: {
        tags,
        summary: "Issues in the caller's subtree, newest first, filtered",
        description: "Overdue: due date before today and status not final.",
        querystring: issueListQuery,
        response: { 200: issuePage, 404: errorResponse },
      },
    },
    (request) => service.list(readScope(request), requireAuth(request).user.id, request.query),
  );

  r.get(
    "/api/community-issues/my-work",
    {
      config: writes,
      schema: {
        tags,
        summary: "Open issues assigned to me or unassigned where I work; overdue first",
        querystring: myWorkQuery,
        response: { 200: issuePage },
      },
    },
    (request) => service.myWork(communityCallerOf(request), request.query.page),
  );

  r.get(
    "/api/community-issues/:id",
    {
      config: reads,
      schema: {
        tags,
        summary: "An issue with its referrals; 404 outside the caller's subtree",
        params: idParams,
        response: { 200: issueDetail, 404: errorResponse },
      },
    },
    (request) => service.read(readScope(request), request.params.id),
  );

  r.get(
    "/api/community-issues/:id/history",
    {
      config: reads,
      schema: {
        tags,
        summary: "Every status change, assignment, note and referral of an issue, oldest first",
        params: idParams,
        response: { 200: issueHistory, 404: errorResponse },
      },
    },
    async (request) => ({ events: await service.history(readScope(request), request.params.id) }),
  );

  r.get(
    "/api/community-issues/:id/contact",
    {
      config: { access: "community.contact.read", personLevel: true },
      schema: {
        tags,
        summary: "The resident's contact details, decrypted (audited)",
        params: idParams,
        response: { 200: issueContact, 404: errorResponse },
      },
    },
    (request) =>
      service.readContact(
        scopeFor(requireAuth(request), "community.contact.read"),
        request.params.id,
        auditActorOf(request),
      ),
  );

  r.post(
    "/api/community-issues",
    {
      config: writes,
      schema: {
        tags,
        summary: "Record an issue raised at a walk-in, by phone or in outreach",
        body: createIssueBody,
        response: { 201: issueDetail, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(communityCallerOf(request), request.body)),
  );

  r.patch(
    "/api/community-issues/:id",
    {
      config: writes,
      schema: {
        tags,
        summary: "Change an issue's category, place, due date or woman-officer request",
        params: idParams,
        body: updateIssueBody,
        response: { 200: issueDetail, ...errors },
      },
    },
    (request) => service.update(communityCallerOf(request), request.params.id, request.body),
  );

  r.post(
    "/api/community-issues/:id/transitions",
    {
      config: writes,
      schema: {
        tags,
        summary: "Move an issue to another status of its lifecycle",
        description:
          "closed_without_action, closed_not_resolved and reopening (a final status → in_follow_up) need a reason.",
        params: idParams,
        body: transitionBody,
        response: { 200: issueDetail, ...errors },
      },
    },
    (request) => service.transition(communityCallerOf(request), request.params.id, request.body),
  );

  r.get(
    "/api/community-issues/:id/assignees",
    {
      config: writes,
      schema: {
        tags,
        summary: "Who may be assigned the issue: active users who may work on issues of its unit",
        params: idParams,
        response: { 200: issueAssignees, ...errors },
      },
    },
    (request) => service.assignees(communityCallerOf(request), request.params.id),
  );

  r.post(
    "/api/community-issues/:id/assignment",
    {
      config: writes,
      schema: {
        tags,
        summary: "Assign or unassign an issue; say whether a woman officer now serves the resident",
        params: idParams,
        body: assignBody,
        response: { 200: issueDetail, ...errors },
      },
    },
    (request) => service.assign(communityCallerOf(request), request.params.id, request.body),
  );

  r.post(
    "/api/community-issues/:id/notes",
    {
      config: writes,
      schema: {
        tags,
        summary: "Add a note (internal by default); answers with the history",
        params: idParams,
        body: noteBody,
        response: { 201: issueHistory, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        events: await service.addNote(communityCallerOf(request), request.params.id, request.body),
      }),
  );

  r.post(
    "/api/community-issues/:id/referrals",
    {
      config: writes,
      schema: {
        tags,
        summary:
          "Refer an open issue to a stakeholder; a new or in-follow-up issue becomes referred",
        params: idParams,
        body: createReferralBody,
        response: { 201: issueDetail, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.createReferral(communityCallerOf(request), request.params.id, request.body),
        ),
  );

  r.patch(
    "/api/community-issues/:id/referrals/:referralId",
    {
      config: writes,
      schema: {
        tags,
        summary: "Record a stakeholder's response, its date and the outcome of a referral",
        params: referralParams,
        body: updateReferralBody,
        response: { 200: issueDetail, ...errors },
      },
    },
    (request) => service.updateReferral(communityCallerOf(request), request.params, request.body),
  );
}
