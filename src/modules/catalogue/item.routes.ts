import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../domain/shared/errors.ts';
import { authorize, centreParam, entityScope, isUuid, requestActor, type ScopeResolver } from '../../platform/auth/access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { App } from '../../platform/http/app-type.ts';
import { CentreParams, errorResponses, IdParams, Uuid } from '../../platform/http/schemas.ts';
import {
  ApproveBody,
  DiffQuery,
  DiffView,
  ItemCreate,
  ItemListQuery,
  ItemSummary,
  ItemUpdate,
  ItemView,
  PublicItemQuery,
  PublicItemSummary,
  PublicItemView,
  RejectBody,
  SubmitBody,
  VersionSummary,
  VersionView,
  WithdrawBody,
} from './item.schemas.ts';
import * as items from './item.service.ts';
import * as versions from './item-version.service.ts';
import * as publicItems from './item-public.service.ts';
import { publicGuideBody } from './guide-read.ts';

const tags = ['catalogue'];
const itemScope = entityScope(items.itemCentre, 'ITEM_NOT_FOUND');
/**
 * Reading an item is centre-wide, like the list: a clerk at a comprehensive counter serves
 * every department's items (§7.1.6.2); editing stays within the department.
 */
const itemReadScope = entityScope(async (deps, id) => {
  const found = await items.itemCentre(deps, id);
  return found && { centreId: found.centreId };
}, 'ITEM_NOT_FOUND');
const VersionParams = Type.Object({ id: Uuid, number: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
const publicErrors = { 400: errorResponses[400], 404: errorResponses[404] };

/**
 * Scope of creating an item: the centre in the path and the department in the body, so
 * that a chief representative creates items of their own department only.
 */
const centreAndBodyDepartment: ScopeResolver = (request) => {
  const centreId = (request.params as Record<string, unknown>).centreId;
  if (!isUuid(centreId)) throw new AppError('CENTRE_NOT_FOUND');
  const departmentId = (request.body as Record<string, unknown> | undefined)?.departmentId;
  return { centreId, departmentId: isUuid(departmentId) ? departmentId : null };
};

/**
 * Scope of editing an item: its own centre and department; moving it to another
 * department needs the same right there (a chief representative keeps to their own).
 */
const itemEditScope: ScopeResolver = async (request, deps) => {
  const scope = await itemScope(request, deps);
  const target = (request.body as Record<string, unknown> | undefined)?.departmentId;
  if (isUuid(target) && target !== scope.departmentId) authorize(request.principal, 'catalogue.write', { centreId: scope.centreId, departmentId: target });
  return scope;
};

export function itemRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/centres/:centreId/items',
    {
      config: { access: { permission: 'catalogue.read', scope: centreParam } },
      schema: {
        tags,
        summary: '事项列表（含草稿）',
        params: CentreParams,
        querystring: ItemListQuery,
        response: { 200: Type.Object({ items: Type.Array(ItemSummary), total: Type.Integer() }), ...errorResponses },
      },
    },
    async (request) => items.listItems(deps, request.params.centreId, request.query),
  );

  app.post(
    '/api/v1/centres/:centreId/items',
    {
      config: { access: { permission: 'catalogue.write', scope: centreAndBodyDepartment } },
      schema: { tags, summary: '新增事项（草稿第 1 版）', params: CentreParams, body: ItemCreate, response: { 201: ItemView, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await items.createItem(deps, requestActor(request), request.params.centreId, request.body)),
  );

  app.get(
    '/api/v1/items/:id',
    {
      config: { access: { permission: 'catalogue.read', scope: itemReadScope } },
      schema: { tags, summary: '事项详情（最新版本）', params: IdParams, response: { 200: ItemView, ...errorResponses } },
    },
    async (request) => items.getItem(deps, request.params.id),
  );

  app.patch(
    '/api/v1/items/:id',
    {
      config: { access: { permission: 'catalogue.write', scope: itemEditScope } },
      schema: { tags, summary: '修改事项（编辑草稿；已发布则新建草稿版本）', params: IdParams, body: ItemUpdate, response: { 200: ItemView, ...errorResponses } },
    },
    async (request) => items.updateItem(deps, requestActor(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/items/:id',
    {
      config: { access: { permission: 'catalogue.write', scope: itemScope } },
      schema: { tags, summary: '停用事项（保留记录）', params: IdParams, response: { 200: ItemView, ...errorResponses } },
    },
    async (request) => items.retireItem(deps, requestActor(request), request.params.id),
  );

  app.get(
    '/api/v1/items/:id/versions',
    {
      config: { access: { permission: 'catalogue.read', scope: itemReadScope } },
      schema: { tags, summary: '事项版本历史', params: IdParams, response: { 200: Type.Object({ items: Type.Array(VersionSummary) }), ...errorResponses } },
    },
    async (request) => ({ items: await versions.listVersions(deps, request.params.id) }),
  );

  app.get(
    '/api/v1/items/:id/versions/:number',
    {
      config: { access: { permission: 'catalogue.read', scope: itemReadScope } },
      schema: { tags, summary: '事项某一版本', params: VersionParams, response: { 200: VersionView, ...errorResponses } },
    },
    async (request) => versions.getVersion(deps, request.params.id, request.params.number),
  );

  app.get(
    '/api/v1/items/:id/diff',
    {
      config: { access: { permission: 'catalogue.read', scope: itemReadScope } },
      schema: { tags, summary: '两个版本的逐项差异（§7.3.2.2d）', params: IdParams, querystring: DiffQuery, response: { 200: DiffView, ...errorResponses } },
    },
    async (request) => versions.diffVersions(deps, request.params.id, request.query.from, request.query.to),
  );

  app.post(
    '/api/v1/items/:id/versions/:number/submit',
    {
      config: { access: { permission: 'catalogue.write', scope: itemScope } },
      schema: { tags, summary: '提交合法性审查', params: VersionParams, body: SubmitBody, response: { 200: VersionView, ...errorResponses } },
    },
    async (request) => versions.actOnVersion(deps, requestActor(request), request.params.id, request.params.number, { action: 'submit' }),
  );

  app.post(
    '/api/v1/items/:id/versions/:number/approve',
    {
      config: { access: { permission: 'catalogue.review', scope: itemScope } },
      schema: { tags, summary: '合法性审查通过并发布（§7.3.2.2c）', params: VersionParams, body: ApproveBody, response: { 200: VersionView, ...errorResponses } },
    },
    async (request) => versions.actOnVersion(deps, requestActor(request), request.params.id, request.params.number, { action: 'approve', ...request.body }),
  );

  app.post(
    '/api/v1/items/:id/versions/:number/reject',
    {
      config: { access: { permission: 'catalogue.review', scope: itemScope } },
      schema: { tags, summary: '合法性审查退回', params: VersionParams, body: RejectBody, response: { 200: VersionView, ...errorResponses } },
    },
    async (request) => versions.actOnVersion(deps, requestActor(request), request.params.id, request.params.number, { action: 'reject', ...request.body }),
  );

  app.post(
    '/api/v1/items/:id/versions/:number/withdraw',
    {
      config: { access: { permission: 'catalogue.review', scope: itemScope } },
      schema: { tags, summary: '撤回已发布版本（记录保留可查）', params: VersionParams, body: WithdrawBody, response: { 200: VersionView, ...errorResponses } },
    },
    async (request) => versions.actOnVersion(deps, requestActor(request), request.params.id, request.params.number, { action: 'withdraw', ...request.body }),
  );

  // ------------------------------------------------------------ public (no login)

  app.get(
    '/api/v1/public/centres/:centreId/items',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '公开事项检索（仅已发布版本）',
        params: CentreParams,
        querystring: PublicItemQuery,
        response: { 200: Type.Object({ items: Type.Array(PublicItemSummary), total: Type.Integer() }), ...publicErrors },
      },
    },
    async (request) => publicItems.listPublicItems(deps, request.params.centreId, request.query),
  );

  app.get(
    '/api/v1/public/items/:id',
    {
      config: { access: { public: true } },
      schema: { tags, summary: '公开办事指南（当前发布版本，带 ETag）', params: IdParams, response: { 200: PublicItemView, 304: Type.Null(), ...publicErrors } },
    },
    async (request, reply) => {
      const { body, etag } = await publicGuideBody(deps, request.params.id, (view) => reply.serialize(view) as string);
      void reply.header('etag', etag).header('cache-control', 'public, no-cache');
      if (request.headers['if-none-match'] === etag) return reply.status(304).send(null);
      // Already serialized by this route's response serializer: sent as it is.
      return (reply as FastifyReply).type('application/json; charset=utf-8').send(body);
    },
  );
}
