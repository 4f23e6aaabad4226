import { Type } from 'typebox';
import { AppError } from '../../domain/shared/errors.ts';
import { anyCentre, centreQueryOrAny, isUuid, requestActor, type ScopeResolver } from '../../platform/auth/access.ts';
import type { Permission } from '../../platform/auth/policy.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { App } from '../../platform/http/app-type.ts';
import { errorResponses, IdParams, Page } from '../../platform/http/schemas.ts';
import { PasswordChange, PasswordReset, UserCreate, UserListQuery, UserUpdate, UserView } from './user.schemas.ts';
import * as usersService from './user.service.ts';

const tags = ['accounts'];

/** Scope of `/users/:id`: resolved before the body is validated, like entityScope. */
function userScope(permission: Permission): ScopeResolver {
  return (request, deps) => {
    const id = (request.params as Record<string, unknown>).id;
    if (!isUuid(id)) throw new AppError('USER_NOT_FOUND');
    return usersService.scopeOfUser(deps, request.principal, id, permission);
  };
}
const NoContent = { 204: Type.Null() };

export function userRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/users',
    {
      config: { access: { permission: 'user.read', scope: centreQueryOrAny } },
      schema: {
        tags,
        summary: '用户列表（本人有权查看的中心的用户）',
        querystring: UserListQuery,
        response: { 200: Page(UserView), ...errorResponses },
      },
    },
    async (request) => usersService.listUsers(deps, request.principal, request.query),
  );

  app.post(
    '/api/v1/users',
    {
      config: { access: { permission: 'user.manage', scope: anyCentre } },
      schema: { tags, summary: '新建用户并授予角色', body: UserCreate, response: { 201: UserView, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await usersService.createUser(deps, request.principal, requestActor(request), request.body)),
  );

  app.get(
    '/api/v1/users/:id',
    {
      config: { access: { permission: 'user.read', scope: userScope('user.read') } },
      schema: { tags, summary: '用户详情', params: IdParams, response: { 200: UserView, ...errorResponses } },
    },
    async (request) => usersService.getUser(deps, request.principal, request.params.id),
  );

  app.patch(
    '/api/v1/users/:id',
    {
      config: { access: { permission: 'user.manage', scope: userScope('user.manage') } },
      schema: { tags, summary: '修改用户（姓名、角色、停用）', params: IdParams, body: UserUpdate, response: { 200: UserView, ...errorResponses } },
    },
    async (request) => usersService.updateUser(deps, request.principal, requestActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/users/:id/password',
    {
      config: { access: { permission: 'user.manage', scope: userScope('user.manage') } },
      schema: { tags, summary: '重置用户密码（该用户的全部登录随即失效）', params: IdParams, body: PasswordReset, response: { ...NoContent, ...errorResponses } },
    },
    async (request, reply) => {
      await usersService.resetPassword(deps, request.principal, requestActor(request), request.params.id, request.body.password);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/password',
    {
      config: { access: { permission: 'account.self', scope: anyCentre } },
      schema: {
        tags: ['auth'],
        summary: '修改本人密码（其他登录随即失效）',
        body: PasswordChange,
        response: { ...NoContent, ...errorResponses, 429: errorResponses[401] },
      },
    },
    async (request, reply) => {
      const p = request.principal;
      if (p?.kind !== 'user') throw new AppError('FORBIDDEN');
      await usersService.changeOwnPassword(deps, p, requestActor(request), { ...request.body, ip: request.ip }).catch((err: unknown) => {
        if (err instanceof AppError && typeof err.details?.retryAfterSeconds === 'number') reply.header('retry-after', String(err.details.retryAfterSeconds));
        throw err;
      });
      return reply.status(204).send(null);
    },
  );
}
