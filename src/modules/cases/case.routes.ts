/** Routes of cases (issue 5): open and list per centre, read one, the one transitions route, the centre's case settings. */
import { centreParam, requestActor } from '../../platform/auth/access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { App } from '../../platform/http/app-type.ts';
import { CentreParams, errorResponses, IdParams, Page } from '../../platform/http/schemas.ts';
import { CaseDetail, CaseListQuery, CaseOpenBody, CaseSettingsBody, CaseSettingsView, CaseSummary, GetCaseQuery, TransitionBody } from './case.schemas.ts';
import { openCaseDetail } from './case-open.service.ts';
import { getCase, listCentreCases } from './case-read.service.ts';
import { applyAction } from './case-transition.service.ts';
import { caseScope, userOf } from './scopes.ts';
import { getCaseSettings, putCaseSettings } from './settings.service.ts';
import { checkTransitionBody } from './transition-body.ts';

const tags = ['cases'];

export function caseRoutes(app: App, deps: AppDeps): void {
  app.post(
    '/api/v1/centres/:centreId/cases',
    {
      config: { access: { permission: 'case.handle', scope: centreParam } },
      schema: {
        tags,
        summary: '受理登记：为事项、业务办理项或“一件事”开件（可来自正在办理的号）',
        params: CentreParams,
        body: CaseOpenBody,
        response: { 201: CaseDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = userOf(request.principal);
      return reply.status(201).send(await openCaseDetail(deps, requestActor(request), user, request.params.centreId, request.body));
    },
  );

  app.get(
    '/api/v1/centres/:centreId/cases',
    {
      config: { access: { permission: 'case.read', scope: centreParam } },
      schema: {
        tags,
        summary: '办件列表（按环节、状态、事项、经办人；超期与临近到期清单）',
        params: CentreParams,
        querystring: CaseListQuery,
        response: { 200: Page(CaseSummary), ...errorResponses },
      },
    },
    async (request) => listCentreCases(deps, request.principal, request.params.centreId, request.query),
  );

  app.get(
    '/api/v1/cases/:id',
    {
      config: { access: { permission: 'case.read', scope: caseScope } },
      schema: {
        tags,
        summary: '办件详情：材料清单、办理环节、时间轴与办结时限',
        params: IdParams,
        querystring: GetCaseQuery,
        response: { 200: CaseDetail, ...errorResponses },
      },
    },
    async (request) => getCase(deps, requestActor(request), request.principal, request.params.id, request.query.reveal === true),
  );

  app.post(
    '/api/v1/cases/:id/transitions',
    {
      config: { access: { permission: 'case.handle', scope: caseScope } },
      // Each action's data is checked against its own schema, faults reported once at their fields.
      preValidation: async (request) => checkTransitionBody(request.body),
      schema: {
        tags,
        summary: '办件状态变更（补正、受理、不予受理、办理环节、暂停与恢复计时、延期、决定、送达、归档）',
        params: IdParams,
        body: TransitionBody,
        response: { 200: CaseDetail, ...errorResponses },
      },
    },
    async (request) => applyAction(deps, requestActor(request), userOf(request.principal), request.params.id, request.body as TransitionBody),
  );

  app.get(
    '/api/v1/centres/:centreId/case-settings',
    {
      config: { access: { permission: 'case.read', scope: centreParam } },
      schema: { tags, summary: '办件设置（复核时限、到期预警、容缺提醒）', params: CentreParams, response: { 200: CaseSettingsView, ...errorResponses } },
    },
    async (request) => getCaseSettings(deps, request.params.centreId),
  );

  app.put(
    '/api/v1/centres/:centreId/case-settings',
    {
      config: { access: { permission: 'case.review', scope: centreParam } },
      schema: { tags, summary: '修改办件设置', params: CentreParams, body: CaseSettingsBody, response: { 200: CaseSettingsView, ...errorResponses } },
    },
    async (request) => putCaseSettings(deps, requestActor(request), request.params.centreId, request.body),
  );

}
