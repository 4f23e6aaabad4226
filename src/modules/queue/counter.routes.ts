/** Routes of the counter workstation: sign in and out, call next, the bench, and tidal opening (§6.4.7). */
import { Type } from 'typebox';
import { can, centreParam, requestActor } from '../../platform/auth/access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { App } from '../../platform/http/app-type.ts';
import { CentreParams, errorResponses, Uuid } from '../../platform/http/schemas.ts';
import { callNext } from './call.service.ts';
import { CounterCard, Workbench } from './display.schemas.ts';
import { workbench } from './display.service.ts';
import { counterParamScope } from './scopes.ts';
import { signIn, signOut } from './sign-in.service.ts';
import { closeTidal, listTidalOpenings, openTidal } from './tidal.service.ts';
import { TicketView } from './ticket.schemas.ts';
import { userOf } from './ticket.routes.ts';

const tags = ['queue'];
const CounterParams = Type.Object({ counterId: Uuid }, { additionalProperties: false });
const TidalOpening = Type.Object({ counterId: Uuid, counterNumber: Type.String(), queueId: Type.Union([Uuid, Type.Null()]), queueName: Type.Union([Type.String(), Type.Null()]) });
/** Clerks of a department work at its counters and at the centre's own (department null). */
const atCounter = counterParamScope(true);

export function counterQueueRoutes(app: App, deps: AppDeps): void {
  app.post(
    '/api/v1/counters/:counterId/sign-in',
    {
      config: { access: { permission: 'ticket.serve', scope: atCounter } },
      schema: { tags, summary: '登录窗口（窗口屏显示本人照片、姓名、职务、工号，§6.4.2；窗口转为服务中）', params: CounterParams, response: { 200: CounterCard, ...errorResponses } },
    },
    async (request) => signIn(deps, requestActor(request), userOf(request.principal), request.params.counterId),
  );

  app.post(
    '/api/v1/counters/:counterId/sign-out',
    {
      config: { access: { permission: 'ticket.serve', scope: atCounter } },
      schema: { tags, summary: '退出窗口（窗口转为未开放）', params: CounterParams, response: { 200: CounterCard, ...errorResponses } },
    },
    async (request) => signOut(deps, requestActor(request), userOf(request.principal), request.params.counterId, can(request.principal, 'queue.write', request.scope!)),
  );

  app.post(
    '/api/v1/counters/:counterId/call-next',
    {
      config: { access: { permission: 'ticket.serve', scope: atCounter } },
      schema: {
        tags,
        summary: '叫下一号（综合窗口共享一个号池“抢单”，§7.1.6.2）；无人等候时 204',
        params: CounterParams,
       
        response: { 200: TicketView, 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const ticket = await callNext(deps, requestActor(request), request.params.counterId, userOf(request.principal));
      return ticket ? ticket : reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/counters/:counterId/workbench',
    {
      config: { access: { permission: 'ticket.serve', scope: atCounter } },
      schema: { tags, summary: '窗口工作台：当前号、挂起号、等候列表、今日数据', params: CounterParams, response: { 200: Workbench, ...errorResponses } },
    },
    async (request) => workbench(deps, request.params.counterId, request.principal?.kind === 'user' ? request.principal.id : null),
  );

  app.post(
    '/api/v1/counters/:counterId/tidal/open',
    {
      config: { access: { permission: 'queue.write', scope: counterParamScope(false) } },
      schema: { tags, summary: '开放潮汐窗口给某队列（§6.4.7）', params: CounterParams, body: Type.Object({ queueId: Uuid }, { additionalProperties: false }), response: { 200: TidalOpening, ...errorResponses } },
    },
    async (request) => openTidal(deps, requestActor(request), request.params.counterId, request.body.queueId),
  );

  app.get(
    '/api/v1/centres/:centreId/tidal-openings',
    {
      config: { access: { permission: 'queue.read', scope: centreParam } },
      schema: { tags, summary: '当前开放的潮汐窗口及其服务队列（§6.4.7）', params: CentreParams, response: { 200: Type.Object({ items: Type.Array(TidalOpening) }), ...errorResponses } },
    },
    async (request) => ({ items: await listTidalOpenings(deps, request.params.centreId) }),
  );

  app.post(
    '/api/v1/counters/:counterId/tidal/close',
    {
      config: { access: { permission: 'queue.write', scope: counterParamScope(false) } },
      schema: { tags, summary: '关闭潮汐窗口（回到预留状态）', params: CounterParams, response: { 200: TidalOpening, ...errorResponses } },
    },
    async (request) => closeTidal(deps, requestActor(request), request.params.counterId),
  );
}
