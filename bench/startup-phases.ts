/**
 * Where a restart of `govhall serve` on an existing embedded database spends its time:
 * the steps of src/cli/serve.ts, each timed, in a fresh process. Prints one JSON line
 * {phase: ms}. Used by bench/restart.ts; run alone with GOVHALL_DATA_DIR set:
 * `GOVHALL_DATA_DIR=... node bin/run-ts.mjs bench/startup-phases.ts`.
 *
 * Imports are dynamic so that loading (and tsx's compiling) of each part is timed.
 */
import { performance } from 'node:perf_hooks';

const phases: Record<string, number> = {};
let last = 0;
const mark = (name: string) => {
  const now = performance.now();
  phases[name] = Math.round((now - last) * 10) / 10;
  last = now;
};

mark('node start, tsx loader, this script');
await import('@electric-sql/pglite');
mark('import PGlite');
await import('fastify');
await import('@fastify/swagger');
await import('@fastify/swagger-ui');
await import('@fastify/static');
mark('import Fastify and plugins');
await import('drizzle-orm');
await import('drizzle-orm/pg-core');
mark('import Drizzle');
const { buildApp } = await import('../src/app.ts');
const { depsOf, openConfigured } = await import('../src/cli/context.ts');
const { loadConfig } = await import('../src/platform/config.ts');
const { runMigrations } = await import('../src/platform/db/database.ts');
const { ensureFirstAdmin } = await import('../src/modules/accounts/admin.service.ts');
const { hasAnyCentre } = await import('../src/modules/demo/seed.ts');
mark('import GovHall sources (tsx compiles on a cold cache)');

const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn' });
const database = await openConfigured(config);
mark('open PGlite data directory');
await runMigrations(database);
mark('migrations check');
const deps = depsOf(config, database);
await ensureFirstAdmin(deps);
await hasAnyCentre(deps);
mark('first-administrator and demo checks');
const app = await buildApp(deps);
await app.ready();
mark('build app (routes, OpenAPI, static files)');
await app.listen({ port: 0, host: '127.0.0.1' });
mark('listen');
const address = app.server.address();
const res = await fetch(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/v1/health`);
if (res.status !== 200) throw new Error(`health answered ${res.status}`);
mark('first health answer');

// Not on the start path (loaded on first use), timed for the record.
const { divisionName } = await import('../src/modules/organisation/divisions.ts');
const t = performance.now();
divisionName('360112');
const divisions = Math.round((performance.now() - t) * 10) / 10;

await app.close();
await database.close();
console.log(JSON.stringify({ phases, total: Math.round(last), divisionsFirstUse: divisions }));
