import { Type } from 'typebox';
import type { App } from '../http/app-type.ts';
import { errorResponses } from '../http/schemas.ts';
import type { AppDeps } from '../deps.ts';
import { AppError } from '../../domain/shared/errors.ts';
import { login } from './login.ts';
import { DEVICE_SESSION_COOKIE, SESSION_COOKIE, deleteSession, forgetCredential, resolveSession, startDeviceSession } from './sessions.ts';
import { writeAudit } from '../audit/audit.ts';
import { requestActor } from './access.ts';
import type { UserPrincipal } from './principal.ts';

const Grant = Type.Object({
  role: Type.String(),
  centreId: Type.Union([Type.String(), Type.Null()]),
  departmentId: Type.Union([Type.String(), Type.Null()]),
});
const Me = Type.Object({
  user: Type.Object({ id: Type.String(), username: Type.String(), displayName: Type.String(), roles: Type.Array(Grant) }),
  csrfToken: Type.String(),
});

const DeviceMe = Type.Object({
  device: Type.Object({ id: Type.String(), name: Type.String(), role: Type.String(), centreId: Type.String() }),
});

function meOf(p: UserPrincipal) {
  return {
    user: { id: p.id, username: p.username, displayName: p.displayName, roles: [...p.grants] },
    csrfToken: p.csrfToken,
  };
}

export function authRoutes(app: App, deps: AppDeps): void {
  app.post(
    '/api/v1/auth/login',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['auth'],
        summary: '登录',
        body: Type.Object(
          { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: { 200: Me, ...errorResponses, 429: errorResponses[401] },
      },
    },
    async (request, reply) => {
      const result = await login(deps, { ...request.body, ip: request.ip, requestId: request.id }).catch((err: unknown) => {
        if (err instanceof AppError && err.details?.retryAfterSeconds) reply.header('retry-after', String(err.details.retryAfterSeconds));
        throw err;
      });
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        secure: deps.config.secureCookies,
        expires: result.expiresAt,
      });
      const principal = await resolveSession(deps, result.token);
      if (!principal) throw new AppError('AUTH_SESSION_EXPIRED');
      return meOf(principal);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: { public: true } },
      schema: { tags: ['auth'], summary: '退出登录', response: { 204: Type.Null(), ...errorResponses } },
    },
    async (request, reply) => {
      const p = request.principal;
      if (p?.kind === 'user') {
        await deps.db.transaction(async (tx) => {
          await deleteSession(tx, p.sessionId);
          await writeAudit(tx, requestActor(request), deps.clock(), { centreId: null, entity: 'account', entityId: p.id, action: 'logout' });
        });
        // Again after the commit: a request (an open event stream checking its session)
        // may have cached the session between the first forget and the commit.
        forgetCredential(p.sessionId);
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/device-session',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['auth'],
        summary: '设备会话：显示屏、取号机以设备令牌换取会话 Cookie（EventSource 无法携带 Authorization 头）',
        body: Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
        response: { 200: DeviceMe, ...errorResponses },
      },
    },
    async (request, reply) => {
      const device = await startDeviceSession(deps, request.body.token, { ip: request.ip, requestId: request.id });
      // Strict: only the apps of this site send it. No expiry: it lasts as long as the browser runs (a device exchanges once per start).
      reply.setCookie(DEVICE_SESSION_COOKIE, request.body.token, { httpOnly: true, sameSite: 'strict', path: '/api/', secure: deps.config.secureCookies });
      return { device: { id: device.id, name: device.name, role: device.role, centreId: device.centreId } };
    },
  );

  app.delete(
    '/api/v1/auth/device-session',
    {
      config: { access: { public: true } },
      schema: { tags: ['auth'], summary: '结束设备会话（清除设备会话 Cookie）', response: { 204: Type.Null(), ...errorResponses } },
    },
    async (_request, reply) => {
      reply.clearCookie(DEVICE_SESSION_COOKIE, { path: '/api/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      config: { access: { public: true } },
      schema: { tags: ['auth'], summary: '当前登录用户', response: { 200: Me, ...errorResponses } },
    },
    async (request) => {
      const p = request.principal;
      if (!p || p.kind !== 'user') throw new AppError('AUTH_REQUIRED');
      return meOf(p);
    },
  );
}
