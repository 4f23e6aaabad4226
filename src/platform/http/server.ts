/**
 * The HTTP server with GovHall's conventions: request ids, the error shape, access
 * control, cookies and the OpenAPI document. Modules add their routes to it.
 */
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../deps.ts';
import { installAccessControl } from '../auth/access.ts';
import { installErrorHandling } from './errors.ts';
import type { App } from './app-type.ts';
import { AJV_OPTIONS } from './validator.ts';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export interface ServerOptions {
  readonly version: string;
  readonly logger?: boolean;
}

export async function createServer(deps: AppDeps, options: ServerOptions): Promise<App> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: deps.config.logLevel,
            // Personal data and credentials never reach the log (they are masked in the audit trail).
            redact: {
              paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
              censor: '[redacted]',
            },
          },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: 2 * 1024 * 1024,
    // Only behind a proxy that sets X-Forwarded-For: the login lock per address relies on it.
    trustProxy: deps.config.trustProxy,
    ajv: { customOptions: { ...AJV_OPTIONS } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  installErrorHandling(app);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'GovHall API',
        description: '政务服务中心运行管理平台 API（DB36/T 2016—2024）',
        version: options.version,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'govhall_session' },
          device: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { device: [] }],
    },
  });
  installAccessControl(app, deps);
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  return app;
}
