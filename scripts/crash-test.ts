/**
 * Crash test (issue 4 "Faults and bad input"; DB36/T 2016 §7.1.5 取号秩序): the real
 * GovHall server is killed with SIGKILL while 1,000 tickets are being issued
 * concurrently over HTTP; after a restart, every ticket that was acknowledged (201)
 * exists exactly once with the number it was given, and per queue and service day the
 * numbers of the committed tickets are unique and run 1..N without a gap.
 *
 *   1. A database of its own on DATABASE_URL's server (`govhall_crash`, created here
 *      and dropped at the end), migrated; seeded through the API like an administrator
 *      would: a centre open around the clock (today made a working day in the
 *      calendar, whatever the date), four queues and a kiosk device token.
 *   2. `node bin/govhall.mjs serve` as a child process (the real HTTP server, jobs and
 *      all), on a free loopback port.
 *   3. 1,000 kiosk issues across the queues, ~50 in flight on keep-alive connections;
 *      every 201 answer is recorded. After a few hundred acknowledgements (300–500)
 *      the server is killed with SIGKILL, requests in flight included.
 *   4. The same server is started again; the database is checked; then one more
 *      ticket per queue must be N+1 of that queue.
 *
 * Exit code 0 when every check holds, 1 otherwise (with what failed).
 * Run: `node bin/run-ts.mjs scripts/crash-test.ts` (CI: .ci/run).
 * Settings: DATABASE_URL (server; default postgres://postgres@127.0.0.1:5432/test),
 * CRASH_TICKETS (1000), CRASH_IN_FLIGHT (50), CRASH_KILL_AFTER (random 300–500),
 * CRASH_KEEP_DATABASE=1 (keep `govhall_crash` for a look afterwards).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import { createServer } from 'node:net';
import pg from 'pg';
import { civilOf, epochDayOf, formatDate, isoWeekday, shanghaiDayAndMinute } from '../src/domain/calendar/dates.ts';
import { adminApi, dropDatabase, openBenchDatabase, recreateDatabase, ROOT, withBenchLock } from '../bench/harness.ts';

const TICKETS = Number(process.env.CRASH_TICKETS ?? 1000);
const IN_FLIGHT = Number(process.env.CRASH_IN_FLIGHT ?? 50);
const KILL_AFTER = Number(process.env.CRASH_KILL_AFTER ?? 300 + Math.floor(Math.random() * 201));
const PREFIXES = ['A', 'B', 'C', 'D'] as const;
/** One crash test at a time per PostgreSQL server (two would drop each other's database). */
const CRASH_LOCK = 2016_2024_90;
const DEADLINE_MS = 150_000;

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const crashUrl = (() => {
  const url = new URL(serverUrl);
  url.pathname = '/govhall_crash';
  return url.toString();
})();

const started = Date.now();
const log = (line: string) => console.log(`[crash ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}`);
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  if (!ok) failures.push(what);
  return ok;
};

// --- The server as a child process ---------------------------------------------------

interface Server {
  readonly child: ChildProcess;
  readonly output: string[];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  probe.close();
  await once(probe, 'close');
  return port;
}

/** `node bin/govhall.mjs serve` on `port`, answering /api/v1/health. */
async function startServer(port: number): Promise<Server> {
  const child = spawn(process.execPath, ['bin/govhall.mjs', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: crashUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', GOVHALL_DEMO: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().split('\n').filter(Boolean));
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const server = { child, output, exited };
  const giveUp = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited while starting:\n${output.join('\n')}`);
    if (Date.now() > giveUp) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer /api/v1/health within 60 s:\n${output.join('\n')}`);
    }
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`).catch(() => null);
    if (res?.status === 200) return server;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stopServer(server: Server | null): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 10_000);
  await server.exited;
  clearTimeout(timer);
}

// --- Issuing over HTTP ---------------------------------------------------------------

interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

function postJson(agent: http.Agent, port: number, path: string, token: string, payload: object): Promise<Answer> {
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown> });
          } catch (err) {
            reject(err as Error);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

interface Ack {
  readonly id: string;
  readonly number: string;
  readonly queueId: string;
}

// --- Seeding -------------------------------------------------------------------------

/** Shanghai today, and a weekday of the same year at least a week away (an arrangement needs one day off). */
function calendarAroundToday(now: Date): { year: number; today: string; weekend: boolean; offDay: string } {
  const { epochDay } = shanghaiDayAndMinute(now);
  const { year } = civilOf(epochDay);
  let offDay = epochDayOf(year, 1, 1);
  while (Math.abs(offDay - epochDay) <= 7 || isoWeekday(offDay) > 5) offDay++;
  return { year, today: formatDate(epochDay), weekend: isoWeekday(epochDay) > 5, offDay: formatDate(offDay) };
}

async function seed(): Promise<{ centreId: string; queues: { id: string; prefix: string }[]; kioskToken: string }> {
  const { database, deps } = await openBenchDatabase({ databaseUrl: crashUrl });
  const api = await adminApi(deps, 'crash_admin');
  try {
    // Today a working day whatever the date: this year's arrangement replaced by one that
    // lists today as a make-up working day when it is a weekend (§8.1.3.5 c, d would make it
    // appointment-only) and puts the one required day off far from today.
    const cal = calendarAroundToday(new Date());
    const days = [{ name: '压力测试放假日', date: cal.offDay, isOffDay: true }];
    if (cal.weekend) days.push({ name: '压力测试调休上班', date: cal.today, isOffDay: false });
    const put = await api.app.inject({ method: 'PUT', url: `/api/v1/calendar/years/${cal.year}`, headers: api.headers, payload: { year: cal.year, days } });
    if (put.statusCode !== 200 && put.statusCode !== 201) throw new Error(`calendar ${cal.year}: ${put.statusCode} ${put.body}`);

    // Open around the clock: regular hours cover the whole day (the last minute excepted:
    // a time of day ends at 23:59; see waitForDayStart), every day of the week.
    const allDay = { start: '00:00', end: '23:59' };
    const centre = await api.post('/api/v1/centres', {
      name: '崩溃测试县政务服务中心',
      level: 'county',
      divisionCode: '360112',
      address: '江西省南昌市新建区长堎镇长征路 1 号',
      phones: { consultation: '0791-83771234', appointment: '0791-83771235', complaint: '12345', supervision: '0791-83771236' },
      serviceHours: { morning: { start: '00:00', end: '12:00' }, afternoon: { start: '12:00', end: '23:59' }, lunchService: false, early: null, late: null, saturday: allDay, sunday: allDay },
    });
    const queues: { id: string; prefix: string }[] = [];
    for (const [i, prefix] of PREFIXES.entries()) {
      const q = await api.post(`/api/v1/centres/${centre.id}/queues`, { name: `压力测试队列${prefix}`, prefix, pool: 'comprehensive', sortOrder: i + 1 });
      queues.push({ id: q.id, prefix });
    }
    const kiosk = await api.post<{ token: string }>(`/api/v1/centres/${centre.id}/device-tokens`, { name: '崩溃测试取号机', role: 'kiosk' });
    return { centreId: centre.id, queues, kioskToken: kiosk.token };
  } finally {
    await api.close();
    await database.close();
  }
}

/**
 * The centre's day ends at 23:59 (Asia/Shanghai): within the last two minutes of a day,
 * wait for the next one rather than meet CENTRE_CLOSED_NOW half-way through the run.
 */
async function waitForDayStart(): Promise<void> {
  const { minute } = shanghaiDayAndMinute(new Date());
  if (minute < 23 * 60 + 58) return;
  const ms = (24 * 60 - minute) * 60_000 - (Date.now() % 60_000) + 5_000;
  log(`23:58 or later in Shanghai: waiting ${Math.round(ms / 1000)} s for the next service day`);
  await new Promise((r) => setTimeout(r, ms));
}

// --- The checks ----------------------------------------------------------------------

interface Committed {
  id: string;
  queue_id: string;
  service_day: string;
  sequence: number;
  number: string;
  issued_events: number;
}

async function verify(centreId: string, queues: readonly { id: string; prefix: string }[], acks: readonly Ack[]): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: crashUrl });
  await client.connect();
  try {
    const { rows } = await client.query<Committed>(
      `select t.id, t.queue_id, t.service_day::text as service_day, t.sequence, t.number,
              (select count(*)::int from ticket_events e where e.ticket_id = t.id and e.type = 'issued') as issued_events
         from tickets t where t.centre_id = $1`,
      [centreId],
    );
    const byId = new Map<string, Committed[]>();
    for (const r of rows) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);

    // Every acknowledged ticket exists exactly once, with the number and queue it was answered with.
    const ackIds = new Set(acks.map((a) => a.id));
    check(ackIds.size === acks.length, `${acks.length - ackIds.size} ticket ids were acknowledged more than once`);
    const missing = acks.filter((a) => !byId.has(a.id));
    check(missing.length === 0, `${missing.length} acknowledged tickets are missing after the restart: ${missing.slice(0, 10).map((a) => a.number).join(', ')}`);
    const twice = acks.filter((a) => (byId.get(a.id)?.length ?? 0) > 1);
    check(twice.length === 0, `${twice.length} acknowledged tickets are stored more than once`);
    const changed = acks.filter((a) => {
      const row = byId.get(a.id)?.[0];
      return row && (row.number !== a.number || row.queue_id !== a.queueId);
    });
    check(changed.length === 0, `${changed.length} acknowledged tickets are stored with another number or queue: ${changed.slice(0, 5).map((a) => `${a.number} → ${byId.get(a.id)![0]!.number}`).join(', ')}`);
    const ackedNumbers = new Map<string, number>();
    for (const a of acks) ackedNumbers.set(`${a.queueId} ${a.number}`, (ackedNumbers.get(`${a.queueId} ${a.number}`) ?? 0) + 1);
    const sameNumber = [...ackedNumbers].filter(([, n]) => n > 1);
    check(sameNumber.length === 0, `one number acknowledged to several tickets: ${sameNumber.slice(0, 5).map(([k]) => k.split(' ')[1]).join(', ')}`);

    // Per queue and service day: unique numbers, 1..N without a gap, each with its `issued` event.
    const prefixOf = new Map(queues.map((q) => [q.id, q.prefix]));
    const groups = new Map<string, Committed[]>();
    for (const r of rows) groups.set(`${r.queue_id} ${r.service_day}`, [...(groups.get(`${r.queue_id} ${r.service_day}`) ?? []), r]);
    const lastByQueue = new Map<string, number>();
    for (const [key, group] of groups) {
      const [queueId, day] = key.split(' ') as [string, string];
      const prefix = prefixOf.get(queueId) ?? '?';
      const sequences = group.map((r) => r.sequence).sort((a, b) => a - b);
      const numbers = new Set(group.map((r) => r.number));
      check(numbers.size === group.length, `queue ${prefix} on ${day}: ${group.length - numbers.size} duplicate numbers among ${group.length} tickets`);
      const present = new Set(sequences);
      const gaps = Array.from({ length: sequences.at(-1)! }, (_, i) => i + 1).filter((n) => !present.has(n));
      check(
        gaps.length === 0 && sequences.at(-1) === group.length,
        `queue ${prefix} on ${day}: the ${group.length} committed tickets do not run 1..${group.length}: highest ${sequences.at(-1)}, ` +
          `${gaps.length} numbers missing (${gaps.slice(0, 8).join(', ')}${gaps.length > 8 ? ', …' : ''})`,
      );
      const misnumbered = group.filter((r) => r.number !== prefix + String(r.sequence).padStart(3, '0'));
      check(misnumbered.length === 0, `queue ${prefix} on ${day}: ${misnumbered.length} tickets whose number does not match their sequence`);
      const noEvent = group.filter((r) => r.issued_events !== 1);
      check(noEvent.length === 0, `queue ${prefix} on ${day}: ${noEvent.length} tickets without exactly one 'issued' event`);
      lastByQueue.set(queueId, Math.max(lastByQueue.get(queueId) ?? 0, group.length));
      log(`queue ${prefix} ${day}: ${group.length} committed, ${group.filter((r) => ackIds.has(r.id)).length} of them acknowledged, sequences 1..${sequences.at(-1)}`);
    }
    return lastByQueue;
  } finally {
    await client.end();
  }
}

// --- The run -------------------------------------------------------------------------

async function run(): Promise<void> {
  await waitForDayStart();
  const { centreId, queues, kioskToken } = await seed();
  log(`seeded ${crashUrl.replace(/\/\/[^@]*@/, '//')}: a centre, ${queues.length} queues, a kiosk token`);
  const port = await freePort();
  let server: Server | null = await startServer(port);
  log(`server up on port ${port} (pid ${server.child.pid})`);

  const path = `/api/v1/centres/${centreId}/tickets`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
  const acks: Ack[] = [];
  const refused: string[] = [];
  let lost = 0;
  let next = 0;
  let killedAt: number | null = null;
  const victim = server;
  const worker = async () => {
    while (next < TICKETS) {
      const queue = queues[next++ % queues.length]!;
      try {
        const res = await postJson(agent, port, path, kioskToken, { source: 'kiosk', queueId: queue.id });
        if (res.status === 201) {
          const { id, number, queueId } = res.body as { id?: unknown; number?: unknown; queueId?: unknown };
          if (typeof id !== 'string' || typeof number !== 'string') refused.push(`201 without id and number: ${JSON.stringify(res.body).slice(0, 200)}`);
          else acks.push({ id, number, queueId: typeof queueId === 'string' ? queueId : queue.id });
          if (queueId !== undefined && queueId !== queue.id) refused.push(`asked for queue ${queue.prefix}, answered ${number as string} of another queue`);
          if (killedAt === null && acks.length >= KILL_AFTER) {
            killedAt = acks.length;
            victim.child.kill('SIGKILL');
          }
        } else {
          const error = (res.body.error ?? {}) as { code?: string; message?: string };
          refused.push(`${res.status} ${error.code ?? ''} ${error.message ?? ''}`.trim());
        }
      } catch {
        lost++;
      }
    }
  };
  const issuing = Date.now();
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  agent.destroy();
  const exit = await server.exited;
  log(
    `${TICKETS} issues sent, ${IN_FLIGHT} in flight: ${acks.length} acknowledged (SIGKILL after ${killedAt ?? 'never'}), ` +
      `${lost} without an answer, ${refused.length} refused; ${Date.now() - issuing} ms`,
  );
  check(killedAt !== null, `the server was never killed: only ${acks.length} of ${TICKETS} issues were acknowledged (kill after ${KILL_AFTER})`);
  check(exit.signal === 'SIGKILL', `the server ended with ${exit.signal ?? `exit code ${exit.code}`}, not SIGKILL`);
  check(lost > 0, 'no issue was cut off by the kill: it did not happen mid-way');
  const refusals = new Map<string, number>();
  for (const r of refused) refusals.set(r, (refusals.get(r) ?? 0) + 1);
  check(refused.length === 0, `answers other than 201 before the kill: ${[...refusals].map(([r, n]) => `${n}× ${r}`).join('; ')}`);

  server = await startServer(port);
  log(`restarted on port ${port} (pid ${server.child.pid})`);
  try {
    const lastByQueue = await verify(centreId, queues, acks);
    // The restarted server answers, and each queue's next ticket is N+1.
    const after = new http.Agent({ keepAlive: false });
    for (const q of queues) {
      const res = await postJson(after, port, path, kioskToken, { source: 'kiosk', queueId: q.id });
      const expected = q.prefix + String((lastByQueue.get(q.id) ?? 0) + 1).padStart(3, '0');
      if (check(res.status === 201, `after the restart, issuing in queue ${q.prefix} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`)) {
        check(res.body.number === expected, `after the restart, queue ${q.prefix}'s next ticket is ${String(res.body.number)}, expected ${expected}`);
        log(`after the restart queue ${q.prefix} issues ${String(res.body.number)} (expected ${expected})`);
      }
    }
    after.destroy();
  } finally {
    await stopServer(server);
  }
}

const deadline = setTimeout(() => {
  console.error(`crash test: FAILED, still running after ${DEADLINE_MS / 1000} s`);
  process.exit(1);
}, DEADLINE_MS);
deadline.unref();

let status = 0;
try {
  await withBenchLock(crashUrl, CRASH_LOCK, async () => {
    await recreateDatabase(crashUrl);
    try {
      await run();
    } finally {
      if (process.env.CRASH_KEEP_DATABASE !== '1') await dropDatabase(crashUrl);
    }
  });
} catch (err) {
  failures.push(`the run stopped: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
}
if (failures.length > 0) {
  console.error(`\ncrash test: FAILED (${failures.length})`);
  for (const f of failures) console.error(`  ✗ ${f}`);
  status = 1;
} else {
  console.log(`\ncrash test: passed in ${((Date.now() - started) / 1000).toFixed(1)} s — every acknowledged ticket survived SIGKILL exactly once; numbers unique and gap-free per queue-day`);
}
process.exit(status);
