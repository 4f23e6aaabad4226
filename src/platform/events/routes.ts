/**
 * `GET /api/v1/centres/{centreId}/events`: the centre's live events as Server-Sent
 * Events (issue 4 "Real time"; the hall display of DB36/T 2016 §5.2.2 and the counter
 * screens of §6.4.2 follow it). Contract: docs/queue-api.md, "Server-Sent Events".
 *
 * Fastify serialises whole replies; a stream is written on the raw response after
 * `reply.hijack()`. Authentication and authorisation have run by then (onRequest,
 * preValidation), so refusals keep the usual error shape; the request id goes out as a
 * header, and the request's logger records the end of the stream.
 */
import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { AppError } from '../../domain/shared/errors.ts';
import { centres } from '../../modules/organisation/schema.ts';
import { authenticate, can, centreParam } from '../auth/access.ts';
import type { AppDeps } from '../deps.ts';
import type { App } from '../http/app-type.ts';
import { CentreParams, errorResponses } from '../http/schemas.ts';
import { STREAM_RETENTION_MS } from './events.ts';
import { StreamHub, type StreamStart, type StreamSubscription } from './stream.ts';

/** What EventSource waits before reconnecting (sent as `retry:`). */
export const RECONNECT_MS = 3_000;

const EVENT_ID = '^[0-9]{1,15}$';

const DESCRIPTION = `text/event-stream. Each event: \`id:\` (send it back as the \`Last-Event-ID\` header, or \`?lastEventId=\` where a header cannot be set, to receive what was missed), \`event:\` (ticket.issued, ticket.called, ticket.finished, counter.status, queue.stats, tidal.alert) and one \`data:\` line of JSON. A comment line comes every 15 s. Without an id the stream starts with the next event, or \`since\` seconds back (at most two days, the retention).`;

const hubs = new WeakMap<object, StreamHub>();

/** The stream hub of an app, once a client has connected (tests and diagnostics: how many clients). */
export function streamHubOf(app: object): StreamHub | undefined {
  return hubs.get(app);
}

export function eventRoutes(app: App, deps: AppDeps): void {
  let hub: StreamHub | undefined;
  const hubOf = () => {
    if (!hub) {
      hub = new StreamHub(deps, app.log);
      hubs.set(app, hub);
    }
    return hub;
  };
  // Open streams would hold the server's close: they end first.
  app.addHook('preClose', async () => {
    await hub?.close();
  });

  app.get(
    '/api/v1/centres/:centreId/events',
    {
      config: { access: { permission: 'events.read', scope: centreParam } },
      schema: {
        tags: ['events'],
        summary: '中心实时事件流（叫号、窗口状态、排队情况；Server-Sent Events）',
        description: DESCRIPTION,
        params: CentreParams,
        headers: Type.Object({ 'last-event-id': Type.Optional(Type.String({ pattern: EVENT_ID })) }),
        querystring: Type.Object({
          lastEventId: Type.Optional(Type.String({ pattern: EVENT_ID, description: 'Last-Event-ID for clients that cannot set the header' })),
          since: Type.Optional(Type.Integer({ minimum: 1, maximum: STREAM_RETENTION_MS / 1000, description: 'without an id: start this many seconds back' })),
        }),
        response: {
          200: { description: 'the event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { centreId } = request.params;
      const [centre] = await deps.db.select({ id: centres.id }).from(centres).where(eq(centres.id, centreId));
      if (!centre) throw new AppError('CENTRE_NOT_FOUND');
      const given = request.headers['last-event-id'] ?? request.query.lastEventId;
      const start: StreamStart =
        given !== undefined ? { afterId: Number(given) } : request.query.since ? { since: new Date(deps.clock().getTime() - request.query.since * 1000) } : 'now';
      const principal = request.principal;
      const scope = request.scope!;

      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        // nginx: pass events through at once.
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      });
      res.socket?.setNoDelay(true);
      res.write(`retry: ${RECONNECT_MS}\n\n`);

      const opened = Date.now();
      let subscription: StreamSubscription | undefined;
      let gone = false;
      const logEnd = (reason: string) => {
        request.log.info(
          { centreId, reason, eventsSent: subscription?.eventsSent ?? 0, lastEventId: subscription?.lastSentId ?? null, durationMs: Date.now() - opened },
          'event stream closed',
        );
      };
      res.on('close', () => {
        if (gone) return;
        gone = true;
        subscription?.close();
        logEnd('client closed');
      });

      try {
        subscription = await hubOf().attach(
          centreId,
          start,
          {
            isOpen: () => !res.destroyed && !res.writableEnded,
            write: (chunk) => void res.write(chunk),
            backlog: () => res.writableLength,
            drained: () =>
              new Promise<void>((resolve) => {
                if (res.writableLength === 0 || res.destroyed) return resolve();
                const done = () => {
                  res.off('drain', done);
                  res.off('close', done);
                  resolve();
                };
                res.once('drain', done);
                res.once('close', done);
              }),
            end: () => res.end(),
          },
          {
            // The same credentials must still be good for the same principal.
            stillAllowed: async () => {
              const now = await authenticate(deps, request, false).catch(() => null);
              return now !== null && now.kind === principal?.kind && now.id === principal.id && can(now, 'events.read', scope);
            },
            onEnd: (reason) => {
              if (gone) return;
              gone = true;
              logEnd(reason);
            },
          },
        );
        if (gone) subscription.close();
        // Replay written, live from here (a comment: EventSource ignores it; tests and curl see it).
        else res.write(': ready\n\n');
      } catch (err) {
        if (!gone) request.log.error({ err, centreId }, 'event stream could not start');
        gone = true;
        res.end();
      }
    },
  );
}
