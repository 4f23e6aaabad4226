import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webRoutes } from './web-routes.ts';

describe('web apps', () => {
  const webDir = mkdtempSync(join(tmpdir(), 'govhall-web-'));
  const app = Fastify({ logger: false }).withTypeProvider<TypeBoxTypeProvider>();

  beforeAll(async () => {
    mkdirSync(join(webDir, 'admin'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'admin', 'index.html'), '<!doctype html><title>管理后台</title>');
    writeFileSync(join(webDir, 'assets', 'admin-abc123.js'), 'export {};');
    await webRoutes(app, webDir);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('sends the root and the bare app path to the app', async () => {
    for (const url of ['/', '/admin']) {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('/admin/');
    }
  });

  it('answers every client-side route with the app, fetched afresh', async () => {
    for (const url of ['/admin/', '/admin/counters', '/admin/index.html']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('管理后台');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('lets browsers keep hashed bundles for good, and 404s unknown ones', async () => {
    const res = await app.inject({ url: '/assets/admin-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await app.inject({ url: '/assets/missing.js' })).statusCode).toBe(404);
  });
});
