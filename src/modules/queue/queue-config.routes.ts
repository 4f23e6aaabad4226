/** Routes of queue configuration (managers write, staff and devices read). */
import { Type } from 'typebox';
import { centreParam, requestActor } from '../../platform/auth/access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { App } from '../../platform/http/app-type.ts';
import { CentreParams, errorResponses, IdParams } from '../../platform/http/schemas.ts';
import { QueueCreate, QueueSettingsBody, QueueSettingsView, QueueUpdate, QueueView } from './queue.schemas.ts';
import * as service from './queue-config.service.ts';
import { queueScope } from './scopes.ts';

const tags = ['queue'];
const ListQuery = Type.Object({ includeRetired: Type.Optional(Type.Boolean()) }, { additionalProperties: false });

export function queueConfigRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/centres/:centreId/queues',
    {
      config: { access: { permission: 'queue.read', scope: centreParam } },
      schema: { tags, summary: '排队队列列表', params: CentreParams, querystring: ListQuery, response: { 200: Type.Object({ items: Type.Array(QueueView) }), ...errorResponses } },
    },
    async (request) => ({ items: await service.listQueues(deps, request.params.centreId, request.query.includeRetired ?? false) }),
  );

  app.post(
    '/api/v1/centres/:centreId/queues',
    {
      config: { access: { permission: 'queue.write', scope: centreParam } },
      schema: { tags, summary: '新增队列（字头、综合/专业区、事项、号源、取号时间、窗口权重、潮汐阈值）', params: CentreParams, body: QueueCreate, response: { 201: QueueView, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await service.createQueue(deps, requestActor(request), request.params.centreId, request.body)),
  );

  app.get(
    '/api/v1/queues/:id',
    {
      config: { access: { permission: 'queue.read', scope: queueScope } },
      schema: { tags, summary: '队列详情', params: IdParams, response: { 200: QueueView, ...errorResponses } },
    },
    async (request) => service.getQueue(deps, request.params.id),
  );

  app.patch(
    '/api/v1/queues/:id',
    {
      config: { access: { permission: 'queue.write', scope: queueScope } },
      schema: { tags, summary: '修改队列', params: IdParams, body: QueueUpdate, response: { 200: QueueView, ...errorResponses } },
    },
    async (request) => service.updateQueue(deps, requestActor(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/queues/:id',
    {
      config: { access: { permission: 'queue.write', scope: queueScope } },
      schema: { tags, summary: '停用队列（保留记录；仍有人等候时不能停用）', params: IdParams, response: { 200: QueueView, ...errorResponses } },
    },
    async (request) => service.retireQueue(deps, requestActor(request), request.params.id),
  );

  app.get(
    '/api/v1/centres/:centreId/queue-settings',
    {
      config: { access: { permission: 'queue.read', scope: centreParam } },
      schema: { tags, summary: '排队叫号设置（优先权重、重呼次数、手机取号限制、到号提醒、播报、大厅通知）', params: CentreParams, response: { 200: QueueSettingsView, ...errorResponses } },
    },
    async (request) => service.getSettings(deps, request.params.centreId),
  );

  app.put(
    '/api/v1/centres/:centreId/queue-settings',
    {
      config: { access: { permission: 'queue.write', scope: centreParam } },
      schema: { tags, summary: '保存排队叫号设置（未填部分取默认值）', params: CentreParams, body: QueueSettingsBody, response: { 200: QueueSettingsView, ...errorResponses } },
    },
    async (request) => service.putSettings(deps, requestActor(request), request.params.centreId, request.body),
  );
}
