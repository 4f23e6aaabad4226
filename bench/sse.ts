/**
 * From "call next" to the hall displays (issue 4 "Figures"): the time from sending
 * `POST /api/v1/counters/{id}/call-next` to each of 500 connected SSE displays receiving
 * its `ticket.called` event, on PostgreSQL.
 *
 *   1. A dedicated database (govhall_bench_sse, dropped afterwards) is migrated and seeded
 *      through the API: a centre, a comprehensive queue, four comprehensive counters, a
 *      window clerk with a staff card, a display device token.
 *   2. Two GovHall servers (bench/servers/govhall.ts) run in child processes on that
 *      database, their clocks moved to a Monday 10:00 (Asia/Shanghai) so that the centre
 *      issues tickets whenever the benchmark runs. Over HTTP to server A: the clerk logs
 *      in and signs in at counter 1, the display exchanges its token for a device session
 *      (`POST /api/v1/auth/device-session`), and tickets are issued.
 *   3. One server: DISPLAYS event streams (`GET /api/v1/centres/{id}/events`, the device
 *      session cookie, Node's `http`, one socket each) to server A. After WARMUP calls,
 *      CALLS calls to A, one every SPACING_MS; for each call and display, the latency
 *      is the time from writing the call's request to the display's `ticket.called`
 *      event carrying the number the call answered. Limit: p99 under 100 ms.
 *   4. Two servers: the same, the displays connected to server B while the calls go to A;
 *      the event reaches B through the shared table and LISTEN/NOTIFY. Limit: p99 under
 *      150 ms.
 *
 * Every display must receive every call's event exactly once; a missing or duplicated one
 * fails the run. A call reaches 500 displays at once, so the p99 of the 25,000 latencies
 * is decided by the slowest call or two: one slow call is 2 % of them.
 *
 * The displays run in this process; whether it kept up is measured: its event-loop
 * utilisation between the first and the last display's receipt of each call (near 100 %
 * would mean the client, not the server, set the pace) and its CPU time per received
 * event are in the note, with the CPU the displays' server spent per call and how busy
 * the whole machine was while the calls ran (the figures are only as quiet as the
 * machine: other work on its cores delays the servers and PostgreSQL alike).
 *
 * Run alone: `node bin/run-ts.mjs bench/sse.ts` (BENCH_DATABASE_URL as for the others;
 * BENCH_PROFILE=DIR writes CPU profiles of both servers there; BENCH_SSE_DEBUG=1 prints
 * each call's timings; BENCH_SSE_DISPLAYS and BENCH_SSE_CALLS change the 500 and the 50).
 */
import http from 'node:http';
import { loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { adminApi, benchDatabaseUrl, dropDatabase, openBenchDatabase, PASSWORD, recreateDatabase, seedCentre, startChild, stopChild, withBenchLock, type Child } from './harness.ts';
import { percentile, score, type BenchResult } from './lib.ts';
import { processCpuMs } from './load.ts';

const DISPLAYS = Number(process.env.BENCH_SSE_DISPLAYS ?? 500);
const CALLS = Number(process.env.BENCH_SSE_CALLS ?? 50);
const WARMUP = 5;
const SPACING_MS = 300;
/** How long a call's event may take to reach every display before the run fails. */
const DELIVERY_TIMEOUT_MS = 10_000;
const LIMIT_ONE_MS = 100;
const LIMIT_TWO_MS = 150;
const BENCH_LOCK = 2016_2024_05;
const MONDAY_10 = Date.parse('2025-03-03T10:00:00+08:00');

interface Seeded {
  readonly centreId: string;
  readonly queueId: string;
  readonly counterId: string;
  readonly deviceToken: string;
}

/** Centre, queue, counters, clerk and display token, through the API as an administrator would. */
async function seed(url: string, shift: number): Promise<Seeded> {
  const { database, deps } = await openBenchDatabase({ databaseUrl: url });
  try {
    const api = await adminApi({ ...deps, clock: () => new Date(Date.now() + shift) });
    try {
      const { centreId, zoneId } = await seedCentre(api, [{ name: '县行政审批局' }]);
      const counters: string[] = [];
      for (let i = 1; i <= 4; i++) counters.push((await api.post(`/api/v1/centres/${centreId}/counters`, { number: String(i), name: '综合受理', kind: 'comprehensive', zoneId })).id);
      const queue = await api.post(`/api/v1/centres/${centreId}/queues`, { name: '综合受理', prefix: 'A', pool: 'comprehensive' });
      const clerk = await api.post('/api/v1/users', { username: 'bench_clerk', displayName: '张敏', password: PASSWORD, roles: [{ role: 'window_clerk', centreId }] });
      await api.post(`/api/v1/centres/${centreId}/staff`, { name: '张敏', workNumber: 'B001', title: '综合受理员', userId: clerk.id });
      const device = await api.post<{ token: string }>(`/api/v1/centres/${centreId}/device-tokens`, { name: '一楼大厅显示屏', role: 'display' });
      return { centreId, queueId: queue.id, counterId: counters[0]!, deviceToken: device.token };
    } finally {
      await api.close();
    }
  } finally {
    await database.close();
  }
}

/** A small JSON client for one server (keep-alive, session cookie and CSRF token once logged in). */
class Client {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  readonly headers: Record<string, string> = {};

  constructor(readonly port: number) {}

  request(method: string, path: string, body?: object): Promise<{ status: number; body: string; setCookie: string[] }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: this.port, method, path, agent: this.agent, headers: { ...this.headers, ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, setCookie: res.headers['set-cookie'] ?? [] }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.setNoDelay(true);
      req.end(payload);
    });
  }

  async post<T>(path: string, body: object, expected: number): Promise<T> {
    const res = await this.request('POST', path, body);
    if (res.status !== expected) throw new Error(`bench: POST ${path} answered ${res.status}: ${res.body.slice(0, 300)}`);
    return (res.body ? JSON.parse(res.body) : null) as T;
  }

  close(): void {
    this.agent.destroy();
  }
}

function cookieOf(setCookie: readonly string[], name: string): string {
  const found = setCookie.map((c) => c.split(';')[0]!).find((c) => c.startsWith(`${name}=`));
  if (!found) throw new Error(`bench: no ${name} cookie in the answer`);
  return found;
}

/** Receipts of `ticket.called` per called number: display index and time (performance.now()). */
type Receipts = Map<string, { display: number; at: number }[]>;

const CALLED = '\nevent: ticket.called\n';
const NUMBER = /"number": ?"([^"]+)"/;

/** One hall display: an SSE response read as it comes, `ticket.called` numbers timed on arrival. */
class Display {
  ready = false;
  ended = false;
  private carry = '';
  private request: http.ClientRequest | undefined;

  constructor(
    readonly index: number,
    private readonly receipts: Receipts,
    private readonly onReceipt: (number: string) => void,
  ) {}

  open(port: number, path: string, cookie: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path, agent: false, headers: { accept: 'text/event-stream', cookie } }, (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`bench: the event stream answered ${res.statusCode}`));
          res.resume();
          return;
        }
        res.on('data', (chunk: Buffer) => {
          const at = performance.now();
          // latin1 keeps one character per byte: the markers and ticket numbers are ASCII.
          const text = this.carry + chunk.toString('latin1');
          let start = 0;
          let end: number;
          while ((end = text.indexOf('\n\n', start)) >= 0) {
            const frame = text.slice(start, end);
            start = end + 2;
            if (frame === ': ready') {
              this.ready = true;
              resolve();
            } else if (`\n${frame}`.includes(CALLED)) {
              const number = NUMBER.exec(frame)?.[1];
              if (!number) continue;
              let list = this.receipts.get(number);
              if (!list) this.receipts.set(number, (list = []));
              list.push({ display: this.index, at });
              this.onReceipt(number);
            }
          }
          this.carry = text.slice(start);
        });
        res.on('end', () => (this.ended = true));
        res.on('error', () => (this.ended = true));
      });
      req.on('error', reject);
      req.setNoDelay(true);
      this.request = req;
    });
  }

  close(): void {
    this.request?.destroy();
  }
}

interface PhaseResult {
  readonly latencies: number[];
  readonly received: number;
  readonly expected: number;
  /** Per call: call-next answered (ms after it was sent). */
  readonly answerMs: number[];
  /** Per call: first and last display's receipt, ms after the call was sent. */
  readonly firstMs: number[];
  readonly lastMs: number[];
  /** Per call: this process's event-loop utilisation between the first and the last receipt. */
  readonly clientBusy: number[];
  /** CPU of this process per received event, µs (reading the streams and sending the calls). */
  readonly clientCpuPerEventUs: number;
  /** CPU of the server the displays are connected to, per measured call, ms (Linux /proc; NaN elsewhere). */
  readonly serverCpuPerCallMs: number;
  /** While the calls were measured, in % of the whole machine: everything, and the GovHall servers with this process. */
  readonly machineBusy: number;
  readonly oursBusy: number;
}

/** Busy and total time of all cores, in clock ticks (Linux /proc/stat; undefined elsewhere). */
function machineTicks(): { busy: number; total: number } | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    // idle and iowait
    return { busy: total - fields[3]! - fields[4]!, total };
  } catch {
    return undefined;
  }
}

/** CPU time of this process and the servers, ms. */
function oursMs(servers: readonly Child[]): number {
  const self = process.cpuUsage();
  return (self.user + self.system) / 1000 + servers.reduce((n, c) => n + (processCpuMs(c.process.pid) ?? NaN), 0);
}

type Elu = ReturnType<typeof performance.eventLoopUtilization>;

/**
 * Opens the displays on `displayServer`, calls next as the clerk (on server A), and times
 * each call's event at every display; fails when a call's event has not reached every
 * display within DELIVERY_TIMEOUT_MS, or reached one twice.
 */
async function phase(displayServer: Child, servers: readonly Child[], clerk: Client, seeded: Seeded, deviceCookie: string): Promise<PhaseResult> {
  const displayPort = displayServer.port;
  const receipts: Receipts = new Map();
  let waiting: { number: string | undefined; count: number; firstElu: Elu | undefined; done: () => void } | undefined;
  const onReceipt = (number: string) => {
    const w = waiting;
    if (!w) return;
    w.firstElu ??= performance.eventLoopUtilization();
    // Before the call's answer the number is not known yet: counted again once it is.
    if ((w.number === number || w.number === undefined) && ++w.count === DISPLAYS && w.number !== undefined) w.done();
  };
  const displays = Array.from({ length: DISPLAYS }, (_, i) => new Display(i, receipts, onReceipt));
  const path = `/api/v1/centres/${seeded.centreId}/events`;
  try {
    // Connected in groups, each stream attached and ready before the next group.
    const connecting = performance.now();
    for (let i = 0; i < displays.length; i += 50) await Promise.all(displays.slice(i, i + 50).map((d) => d.open(displayPort, path, deviceCookie)));
    if (process.env.BENCH_SSE_DEBUG) console.log(`${DISPLAYS} displays connected in ${(performance.now() - connecting).toFixed(0)} ms`);

    const result = {
      latencies: [] as number[],
      received: 0,
      expected: CALLS * DISPLAYS,
      answerMs: [] as number[],
      firstMs: [] as number[],
      lastMs: [] as number[],
      clientBusy: [] as number[],
      clientCpuPerEventUs: 0,
      serverCpuPerCallMs: NaN,
      machineBusy: NaN,
      oursBusy: NaN,
    };
    let cpu = { user: 0, system: 0 };
    let server0: number | undefined;
    let machine0: ReturnType<typeof machineTicks>;
    let ours0 = 0;
    const phaseStart = performance.now();
    for (let call = 0; call < WARMUP + CALLS; call++) {
      const measured = call >= WARMUP;
      if (call === WARMUP) {
        server0 = processCpuMs(displayServer.process.pid);
        machine0 = machineTicks();
        ours0 = oursMs(servers);
      }
      let done!: () => void;
      const all = new Promise<void>((r) => (done = r));
      const w: NonNullable<typeof waiting> = { number: undefined, count: 0, firstElu: undefined, done };
      waiting = w;
      const cpu0 = process.cpuUsage();
      const sent = performance.now();
      const ticket = await clerk.post<{ number: string }>(`/api/v1/counters/${seeded.counterId}/call-next`, {}, 200);
      const answered = performance.now();
      // Events that came before the answer were counted without knowing the number: recount.
      w.number = ticket.number;
      w.count = receipts.get(ticket.number)?.length ?? 0;
      if (w.count >= DISPLAYS) done();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([all, new Promise<void>((r) => (timer = setTimeout(r, DELIVERY_TIMEOUT_MS)))]);
      clearTimeout(timer);
      const lastElu = performance.eventLoopUtilization();
      waiting = undefined;
      const got = receipts.get(ticket.number) ?? [];
      const seen = new Set(got.map((g) => g.display));
      if (seen.size !== got.length) throw new Error(`bench: ${ticket.number} reached a display more than once (${got.length} events, ${seen.size} displays)`);
      if (got.length < DISPLAYS) throw new Error(`bench: the call of ${ticket.number} reached ${got.length} of ${DISPLAYS} displays within ${DELIVERY_TIMEOUT_MS} ms`);
      if (!measured) continue;
      const c = process.cpuUsage(cpu0);
      cpu = { user: cpu.user + c.user, system: cpu.system + c.system };
      result.received += got.length;
      for (const g of got) result.latencies.push(g.at - sent);
      const times = got.map((g) => g.at);
      result.answerMs.push(answered - sent);
      result.firstMs.push(Math.min(...times) - sent);
      result.lastMs.push(Math.max(...times) - sent);
      if (process.env.BENCH_SSE_DEBUG) console.log(`call ${call} at ${((sent - phaseStart) / 1000).toFixed(2)} s: answered ${(answered - sent).toFixed(1)} ms, first ${(Math.min(...times) - sent).toFixed(1)}, last ${(Math.max(...times) - sent).toFixed(1)}`);
      if (w.firstElu) result.clientBusy.push(performance.eventLoopUtilization(lastElu, w.firstElu).utilization);
      const rest = SPACING_MS - (performance.now() - sent);
      if (rest > 0) await new Promise((r) => setTimeout(r, rest));
    }
    const closedEarly = displays.filter((d) => d.ended).length;
    if (closedEarly > 0) throw new Error(`bench: ${closedEarly} event streams ended during the run`);
    const server1 = processCpuMs(displayServer.process.pid);
    if (server0 !== undefined && server1 !== undefined) result.serverCpuPerCallMs = (server1 - server0) / CALLS;
    const machine1 = machineTicks();
    if (machine0 && machine1) {
      // Clock ticks are 10 ms on Linux: the machine's busy share, and ours against the same whole.
      const totalMs = (machine1.total - machine0.total) * 10;
      result.machineBusy = ((machine1.busy - machine0.busy) * 10 * 100) / totalMs;
      result.oursBusy = ((oursMs(servers) - ours0) * 100) / totalMs;
    }
    result.clientCpuPerEventUs = (cpu.user + cpu.system) / Math.max(1, result.received);
    return result;
  } finally {
    for (const d of displays) d.close();
    // Let the servers see the streams go before the next phase.
    await new Promise((r) => setTimeout(r, 500));
  }
}

const fmt = (n: number, digits = 1) => n.toLocaleString('en', { maximumFractionDigits: digits });

function summary(r: PhaseResult, where: string): string {
  const p = (xs: number[], q: number) => fmt(percentile(xs, q));
  const spread = r.lastMs.map((last, i) => last - r.firstMs[i]!);
  return (
    `${where}; ${CALLS} calls ${SPACING_MS} ms apart after ${WARMUP} warm-up calls, ${fmt(r.received, 0)} of ${fmt(r.expected, 0)} events received; ` +
    `latency p50 ${p(r.latencies, 50)} ms, p99 ${p(r.latencies, 99)} ms, max ${fmt(Math.max(...r.latencies))} ms; ` +
    `call-next answered in p50 ${p(r.answerMs, 50)} ms; per call, first display p50 ${p(r.firstMs, 50)} ms (max ${fmt(Math.max(...r.firstMs))}), ` +
    `last display p50 ${p(r.lastMs, 50)} ms (max ${fmt(Math.max(...r.lastMs))}), first to last p50 ${p(spread, 50)} ms (max ${fmt(Math.max(...spread))}); ` +
    `the displays' server used ${fmt(r.serverCpuPerCallMs)} ms CPU per call (calls ${SPACING_MS} ms apart, so ${fmt((r.serverCpuPerCallMs / SPACING_MS) * 100, 0)} % of a core); ` +
    `client (this process, ${DISPLAYS} displays): event loop busy ${fmt(percentile(r.clientBusy, 50) * 100, 0)} % (max ${fmt(Math.max(...r.clientBusy) * 100, 0)} %) between the first and the last display's receipt, ` +
    `${fmt(r.clientCpuPerEventUs)} µs CPU per received event; ` +
    `while the calls ran the machine's cores were ${fmt(r.machineBusy, 0)} % busy: the GovHall servers and this process ${fmt(r.oursBusy, 0)} % of the machine, the rest PostgreSQL and other work`
  );
}

export async function benchSse(): Promise<BenchResult[]> {
  const url = benchDatabaseUrl('govhall_bench_sse');
  return withBenchLock(url, BENCH_LOCK, () => measure(url));
}

async function measure(url: string): Promise<BenchResult[]> {
  const load = loadavg()[0]!;
  await recreateDatabase(url);
  const shift = MONDAY_10 - Date.now();
  const seeded = await seed(url, shift);
  const env = { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent', BENCH_CLOCK_SHIFT_MS: String(shift) };
  const children: Child[] = [];
  const clients: Client[] = [];
  try {
    const a = await startChild('bench/servers/govhall.ts', env);
    children.push(a);
    const b = await startChild('bench/servers/govhall.ts', env);
    children.push(b);

    const clerk = new Client(a.port);
    clients.push(clerk);
    const login = await clerk.request('POST', '/api/v1/auth/login', { username: 'bench_clerk', password: PASSWORD });
    if (login.status !== 200) throw new Error(`bench: clerk login answered ${login.status}: ${login.body}`);
    clerk.headers.cookie = cookieOf(login.setCookie, 'govhall_session');
    clerk.headers['x-csrf-token'] = (JSON.parse(login.body) as { csrfToken: string }).csrfToken;
    await clerk.post(`/api/v1/counters/${seeded.counterId}/sign-in`, {}, 200);

    const device = new Client(a.port);
    clients.push(device);
    const session = await device.request('POST', '/api/v1/auth/device-session', { token: seeded.deviceToken });
    if (session.status !== 200) throw new Error(`bench: device session answered ${session.status}: ${session.body}`);
    const deviceCookie = cookieOf(session.setCookie, 'govhall_device');

    // Enough waiting tickets for both phases: every call takes one.
    for (let i = 0; i < 2 * (WARMUP + CALLS) + 10; i++) await clerk.post(`/api/v1/centres/${seeded.centreId}/tickets`, { source: 'counter', queueId: seeded.queueId }, 201);

    const one = await phase(a, [a, b], clerk, seeded, deviceCookie);
    const two = await phase(b, [a, b], clerk, seeded, deviceCookie);
    const machine = `1-minute load average ${load.toFixed(2)} at the start`;
    return [
      {
        name: `call next → ${DISPLAYS} SSE displays, one server (PostgreSQL), p99`,
        measured: Math.round(percentile(one.latencies, 99) * 10) / 10,
        unit: 'ms',
        limit: LIMIT_ONE_MS,
        kind: 'max',
        note: `${summary(one, 'displays and calls on server A')}; ${machine}`,
      },
      {
        name: `call next → ${DISPLAYS} SSE displays, two servers (LISTEN/NOTIFY), p99`,
        measured: Math.round(percentile(two.latencies, 99) * 10) / 10,
        unit: 'ms',
        limit: LIMIT_TWO_MS,
        kind: 'max',
        note: `${summary(two, 'displays on server B, calls on server A')}; ${machine}`,
      },
    ];
  } finally {
    for (const c of clients) c.close();
    for (const c of children) await stopChild(c);
    await dropDatabase(url);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await benchSse()) {
    console.log(`${r.name}: ${r.measured} ${r.unit} (limit ${r.kind === 'max' ? '≤' : '≥'} ${r.limit}, score ${score(r).toFixed(2)}) — ${r.note ?? ''}`);
  }
}
