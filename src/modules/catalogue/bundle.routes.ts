import { Type } from 'typebox';
import { centreParam, entityScope, requestActor } from '../../platform/auth/access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { App } from '../../platform/http/app-type.ts';
import { CentreParams, errorResponses, IdParams } from '../../platform/http/schemas.ts';
import { BundleCreate, BundleUpdate, BundleView, ListsView } from './bundle.schemas.ts';
import * as bundles from './bundle.service.ts';

const tags = ['catalogue'];
const bundleScope = entityScope(bundles.bundleCentre, 'BUNDLE_NOT_FOUND');
const ListQuery = Type.Object({ includeRetired: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
const publicErrors = { 400: errorResponses[400], 404: errorResponses[404] };

export function bundleRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/centres/:centreId/bundles',
    {
      config: { access: { permission: 'catalogue.read', scope: centreParam } },
      schema: { tags, summary: '“高效办成一件事”列表', params: CentreParams, querystring: ListQuery, response: { 200: Type.Object({ items: Type.Array(BundleView) }), ...errorResponses } },
    },
    async (request) => ({ items: await bundles.listBundles(deps, request.params.centreId, request.query.includeRetired ?? false) }),
  );

  app.post(
    '/api/v1/centres/:centreId/bundles',
    {
      config: { access: { permission: 'catalogue.write', scope: centreParam } },
      schema: { tags, summary: '新增“一件事”（§8.2.4）', params: CentreParams, body: BundleCreate, response: { 201: BundleView, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await bundles.createBundle(deps, requestActor(request), request.params.centreId, request.body)),
  );

  app.get(
    '/api/v1/bundles/:id',
    {
      config: { access: { permission: 'catalogue.read', scope: bundleScope } },
      schema: { tags, summary: '“一件事”详情（合并材料清单）', params: IdParams, response: { 200: BundleView, ...errorResponses } },
    },
    async (request) => bundles.getBundle(deps, request.params.id),
  );

  app.patch(
    '/api/v1/bundles/:id',
    {
      config: { access: { permission: 'catalogue.write', scope: bundleScope } },
      schema: { tags, summary: '修改“一件事”', params: IdParams, body: BundleUpdate, response: { 200: BundleView, ...errorResponses } },
    },
    async (request) => bundles.updateBundle(deps, requestActor(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/bundles/:id',
    {
      config: { access: { permission: 'catalogue.write', scope: bundleScope } },
      schema: { tags, summary: '停用“一件事”（保留记录）', params: IdParams, response: { 200: BundleView, ...errorResponses } },
    },
    async (request) => bundles.retireBundle(deps, requestActor(request), request.params.id),
  );

  app.get(
    '/api/v1/centres/:centreId/lists',
    {
      config: { access: { permission: 'catalogue.read', scope: centreParam } },
      schema: { tags, summary: '中心各类事项清单（§8.2）', params: CentreParams, response: { 200: ListsView, ...errorResponses } },
    },
    async (request) => bundles.getCentreLists(deps, request.params.centreId),
  );

  // ------------------------------------------------------------ public (no login)

  app.get(
    '/api/v1/public/centres/:centreId/lists',
    {
      config: { access: { public: true } },
      schema: { tags, summary: '公开事项清单（§8.2）', params: CentreParams, response: { 200: ListsView, ...publicErrors } },
    },
    async (request) => bundles.getCentreLists(deps, request.params.centreId),
  );

  app.get(
    '/api/v1/public/bundles/:id',
    {
      config: { access: { public: true } },
      schema: { tags, summary: '公开“一件事”指南', params: IdParams, response: { 200: BundleView, ...publicErrors } },
    },
    async (request) => bundles.getPublicBundle(deps, request.params.id),
  );
}
