import { Type } from 'typebox';
import { centreParam, entityScope, requestActor } from '../../../platform/auth/access.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { App } from '../../../platform/http/app-type.ts';
import { CentreParams, errorResponses, IdParams } from '../../../platform/http/schemas.ts';
import { DepartmentCreate, DepartmentUpdate, DepartmentView } from './department.schemas.ts';
import * as departments from './department.service.ts';

const tags = ['organisation'];
const ListQuery = Type.Object({ includeRetired: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
const departmentScope = entityScope(departments.departmentCentre, 'DEPARTMENT_NOT_FOUND');

export function departmentRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/centres/:centreId/departments',
    {
      config: { access: { permission: 'org.read', scope: centreParam } },
      schema: {
        tags,
        summary: '进驻部门列表',
        params: CentreParams,
        querystring: ListQuery,
        response: { 200: Type.Object({ items: Type.Array(DepartmentView) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: await departments.listDepartments(deps, request.params.centreId, request.query.includeRetired ?? false),
    }),
  );

  app.post(
    '/api/v1/centres/:centreId/departments',
    {
      config: { access: { permission: 'org.write', scope: centreParam } },
      schema: { tags, summary: '新增进驻部门', params: CentreParams, body: DepartmentCreate, response: { 201: DepartmentView, ...errorResponses } },
    },
    async (request, reply) =>
      reply.status(201).send(await departments.createDepartment(deps, requestActor(request), request.params.centreId, request.body)),
  );

  app.get(
    '/api/v1/departments/:id',
    {
      config: { access: { permission: 'org.read', scope: departmentScope } },
      schema: { tags, summary: '进驻部门详情', params: IdParams, response: { 200: DepartmentView, ...errorResponses } },
    },
    async (request) => departments.getDepartment(deps, request.params.id),
  );

  app.patch(
    '/api/v1/departments/:id',
    {
      config: { access: { permission: 'org.write', scope: departmentScope } },
      schema: { tags, summary: '修改进驻部门', params: IdParams, body: DepartmentUpdate, response: { 200: DepartmentView, ...errorResponses } },
    },
    async (request) => departments.updateDepartment(deps, requestActor(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/departments/:id',
    {
      config: { access: { permission: 'org.write', scope: departmentScope } },
      schema: { tags, summary: '停用进驻部门（保留记录）', params: IdParams, response: { 200: DepartmentView, ...errorResponses } },
    },
    async (request) => departments.retireDepartment(deps, requestActor(request), request.params.id),
  );
}
