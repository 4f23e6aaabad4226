/** Routes of refusal reports (否定事项报备, §7.5.2.3) and the consultation register (§8.1.2.2). */
import { can, centreParam, requestActor } from '../../platform/auth/access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { App } from '../../platform/http/app-type.ts';
import { CentreParams, errorResponses, IdParams, Page } from '../../platform/http/schemas.ts';
import { listConsultations, recordConsultation } from './consultation.service.ts';
import { decideRefusalReview, listReviews, reportRefusal } from './refusal-review.service.ts';
import { ConsultationBody, ConsultationListQuery, ConsultationView, ReviewCreateBody, ReviewDecisionBody, ReviewListQuery, ReviewView } from './review.schemas.ts';
import { reviewScope, userOf } from './scopes.ts';

export function reviewRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/centres/:centreId/refusal-reviews',
    {
      config: { access: { permission: 'case.read', scope: centreParam } },
      schema: {
        tags: ['cases'],
        summary: '否定事项报备（待复核在前；可筛选超期未复核）',
        params: CentreParams,
        querystring: ReviewListQuery,
        response: { 200: Page(ReviewView), ...errorResponses },
      },
    },
    async (request) => listReviews(deps, request.params.centreId, request.query),
  );

  app.post(
    '/api/v1/centres/:centreId/refusal-reviews',
    {
      config: { access: { permission: 'case.handle', scope: centreParam } },
      schema: {
        tags: ['cases'],
        summary: '报备未开件的驳回或不予受理（办件的不予受理自动报备）',
        params: CentreParams,
        body: ReviewCreateBody,
        response: { 201: ReviewView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await reportRefusal(deps, requestActor(request), userOf(request.principal), request.params.centreId, request.body)),
  );

  app.post(
    '/api/v1/refusal-reviews/:id/decision',
    {
      config: { access: { permission: 'case.review', scope: reviewScope } },
      schema: {
        tags: ['cases'],
        summary: '复核否定事项：维持或纠正（纠正后办件重新进入受理）',
        params: IdParams,
        body: ReviewDecisionBody,
        response: { 200: ReviewView, ...errorResponses },
      },
    },
    async (request) => decideRefusalReview(deps, requestActor(request), userOf(request.principal), request.params.id, request.body),
  );

  app.get(
    '/api/v1/centres/:centreId/consultations',
    {
      config: { access: { permission: 'case.read', scope: centreParam } },
      schema: { tags: ['cases'], summary: '咨询接待记录', params: CentreParams, querystring: ConsultationListQuery, response: { 200: Page(ConsultationView), ...errorResponses } },
    },
    async (request) =>
      listConsultations(deps, requestActor(request), request.params.centreId, request.query, can(request.principal, 'case.private', { centreId: request.params.centreId })),
  );

  app.post(
    '/api/v1/centres/:centreId/consultations',
    {
      config: { access: { permission: 'consultation.write', scope: centreParam } },
      schema: { tags: ['cases'], summary: '登记咨询（一次性告知）', params: CentreParams, body: ConsultationBody, response: { 201: ConsultationView, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await recordConsultation(deps, requestActor(request), userOf(request.principal), request.params.centreId, request.body)),
  );
}
