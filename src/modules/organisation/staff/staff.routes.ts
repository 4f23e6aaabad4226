import { Type } from 'typebox';
import { can, centreParam, entityScope, requestActor } from '../../../platform/auth/access.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { App } from '../../../platform/http/app-type.ts';
import { CentreParams, errorResponses, IdParams } from '../../../platform/http/schemas.ts';
import type { FastifyRequest } from 'fastify';
import { StaffBoard, StaffCreate, StaffUpdate, StaffView } from './staff.schemas.ts';
import * as staff from './staff.service.ts';

const tags = ['organisation'];
const ListQuery = Type.Object({ includeRetired: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
const staffScope = entityScope(staff.staffCentre, 'STAFF_NOT_FOUND');

/** Phones and linked accounts in full only for holders of `staff.private` in the centre at hand. */
function visibility(request: FastifyRequest): staff.StaffVisibility {
  return { private: request.scope !== null && can(request.principal, 'staff.private', request.scope) };
}

export function staffRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/centres/:centreId/staff',
    {
      config: { access: { permission: 'org.read', scope: centreParam } },
      schema: {
        tags,
        summary: '工作人员列表（电话按权限脱敏）',
        params: CentreParams,
        querystring: ListQuery,
        response: { 200: Type.Object({ items: Type.Array(StaffView) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: await staff.listStaff(deps, request.params.centreId, request.query.includeRetired ?? false, visibility(request)),
    }),
  );

  app.post(
    '/api/v1/centres/:centreId/staff',
    {
      config: { access: { permission: 'org.write', scope: centreParam } },
      schema: { tags, summary: '新增工作人员', params: CentreParams, body: StaffCreate, response: { 201: StaffView, ...errorResponses } },
    },
    async (request, reply) =>
      reply.status(201).send(await staff.createStaff(deps, requestActor(request), request.params.centreId, request.body, visibility(request))),
  );

  app.get(
    '/api/v1/staff/:id',
    {
      config: { access: { permission: 'org.read', scope: staffScope } },
      schema: { tags, summary: '工作人员详情（电话按权限脱敏）', params: IdParams, response: { 200: StaffView, ...errorResponses } },
    },
    async (request) => staff.getStaff(deps, request.params.id, visibility(request)),
  );

  app.patch(
    '/api/v1/staff/:id',
    {
      config: { access: { permission: 'org.write', scope: staffScope } },
      schema: { tags, summary: '修改工作人员', params: IdParams, body: StaffUpdate, response: { 200: StaffView, ...errorResponses } },
    },
    async (request) => staff.updateStaff(deps, requestActor(request), request.params.id, request.body, visibility(request)),
  );

  app.delete(
    '/api/v1/staff/:id',
    {
      config: { access: { permission: 'org.write', scope: staffScope } },
      schema: { tags, summary: '停用工作人员（保留记录）', params: IdParams, response: { 200: StaffView, ...errorResponses } },
    },
    async (request) => staff.retireStaff(deps, requestActor(request), request.params.id, visibility(request)),
  );

  app.get(
    '/api/v1/public/centres/:centreId/staff-board',
    {
      config: { access: { public: true } },
      schema: { tags, summary: '工作人员岗位公示栏（§5.1.3.3，公开）', params: CentreParams, response: { 200: StaffBoard, ...errorResponses } },
    },
    async (request) => staff.staffBoard(deps, request.params.centreId),
  );
}
