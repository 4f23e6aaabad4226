/** The public progress query of a case (§8.1.2.1): no login; the phone's last 4 digits; throttled against guessing. */
import type { FastifyReply } from 'fastify';
import { AppError } from '../../domain/shared/errors.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { App } from '../../platform/http/app-type.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { PublicCaseParams, PublicCaseQuery, PublicCaseView } from './case.schemas.ts';
import { publicProgressBody } from './public-progress.service.ts';

export function publicCaseRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/public/cases/:caseNumber',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['public'],
        summary: '办件进度查询（办件编号 + 申请人联系电话后 4 位；个人信息脱敏）',
        params: PublicCaseParams,
        querystring: PublicCaseQuery,
        response: { 200: PublicCaseView, 429: errorResponses[422], ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const body = await publicProgressBody(deps, request.ip, request.params.caseNumber, request.query.check, (view) => reply.serialize(view) as string).catch((err: unknown) => {
        if (err instanceof AppError && typeof err.details?.retryAfterSeconds === 'number') reply.header('retry-after', String(err.details.retryAfterSeconds));
        throw err;
      });
      // Already serialized by this route's response serializer: sent as it is.
      return (reply as FastifyReply).type('application/json; charset=utf-8').send(body);
    },
  );
}
