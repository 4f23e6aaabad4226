/**
 * Authentication and authorisation for every route. Each route declares in its
 * `config.access` either `{ public: true }` or the permission it needs and how to
 * find the centre it touches; a route without a declaration fails at start-up.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../domain/shared/errors.ts';
import type { AppDeps } from '../deps.ts';
import { safeEqual } from './crypto.ts';
import { deviceAllows, grantsAllow, grantsAllowEverywhere, type Permission, type Scope } from './policy.ts';
import { actorOf, type Actor, type Principal } from './principal.ts';
import { DEVICE_SESSION_COOKIE, resolveBearer, resolveSession, SESSION_COOKIE } from './sessions.ts';

export type ScopeResolver = (request: FastifyRequest, deps: AppDeps) => Scope | Promise<Scope>;

export type Access =
  | { readonly public: true; readonly permission?: undefined }
  | { readonly public?: false; readonly permission: Permission; readonly scope: ScopeResolver };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** The centre (and department) the request acts in, once authorised. */
    scope: Scope | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Scope: not tied to a centre (the use case narrows to what the caller may see). */
export const anyCentre: ScopeResolver = () => ({ centreId: null });

/** Scope: the `centreId` path parameter. */
export const centreParam: ScopeResolver = (request) => {
  const id = (request.params as Record<string, unknown>).centreId;
  if (!isUuid(id)) throw new AppError('CENTRE_NOT_FOUND');
  return { centreId: id };
};

/**
 * Scope: the `centreId` query parameter when given (a filter the caller must hold the
 * permission in), otherwise not tied to a centre.
 */
export const centreQueryOrAny: ScopeResolver = (request) => {
  const id = (request.query as Record<string, unknown> | undefined)?.centreId;
  if (id === undefined || id === '') return { centreId: null };
  if (!isUuid(id)) throw new AppError('CENTRE_NOT_FOUND');
  return { centreId: id };
};

/** Scope: the centre of the entity named by the `id` path parameter. */
export function entityScope(
  find: (deps: AppDeps, id: string) => Promise<{ centreId: string; departmentId?: string | null } | undefined>,
  notFound: ConstructorParameters<typeof AppError>[0],
): ScopeResolver {
  return async (request, deps) => {
    const id = (request.params as Record<string, unknown>).id;
    if (!isUuid(id)) throw new AppError(notFound);
    const found = await find(deps, id);
    if (!found) throw new AppError(notFound);
    return { centreId: found.centreId, departmentId: found.departmentId ?? null };
  };
}

/** Whether the principal holds `permission` in `scope`. */
export function can(principal: Principal | null, permission: Permission, scope: Scope): boolean {
  if (!principal) return false;
  if (principal.kind === 'device') return deviceAllows(principal.role, principal.centreId, permission, scope);
  return grantsAllow(principal.grants, permission, scope);
}

/** Throws FORBIDDEN unless the principal holds `permission` in `scope`. */
export function authorize(principal: Principal | null, permission: Permission, scope: Scope): void {
  if (!principal) throw new AppError('AUTH_REQUIRED');
  if (!can(principal, permission, scope)) throw new AppError('FORBIDDEN');
}

/** The centres a principal may see with `permission`: `'all'` for a system administrator. */
export function visibleCentres(principal: Principal | null, permission: Permission): 'all' | string[] {
  if (!principal) return [];
  if (principal.kind === 'device') return deviceAllows(principal.role, principal.centreId, permission, { centreId: principal.centreId }) ? [principal.centreId] : [];
  if (grantsAllowEverywhere(principal.grants, permission)) return 'all';
  return [...new Set(principal.grants.filter((g) => g.centreId && grantsAllow([g], permission, { centreId: g.centreId })).map((g) => g.centreId!))];
}

export function requestActor(request: FastifyRequest): Actor {
  return actorOf(request.principal, request.id);
}

/** A route as registered, with whether it is public (for the route-walking test). */
export interface DeclaredRoute {
  readonly method: string;
  readonly url: string;
  readonly public: boolean;
}
const declaredRoutesOf = new WeakMap<object, DeclaredRoute[]>();

/**
 * Every route registered on the app, hidden ones included: the route walk checks that
 * no non-public route is missing from the OpenAPI document it walks.
 */
export function declaredRoutes(app: object): readonly DeclaredRoute[] {
  return declaredRoutesOf.get(app) ?? [];
}

/**
 * The principal of a request's credentials: a Bearer device token first, then the user
 * session cookie, then the device session cookie (the one EventSource can send, see
 * sessions.ts). A credential that is presented but not valid is refused on a route that
 * is not public. Also used to check the credentials of a long-lived stream again.
 */
export async function authenticate(deps: AppDeps, request: FastifyRequest, isPublic: boolean): Promise<Principal | null> {
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    const device = await resolveBearer(deps, auth.slice(7).trim());
    if (!device) throw new AppError('AUTH_DEVICE_TOKEN_INVALID');
    return device;
  }
  const unsafe = !SAFE_METHODS.has(request.method);
  const token = request.cookies[SESSION_COOKIE];
  if (token) {
    const user = await resolveSession(deps, token);
    if (user) {
      if (unsafe) {
        const header = request.headers['x-csrf-token'];
        if (typeof header !== 'string' || !safeEqual(header, user.csrfToken)) throw new AppError('CSRF_TOKEN_INVALID');
      }
      return user;
    }
  }
  const deviceToken = request.cookies[DEVICE_SESSION_COOKIE];
  if (deviceToken) {
    const device = await resolveBearer(deps, deviceToken);
    if (device) {
      // A device session has no CSRF token: it only reads; a change carries the Bearer token.
      if (!unsafe) return device;
      if (!isPublic) throw new AppError('DEVICE_SESSION_READ_ONLY');
      return null;
    }
  }
  if (!isPublic && token) throw new AppError('AUTH_SESSION_EXPIRED');
  if (!isPublic && deviceToken) throw new AppError('AUTH_DEVICE_TOKEN_INVALID');
  return null;
}

export function installAccessControl(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('scope', null);
  const declared: DeclaredRoute[] = [];
  declaredRoutesOf.set(app, declared);

  app.addHook('onRoute', (route) => {
    let access = route.config?.access;
    if (!access) {
      // Only the API must declare; documentation pages and web assets are public.
      if (route.url.startsWith('/api/v1')) throw new Error(`Route ${String(route.method)} ${route.url} declares no access (config.access)`);
      access = { public: true };
      route.config = { ...route.config, access };
    }
    // Mark public routes in the OpenAPI document, for clients and for the route-walking test.
    if (route.schema && access.public) (route.schema as Record<string, unknown>).security = [];
    for (const method of [route.method].flat()) declared.push({ method: String(method), url: route.url, public: access.public === true });
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access) return; // 404 handler
    request.principal = await authenticate(deps, request, access.public === true);
    if (!access.public && !request.principal) throw new AppError('AUTH_REQUIRED');
  });

  // Authorisation runs before body validation, so that a caller without the right
  // learns nothing from validation errors.
  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access || access.public) return;
    const scope = await access.scope(request, deps);
    authorize(request.principal, access.permission, scope);
    request.scope = scope;
  });
}
