/**
 * Issue 4: "Two server processes on one PostgreSQL: a call made on one reaches the
 * displays connected to the other (LISTEN/NOTIFY). Tested in CI." A second server runs
 * in its own process (src/test/child-server.ts) on the same test database; an event
 * appended here must reach an SSE client of that process. PostgreSQL only: an embedded
 * (PGlite) database belongs to one process, so there is no second process to reach.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../paths.ts';
import { centreInput } from '../../test/factories.ts';
import { createTestContext, role, type TestContext } from '../../test/harness.ts';
import { openSse, type SseStream } from '../../test/sse.ts';
import { appendEvent } from './events.ts';

const SKIP_REASON = 'needs PostgreSQL (DATABASE_URL, as in `npm run test:pg`): an embedded PGlite database belongs to one process';
const pg = Boolean(process.env.DATABASE_URL);

let ctx: TestContext;
let child: ChildProcess | undefined;
let childBase: string;
let centreA: string;
let centreB: string;
let displayA: string;
const streams: SseStream[] = [];

async function startChild(databaseUrl: string): Promise<{ process: ChildProcess; port: number }> {
  const proc = fork(join(PROJECT_ROOT, 'bin/run-ts.mjs'), ['src/test/child-server.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the child server did not start within 30 s')), 30_000);
    proc.once('message', (m) => {
      clearTimeout(timer);
      resolve((m as { port: number }).port);
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the child server exited with ${code}`));
    });
  });
  return { process: proc, port };
}

beforeAll(async () => {
  if (!pg) return;
  ctx = await createTestContext();
  const admin = await ctx.userWith([role('system_admin')]);
  centreA = (await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput() })).json().id;
  centreB = (await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput() })).json().id;
  displayA = (await ctx.as(admin, { method: 'POST', url: `/api/v1/centres/${centreA}/device-tokens`, payload: { name: '另一进程的显示屏', role: 'display' } })).json().token;
  const started = await startChild(ctx.database.pool!.options.connectionString!);
  child = started.process;
  childBase = `http://127.0.0.1:${started.port}`;
});

afterAll(async () => {
  for (const s of streams) s.close();
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child!.once('exit', r));
    child.send('stop');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  if (pg) await ctx.close();
});

describe('two server processes on one PostgreSQL', () => {
  it('carries an event appended in one process to the SSE clients of the other, in order and only to its centre', async (test) => {
    test.skip(!pg, SKIP_REASON);
    const s = await openSse(childBase, `/api/v1/centres/${centreA}/events`, { authorization: `Bearer ${displayA}` });
    streams.push(s);
    expect(s.status).toBe(200);
    await s.waitFor((x) => x.comments.includes('ready'), 10_000, 'the child’s stream to be ready');

    const append = (centreId: string, number: string) =>
      ctx.deps.db.transaction((tx) => appendEvent(ctx.deps, tx, centreId, 'ticket.called', { number, text: `请${number}号到5号窗口办理` }));
    const sent = Date.now();
    await append(centreA, 'A001');
    await s.nextEvents(1, 10_000);
    const latency = Date.now() - sent;
    await append(centreB, 'B001');
    await append(centreA, 'A002');
    await s.nextEvents(2, 10_000);
    await new Promise((r) => setTimeout(r, 200));
    expect(s.events.map((e) => JSON.parse(e.data).number)).toEqual(['A001', 'A002']);
    expect(Number(s.events[1]!.id)).toBeGreaterThan(Number(s.events[0]!.id));
    // A generous bound for a shared CI machine; the figure that matters is in docs/benchmarks.md.
    expect(latency).toBeLessThan(2_000);

    // A client of the other process that missed the events gets them replayed from the shared table.
    const replay = await openSse(childBase, `/api/v1/centres/${centreA}/events`, { authorization: `Bearer ${displayA}`, 'last-event-id': s.events[0]!.id! });
    streams.push(replay);
    await replay.nextEvents(1, 10_000);
    expect(replay.events.map((e) => JSON.parse(e.data).number)).toEqual(['A002']);
  });
});
