import { Type } from 'typebox';
import { centreParam, entityScope, requestActor } from '../../../platform/auth/access.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { App } from '../../../platform/http/app-type.ts';
import { CentreParams, errorResponses, IdParams } from '../../../platform/http/schemas.ts';
import { ZoneCreate, ZoneList, ZoneUpdate, ZoneView } from './zone.schemas.ts';
import * as zones from './zone.service.ts';

const tags = ['organisation'];
const ListQuery = Type.Object({ includeRetired: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
const zoneScope = entityScope(zones.zoneCentre, 'ZONE_NOT_FOUND');

export function zoneRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/centres/:centreId/zones',
    {
      config: { access: { permission: 'org.read', scope: centreParam } },
      schema: { tags, summary: '功能区列表（§6.1.3）及面积构成（§6.1.4）', params: CentreParams, querystring: ListQuery, response: { 200: ZoneList, ...errorResponses } },
    },
    async (request) => zones.listZones(deps, request.params.centreId, request.query.includeRetired ?? false),
  );

  app.post(
    '/api/v1/centres/:centreId/zones',
    {
      config: { access: { permission: 'org.write', scope: centreParam } },
      schema: { tags, summary: '新增功能区', params: CentreParams, body: ZoneCreate, response: { 201: ZoneView, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await zones.createZone(deps, requestActor(request), request.params.centreId, request.body)),
  );

  app.get(
    '/api/v1/zones/:id',
    {
      config: { access: { permission: 'org.read', scope: zoneScope } },
      schema: { tags, summary: '功能区详情', params: IdParams, response: { 200: ZoneView, ...errorResponses } },
    },
    async (request) => zones.getZone(deps, request.params.id),
  );

  app.patch(
    '/api/v1/zones/:id',
    {
      config: { access: { permission: 'org.write', scope: zoneScope } },
      schema: { tags, summary: '修改功能区', params: IdParams, body: ZoneUpdate, response: { 200: ZoneView, ...errorResponses } },
    },
    async (request) => zones.updateZone(deps, requestActor(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/zones/:id',
    {
      config: { access: { permission: 'org.write', scope: zoneScope } },
      schema: { tags, summary: '停用功能区（保留记录）', params: IdParams, response: { 200: ZoneView, ...errorResponses } },
    },
    async (request) => zones.retireZone(deps, requestActor(request), request.params.id),
  );
}
