import { Type } from 'typebox';
import type { AppDeps } from '../../../platform/deps.ts';
import type { App } from '../../../platform/http/app-type.ts';
import { CentreParams, errorResponses } from '../../../platform/http/schemas.ts';
import { PublicCentre, PublicCentreSummary } from './public-centre.schemas.ts';
import * as service from './public-centre.service.ts';

const tags = ['public'];

/** The public portal's centre data (no login). */
export function publicCentreRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/public/centres',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '政务服务中心列表（公开）',
        response: { 200: Type.Object({ items: Type.Array(PublicCentreSummary) }), ...errorResponses },
      },
    },
    async () => ({ items: await service.listPublicCentres(deps) }),
  );

  app.get(
    '/api/v1/public/centres/:centreId',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '政务服务中心公开信息：地址、服务时间、电话、无线网络、楼层索引、窗口、岗位公示（公开）',
        params: CentreParams,
        response: { 200: PublicCentre, ...errorResponses },
      },
    },
    async (request) => service.getPublicCentre(deps, request.params.centreId),
  );
}
