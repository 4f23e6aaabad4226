/** Public routes of queueing (no login): the kiosk menu, the mobile ticket, a ticket's live status, counter-screen photos. */
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { requestActor } from '../../platform/auth/access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { App } from '../../platform/http/app-type.ts';
import { CentreParams, errorResponses, IdParams } from '../../platform/http/schemas.ts';
import { KioskView, PublicTicket } from './display.schemas.ts';
import { issue } from './issue.service.ts';
import { kioskView, publicTicket, staffPhoto } from './public.service.ts';
import { cancelByCitizen } from './ticket-action.service.ts';
import { IssueResult, PublicIssueBody } from './ticket.schemas.ts';

const tags = ['public'];

export function publicQueueRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/public/centres/:centreId/kiosk',
    {
      config: { access: { public: true } },
      schema: { tags, summary: '取号机与手机取号的选项：各队列等候人数、是否可取号、按部门的事项（公开）', params: CentreParams, response: { 200: KioskView, ...errorResponses } },
    },
    async (request) => kioskView(deps, request.params.centreId),
  );

  app.post(
    '/api/v1/public/centres/:centreId/tickets',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '手机取号（服务时间内；每个手机号、身份证号每日限额）（公开）',
        params: CentreParams,
        body: PublicIssueBody,
        response: { 201: IssueResult, 429: errorResponses[422], ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await issue(deps, requestActor(request), { kind: 'citizen' }, request.params.centreId, { ...request.body, source: 'mobile' })),
  );

  app.get(
    '/api/v1/public/tickets/:id',
    {
      config: { access: { public: true } },
      schema: { tags, summary: '号码实时状态（脱敏；二维码携带的号码 id 即凭据）（公开）', params: IdParams, response: { 200: PublicTicket, ...errorResponses } },
    },
    async (request, reply) => {
      (reply as FastifyReply).header('cache-control', 'no-store');
      return publicTicket(deps, request.params.id);
    },
  );

  app.post(
    '/api/v1/public/tickets/:id/cancel',
    {
      config: { access: { public: true } },
      schema: { tags, summary: '群众取消自己的号（公开）', params: IdParams, response: { 200: PublicTicket, ...errorResponses } },
    },
    async (request) => {
      await cancelByCitizen(deps, requestActor(request), request.params.id);
      return publicTicket(deps, request.params.id);
    },
  );

  app.get(
    '/api/v1/public/staff/:id/photo',
    {
      config: { access: { public: true } },
      schema: { tags, summary: '工作人员照片（窗口屏、岗位公示用）（公开）', params: IdParams, response: { 200: Type.String({ format: 'binary' }), 304: Type.Null(), ...errorResponses } },
    },
    async (request, reply) => {
      const photo = await staffPhoto(deps, request.params.id);
      const r = reply as FastifyReply;
      r.header('etag', photo.etag).header('cache-control', 'public, max-age=86400').header('x-content-type-options', 'nosniff');
      if (request.headers['if-none-match'] === photo.etag) return r.status(304).send();
      return r.type(photo.contentType).send(photo.bytes);
    },
  );
}
