import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { centreParam, entityScope, requestActor } from '../../../platform/auth/access.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { App } from '../../../platform/http/app-type.ts';
import { CentreParams, errorResponses, IdParams } from '../../../platform/http/schemas.ts';
import { CounterCreate, CounterStatusBody, CounterUpdate, CounterView, CounterWriteView } from './counter.schemas.ts';
import * as counters from './counter.service.ts';

const tags = ['organisation'];
const ListQuery = Type.Object({ includeRetired: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
const counterScope = entityScope(counters.counterCentre, 'COUNTER_NOT_FOUND');
const counterStatusScope = entityScope(counters.counterCentreAndDepartment, 'COUNTER_NOT_FOUND');

export function counterRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/centres/:centreId/counters',
    {
      config: { access: { permission: 'org.read', scope: centreParam } },
      schema: {
        tags,
        summary: '窗口列表（按编号自然排序）',
        params: CentreParams,
        querystring: ListQuery,
        response: { 200: Type.Object({ items: Type.Array(CounterView) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const body = await counters.counterListBody(deps, request.params.centreId, request.query.includeRetired ?? false, (list) => reply.serialize(list));
      // Already serialized by this route's response serializer: sent as it is.
      return (reply as FastifyReply).type('application/json; charset=utf-8').send(body);
    },
  );

  app.post(
    '/api/v1/centres/:centreId/counters',
    {
      config: { access: { permission: 'org.write', scope: centreParam } },
      schema: { tags, summary: '新增窗口', params: CentreParams, body: CounterCreate, response: { 201: CounterWriteView, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await counters.createCounter(deps, requestActor(request), request.params.centreId, request.body)),
  );

  app.get(
    '/api/v1/counters/:id',
    {
      config: { access: { permission: 'org.read', scope: counterScope } },
      schema: { tags, summary: '窗口详情', params: IdParams, response: { 200: CounterView, ...errorResponses } },
    },
    async (request) => counters.getCounter(deps, request.params.id),
  );

  app.patch(
    '/api/v1/counters/:id',
    {
      config: { access: { permission: 'org.write', scope: counterScope } },
      schema: { tags, summary: '修改窗口', params: IdParams, body: CounterUpdate, response: { 200: CounterWriteView, ...errorResponses } },
    },
    async (request) => counters.updateCounter(deps, requestActor(request), request.params.id, request.body),
  );

  app.put(
    '/api/v1/counters/:id/status',
    {
      config: { access: { permission: 'counter.status', scope: counterStatusScope } },
      schema: {
        tags,
        summary: '设置窗口服务状态与去向（§5.1.5.1）',
        params: IdParams,
        body: CounterStatusBody,
        response: { 200: CounterView, ...errorResponses },
      },
    },
    async (request) => counters.setCounterStatus(deps, requestActor(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/counters/:id',
    {
      config: { access: { permission: 'org.write', scope: counterScope } },
      schema: { tags, summary: '停用窗口（保留记录）', params: IdParams, response: { 200: CounterView, ...errorResponses } },
    },
    async (request) => counters.retireCounter(deps, requestActor(request), request.params.id),
  );
}
