/** Routes of tickets: issuing (kiosk and staff), reading, and the counter's actions on a ticket. */
import { centreParam, requestActor } from '../../platform/auth/access.ts';
import { AppError, fieldError } from '../../domain/shared/errors.ts';
import type { TicketActor } from '../../domain/queue/ticket-states.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { App } from '../../platform/http/app-type.ts';
import { CentreParams, errorResponses, IdParams } from '../../platform/http/schemas.ts';
import { issue } from './issue.service.ts';
import { ticketScope } from './scopes.ts';
import { act, getTicket, type ActionInput } from './ticket-action.service.ts';
import { ACTION_SUMMARIES, ActionBodies, ActionResult, IssueBody, IssueResult, TicketDetail, type ActionName } from './ticket.schemas.ts';
import { publicBase } from '../../platform/http/public-base.ts';

const tags = ['queue'];

/** The user behind a request (ticket.serve is held by people only). */
export function userOf(principal: Principal | null): string {
  if (principal?.kind !== 'user') throw new AppError('FORBIDDEN');
  return principal.id;
}

export function ticketRoutes(app: App, deps: AppDeps): void {
  app.post(
    '/api/v1/centres/:centreId/tickets',
    {
      config: { access: { permission: 'ticket.issue', scope: centreParam } },
      schema: {
        tags,
        summary: '取号（取号机设备或工作人员；手机取号见公开接口）',
        params: CentreParams,
        body: IssueBody,
        response: { 201: IssueResult, 429: errorResponses[422], ...errorResponses },
      },
    },
    async (request, reply) => {
      const p = request.principal!;
      // A kiosk issues kiosk tickets and appointment check-ins; a "counter" ticket, bound by no queue window or quota, is staff's.
      if (p.kind === 'device' && request.body.source === 'counter') throw fieldError('TICKET_SOURCE_NOT_ALLOWED', '/source', '取号机只能发放取号机号码或预约签到号码');
      // The green channel is the centre's to grant (its staff), never a citizen's own declaration.
      if (p.kind === 'device' && request.body.priority === 'green_channel') throw fieldError('TICKET_PRIORITY_NOT_ALLOWED', '/priority', '绿色通道须由工作人员核定，取号机不能选择');
      const ticketActor: TicketActor = p.kind === 'device' ? { kind: 'citizen' } : { kind: 'staff', userId: p.id };
      const result = await issue(deps, requestActor(request), ticketActor, request.params.centreId, request.body);
      // The slip's QR code opens the portal at its public address, also behind a proxy that rewrites the host.
      return reply.status(201).send({ ...result, statusUrl: `${publicBase(deps, request)}${result.statusPath}` });
    },
  );

  app.get(
    '/api/v1/tickets/:id',
    {
      config: { access: { permission: 'queue.read', scope: ticketScope } },
      schema: { tags, summary: '号码详情与全部事件（时间、窗口、工作人员）', params: IdParams, response: { 200: TicketDetail, ...errorResponses } },
    },
    async (request) => getTicket(deps, request.params.id),
  );

  for (const name of Object.keys(ActionBodies) as ActionName[]) {
    app.post(
      `/api/v1/tickets/:id/${name}`,
      {
        config: { access: { permission: 'ticket.serve', scope: ticketScope } },
        schema: { tags, summary: ACTION_SUMMARIES[name], params: IdParams, body: ActionBodies[name], response: { 200: ActionResult, ...errorResponses } },
      },
      async (request) => act(deps, requestActor(request), userOf(request.principal), request.params.id, { name, body: request.body } as ActionInput),
    );
  }
}
