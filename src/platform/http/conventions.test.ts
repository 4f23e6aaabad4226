import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { Nullable } from './schemas.ts';
import { createServer } from './server.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('API conventions', () => {
  it('answers health with the engine and version', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: ctx.database.engine, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('gives every response a request id, keeping the caller’s', async () => {
    const own = await ctx.app.inject({ method: 'GET', url: '/api/v1/health', headers: { 'x-request-id': 'kiosk-7.42' } });
    expect(own.headers['x-request-id']).toBe('kiosk-7.42');
    const fresh = await ctx.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const bad = await ctx.app.inject({ method: 'GET', url: '/api/v1/health', headers: { 'x-request-id': 'a b<script>' } });
    expect(bad.headers['x-request-id']).not.toBe('a b<script>');
  });

  it('keeps a JSON null a null: a nullable text or list is cleared, not coerced to "" or [""]', async () => {
    const app = await createServer(ctx.deps, { version: '0.0.0', logger: false });
    const Body = Type.Object({ text: Nullable(Type.String()), list: Nullable(Type.Array(Type.String())), count: Nullable(Type.Integer()) });
    app.post('/api/v1/echo', { config: { access: { public: true } }, schema: { body: Body, response: { 200: Body } } }, async (request) => request.body);
    await app.ready();
    try {
      const nulls = await app.inject({ method: 'POST', url: '/api/v1/echo', payload: { text: null, list: null, count: null } });
      expect(nulls.json()).toEqual({ text: null, list: null, count: null });
      const values = await app.inject({ method: 'POST', url: '/api/v1/echo', payload: { text: '', list: ['a'], count: 0 } });
      expect(values.json()).toEqual({ text: '', list: ['a'], count: 0 });
    } finally {
      await app.close();
    }
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(JSON.stringify(doc)).toContain('"nullable":true');
  });

  it('answers an unknown route with the error shape', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'ROUTE_NOT_FOUND', message: expect.any(String), fields: [] } });
  });

  it('publishes an OpenAPI 3 document of the routes and the interactive docs', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/health', '/api/v1/centres', '/api/v1/centres/{centreId}']));
    expect(doc.paths['/api/v1/health'].get.security).toEqual([]);
    const docs = await ctx.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('refuses an anonymous call with 401 before looking at the body', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/centres', payload: { nonsense: true } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('AUTH_REQUIRED');
  });
});
