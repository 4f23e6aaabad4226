import { Type } from 'typebox';
import { anyCentre, centreParam, requestActor, visibleCentres } from '../../../platform/auth/access.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { App } from '../../../platform/http/app-type.ts';
import { CentreParams, errorResponses } from '../../../platform/http/schemas.ts';
import { CentreCreate, CentreUpdate, CentreView } from './centre.schemas.ts';
import * as centres from './centre.service.ts';

const tags = ['organisation'];

export function centreRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/centres',
    {
      config: { access: { permission: 'org.read', scope: anyCentre } },
      schema: {
        tags,
        summary: '政务服务中心列表（本人有权查看的）',
        querystring: Type.Object({ includeRetired: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(CentreView) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: await centres.listCentres(deps, visibleCentres(request.principal, 'org.read'), request.query.includeRetired ?? false),
    }),
  );

  app.post(
    '/api/v1/centres',
    {
      config: { access: { permission: 'centre.create', scope: anyCentre } },
      schema: { tags, summary: '新建政务服务中心', body: CentreCreate, response: { 201: CentreView, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await centres.createCentre(deps, requestActor(request), request.body)),
  );

  app.get(
    '/api/v1/centres/:centreId',
    {
      config: { access: { permission: 'org.read', scope: centreParam } },
      schema: { tags, summary: '政务服务中心详情', params: CentreParams, response: { 200: CentreView, ...errorResponses } },
    },
    async (request) => centres.getCentre(deps, request.params.centreId),
  );

  app.patch(
    '/api/v1/centres/:centreId',
    {
      config: { access: { permission: 'centre.update', scope: centreParam } },
      schema: { tags, summary: '修改政务服务中心', params: CentreParams, body: CentreUpdate, response: { 200: CentreView, ...errorResponses } },
    },
    async (request) => centres.updateCentre(deps, requestActor(request), request.params.centreId, request.body),
  );

  app.delete(
    '/api/v1/centres/:centreId',
    {
      config: { access: { permission: 'centre.retire', scope: centreParam } },
      schema: { tags, summary: '撤销政务服务中心（保留记录）', params: CentreParams, response: { 200: CentreView, ...errorResponses } },
    },
    async (request) => centres.retireCentre(deps, requestActor(request), request.params.centreId),
  );
}
