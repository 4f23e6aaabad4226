import { Type } from 'typebox';
import type { App } from './app-type.ts';
import type { AppDeps } from '../deps.ts';
import { sql } from 'drizzle-orm';

export function systemRoutes(app: App, deps: AppDeps, version: string): void {
  app.get(
    '/api/v1/health',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['system'],
        summary: '健康检查',
        response: {
          200: Type.Object({ status: Type.Literal('ok'), db: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]), version: Type.String() }),
          503: Type.Object({ status: Type.Literal('unavailable'), db: Type.String(), version: Type.String() }),
        },
      },
    },
    async (_request, reply) => {
      try {
        await deps.db.execute(sql`select 1`);
        return { status: 'ok' as const, db: deps.database.engine, version };
      } catch {
        return reply.status(503).send({ status: 'unavailable' as const, db: deps.database.engine, version });
      }
    },
  );

  app.get(
    '/api/v1/openapi.json',
    { config: { access: { public: true } }, schema: { hide: true } },
    async () => app.swagger(),
  );
}
