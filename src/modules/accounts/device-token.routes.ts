import { Type } from 'typebox';
import { centreParam, entityScope, requestActor } from '../../platform/auth/access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { App } from '../../platform/http/app-type.ts';
import { CentreParams, errorResponses, IdParams } from '../../platform/http/schemas.ts';
import { DeviceTokenCreate, DeviceTokenCreated, DeviceTokenView } from './device-token.schemas.ts';
import * as tokens from './device-token.service.ts';

const tags = ['accounts'];

export function deviceTokenRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/centres/:centreId/device-tokens',
    {
      config: { access: { permission: 'device.manage', scope: centreParam } },
      schema: {
        tags,
        summary: '设备令牌列表（取号机、显示屏、评价器；不含令牌本身）',
        params: CentreParams,
        response: { 200: Type.Object({ items: Type.Array(DeviceTokenView) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await tokens.listDeviceTokens(deps, request.params.centreId) }),
  );

  app.post(
    '/api/v1/centres/:centreId/device-tokens',
    {
      config: { access: { permission: 'device.manage', scope: centreParam } },
      schema: {
        tags,
        summary: '新建设备令牌（令牌仅显示一次）',
        params: CentreParams,
        body: DeviceTokenCreate,
        response: { 201: DeviceTokenCreated, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await tokens.createDeviceToken(deps, requestActor(request), request.params.centreId, request.body)),
  );

  app.delete(
    '/api/v1/device-tokens/:id',
    {
      config: { access: { permission: 'device.manage', scope: entityScope(tokens.deviceTokenCentre, 'DEVICE_TOKEN_NOT_FOUND') } },
      schema: { tags, summary: '吊销设备令牌（立即生效，记录保留）', params: IdParams, response: { 200: DeviceTokenView, ...errorResponses } },
    },
    async (request) => tokens.revokeDeviceToken(deps, requestActor(request), request.params.id),
  );
}
