/**
 * Case handling (办件, issue 5 "Figures"), on PostgreSQL:
 *
 *   1. Opening and accepting cases: at least 200 a second. A dedicated database
 *      (govhall_bench_cases, dropped afterwards) is migrated and seeded through the API:
 *      a centre with a counter, a window clerk with a staff card signed in at it, and a
 *      published item (食品经营许可证核发, two materials, 5 working days promised; created,
 *      submitted and approved through the catalogue's routes). GovHall
 *      (bench/servers/govhall.ts) runs in a child process. CONNECTIONS cases are in
 *      flight, each the two requests the counter makes: `POST /api/v1/centres/{id}/cases`
 *      (the applicant, both materials provided), then, with the id it answered,
 *      `POST /api/v1/cases/{id}/transitions` `{action: 'accept', data: {mode: 'normal'}}`.
 *      After a warm-up, OPEN_SECONDS of load; the figure is the cases completed (both
 *      answers in) per second over the run. Every case counted must be stored as
 *      accepted, or the run fails.
 *   2. The public progress query: `GET /api/v1/public/cases/{caseNumber}?check=NNNN` of
 *      an accepted case with the right code (the phone's last four digits), against a
 *      bare Fastify route answering the same JSON (harness.ts `compareWithBare`, as the
 *      counters list and the public guide). Limit: at least 50 % of the bare route.
 *      Every answer must be 200: the throttle against guessing counts failures only, and
 *      a correct query must never be slowed or refused by it.
 *   3. The overdue and due-soon lists of one centre among 1,000,000 open cases: under
 *      200 ms. Before any part runs, ROWS open cases are written straight into `cases`
 *      with one `INSERT … SELECT` over `generate_series`, spread evenly over CENTRES
 *      centres (each seeded through the API with its published item), every NOT NULL
 *      column filled: the personal-data columns, checklist and detail are copied from a
 *      case opened and accepted through the API (so they are what the code writes);
 *      statuses 3 % opened, 4 % correction, 35 % accepted, 53 % processing, 5 %
 *      suspended (no due date while suspended); a promised period of 7–28 calendar days,
 *      accepted at a uniformly random point of it (96 %) or overdue by 1–30 days (4 %);
 *      the due date the last millisecond of its day (deadlines.ts `endOfShanghaiDay`),
 *      moved off weekends; `case_sequences` moved past the numbers used. Then VACUUM
 *      ANALYZE. This part runs first, on the freshly vacuumed table: a centre manager
 *      asks for `GET /api/v1/centres/{id}/cases?overdue=true` and `?dueSoon=true` (a
 *      page of 100 with the total) over HTTP, one request at a time, LIST_REQUESTS times
 *      each after 5 warm-ups; each answer's total is checked against a count in SQL and
 *      each listed case's deadline state against the list asked for. The figure is the
 *      slower of the two p99.
 *
 * Every process's clock (the servers', the seeding's) is moved by the same amount to a
 * Monday 10:00 (Asia/Shanghai), so the bench never depends on the day it runs (nor on
 * the loaded calendar years). Run alone: `node bin/run-ts.mjs bench/cases.ts`
 * (BENCH_DATABASE_URL as for the others; BENCH_CASES_ONLY=lists,open,public runs those
 * parts; BENCH_CASES_ROWS, BENCH_CASES_SECONDS shorten a trial run; BENCH_PROFILE=DIR
 * writes a CPU profile of the server there).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { flags, FIXTURE_USCC, guide } from '../src/domain/catalogue/test-fixtures.ts';
import { getCalendar } from '../src/modules/calendar/calendar.service.ts';
import { dueSoonEnd } from '../src/modules/cases/case-read.service.ts';
import { readCaseSettings } from '../src/modules/cases/settings.service.ts';
import type { AppDeps } from '../src/platform/deps.ts';
import { adminApi, benchDatabaseUrl, compareWithBare, dropDatabase, openBenchDatabase, PASSWORD, recreateDatabase, seedCentre, startChild, stopChild, withBenchLock, type BenchApi, type Child } from './harness.ts';
import { Connection, postRequest } from './http-post.ts';
import { percentile, score, type BenchResult } from './lib.ts';
import { processCpuMs } from './load.ts';

const ROWS = Number(process.env.BENCH_CASES_ROWS ?? 1_000_000);
const CENTRES = 50;
const OPEN_SECONDS = Number(process.env.BENCH_CASES_SECONDS ?? 10);
const CONNECTIONS = 8;
const LIST_REQUESTS = 50;
const OPEN_LIMIT = 200;
const PUBLIC_LIMIT_PERCENT = 50;
const LIST_LIMIT_MS = 200;
const BENCH_LOCK = 2016_2024_07;
const MONDAY_10 = Date.parse('2025-03-03T10:00:00+08:00');

/** The clock shift of this run: every process shows a Monday 10:00 when the run starts. */
const SHIFT = MONDAY_10 - Date.now();
const shifted = (deps: AppDeps): AppDeps => ({ ...deps, clock: () => new Date(Date.now() + SHIFT) });
const fmt = (n: number, digits = 0) => n.toLocaleString('en', { maximumFractionDigits: digits });

const MATERIALS = [
  { name: '居民身份证', status: 'provided' },
  { name: '食品经营许可申请书', status: 'provided' },
];
const ACCEPT = { action: 'accept', data: { mode: 'normal' } };
/** A valid GB 11643 number (check digit X). */
const ID_NUMBER = '11010519491231002X';
const NAMES = ['张三丰', '李小红', '王建国', '赵敏', '陈晓东', '刘芳', '周杰', '吴桂兰'];

function applicant(i: number) {
  return { kind: 'person', name: NAMES[i % NAMES.length], idType: 'resident_id', idNumber: ID_NUMBER, phone: `1381234${String(1000 + i).slice(-4)}`, address: '江西省南昌市新建区长征路 1 号' };
}

type Headers = Record<string, string>;

interface Hall {
  readonly centreId: string;
  readonly itemId: string;
  readonly clerk: Headers;
  readonly manager: Headers;
  /** The case opened and accepted through the API while seeding. */
  readonly template: { readonly caseNumber: string; readonly phone: string };
}

async function login(api: BenchApi, username: string): Promise<Headers> {
  const res = await api.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } });
  const cookie = res.cookies.find((c) => c.name === 'govhall_session');
  if (!cookie) throw new Error(`bench: login of ${username} failed: ${res.body}`);
  return { cookie: `govhall_session=${cookie.value}`, 'x-csrf-token': res.json<{ csrfToken: string }>().csrfToken };
}

/** A centre (harness `seedCentre`) with one item, published through the catalogue's review routes. */
async function centreWithItem(api: BenchApi, n: number, today: string): Promise<{ centreId: string; itemId: string }> {
  const { centreId, departmentIds } = await seedCentre(api, [{ name: '县市场监督管理局' }]);
  const basic = `3601${String(n).padStart(8, '0')}`;
  const item = await api.post(`/api/v1/centres/${centreId}/items`, {
    departmentId: departmentIds[0],
    level: 'main',
    basicCode: basic,
    implementationCode: `${FIXTURE_USCC}3${basic}`,
    guide: guide({ flags: flags() }),
  });
  await api.post(`/api/v1/items/${item.id}/versions/1/submit`, {}, 200);
  await api.post(`/api/v1/items/${item.id}/versions/1/approve`, { reviewer: '法制审核科', opinion: '同意发布', effectiveOn: today }, 200);
  return { centreId, itemId: item.id };
}

/** CENTRES centres through the API; the first is the hall (a counter, a clerk signed in, a manager). */
async function seed(deps: AppDeps): Promise<Hall> {
  const api = await adminApi(deps);
  try {
    const today = new Date(deps.clock().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const centres: { centreId: string; itemId: string }[] = [];
    for (let n = 0; n < CENTRES; n++) centres.push(await centreWithItem(api, n, today));
    const { centreId, itemId } = centres[0]!;
    const counter = await api.post(`/api/v1/centres/${centreId}/counters`, { number: '1', name: '综合受理', kind: 'comprehensive' });
    const clerkUser = await api.post('/api/v1/users', { username: 'bench_clerk', displayName: '张敏', password: PASSWORD, roles: [{ role: 'window_clerk', centreId }] });
    await api.post(`/api/v1/centres/${centreId}/staff`, { name: '张敏', workNumber: 'B001', userId: clerkUser.id });
    await api.post('/api/v1/users', { username: 'bench_manager', displayName: '中心管理员', password: PASSWORD, roles: [{ role: 'centre_manager', centreId }] });
    const clerk = await login(api, 'bench_clerk');
    const signIn = await api.app.inject({ method: 'POST', url: `/api/v1/counters/${counter.id}/sign-in`, headers: clerk, payload: {} });
    if (signIn.statusCode !== 200) throw new Error(`bench: sign-in answered ${signIn.statusCode}: ${signIn.body}`);
    const manager = await login(api, 'bench_manager');
    // One case opened and accepted through the API: the template of the generated rows.
    const opened = await api.app.inject({ method: 'POST', url: `/api/v1/centres/${centreId}/cases`, headers: clerk, payload: { itemId, applicant: applicant(0), materials: MATERIALS } });
    if (opened.statusCode !== 201) throw new Error(`bench: open answered ${opened.statusCode}: ${opened.body}`);
    const accepted = await api.app.inject({ method: 'POST', url: `/api/v1/cases/${opened.json<{ id: string }>().id}/transitions`, headers: clerk, payload: ACCEPT });
    if (accepted.statusCode !== 200) throw new Error(`bench: accept answered ${accepted.statusCode}: ${accepted.body}`);
    return { centreId, itemId, clerk, manager, template: { caseNumber: opened.json<{ caseNumber: string }>().caseNumber, phone: applicant(0).phone } };
  } finally {
    await api.close();
  }
}

// ------------------------------------------------------------------ 1,000,000 open cases

/**
 * ROWS open cases over the CENTRES centres in one INSERT … SELECT (see the header for
 * the mix); case numbers unique per implementation code and day as the code draws them.
 */
const FILL = `
with sources as (
  select (row_number() over (order by c.created_at, c.id) - 1)::int as n, i.centre_id, i.department_id, i.id as item_id, v.id as version_id,
         v.guide ->> 'name' as title, i.implementation_code as code
  from items i join centres c on c.id = i.centre_id join item_versions v on v.item_id = i.id and v.status = 'published'
),
template as (select * from cases order by opened_at limit 1),
drawn as (
  select g, g % ${CENTRES} as n, random() as p, 7 + floor(random() * 22)::int as period, random() < 0.04 as late,
         random() as u, floor(random() * 30)::int as lateness, random() as minute
  from generate_series(0, $2::int - 1) g
),
shaped as (
  select d.*,
    case when p < 0.03 then 'opened' when p < 0.07 then 'correction' when p < 0.42 then 'accepted' when p < 0.95 then 'processing' else 'suspended' end as status,
    -- Days since acceptance (opened and correction: days since opening, up to 5).
    case when p < 0.07 then floor(u * 5)::int when late then period + 1 + lateness else floor(u * period)::int end as age
  from drawn d
),
dated as (
  select s.*, (($1::timestamptz at time zone 'Asia/Shanghai')::date - age) as day,
         (($1::timestamptz at time zone 'Asia/Shanghai')::date - age + period) as due_raw
  from shaped s
),
timed as (
  -- Between 08:30 and 16:30 of its day, and never after now.
  select t.*, ((t.day + time '08:30') at time zone 'Asia/Shanghai')
           + minute * least(interval '8 hours', $1::timestamptz - ((t.day + time '08:30') at time zone 'Asia/Shanghai')) as at,
         t.due_raw + case extract(isodow from t.due_raw) when 6 then 2 when 7 then 1 else 0 end as due_day
  from dated t
)
insert into cases (id, centre_id, department_id, item_id, version_id, title, case_number, case_day, status, mode,
  applicant_kind, applicant_cipher, applicant_name_masked, applicant_id_type, applicant_id_masked, applicant_id_digest, phone_masked, phone_digest, check_digest,
  counter_id, clerk_id, opened_by, checklist, detail, opened_at, accepted_at, promised_due_at, legal_due_at, suspended_seconds, updated_at)
select gen_random_uuid(), s.centre_id, s.department_id, s.item_id, s.version_id, s.title,
  s.code || to_char(t.day, 'YYYYMMDD') || lpad((coalesce(q.last, 0) + row_number() over (partition by t.n, t.day order by t.g))::text, 4, '0'),
  t.day, t.status, case when t.status in ('opened', 'correction') then null else 'normal' end,
  x.applicant_kind, x.applicant_cipher, x.applicant_name_masked, x.applicant_id_type, x.applicant_id_masked, x.applicant_id_digest, x.phone_masked, x.phone_digest, x.check_digest,
  case when s.n = 0 then x.counter_id end, case when s.n = 0 then x.clerk_id end, case when s.n = 0 then x.opened_by end,
  x.checklist, x.detail, t.at - interval '10 minutes',
  case when t.status in ('opened', 'correction') then null else t.at end,
  -- The last millisecond of the due day, as deadlines.ts writes it (endOfShanghaiDay).
  case when t.status in ('accepted', 'processing') then ((t.due_day + 1)::timestamp at time zone 'Asia/Shanghai') - interval '1 millisecond' end,
  case when t.status in ('accepted', 'processing') then ((t.due_day + t.period + 1)::timestamp at time zone 'Asia/Shanghai') - interval '1 millisecond' end,
  0, t.at
from timed t join sources s on s.n = t.n cross join template x
  left join case_sequences q on q.implementation_code = s.code and q.day = t.day`;

/** The numbers drawn, as the opening transaction would have left them: the next case of a code and day numbers after them. */
const SEQUENCES = `
insert into case_sequences (implementation_code, day, last)
select left(case_number, 31), case_day, max(right(case_number, 4)::int) from cases group by 1, 2
on conflict (implementation_code, day) do update set last = greatest(case_sequences.last, excluded.last)`;

async function fill(url: string, now: Date): Promise<{ insertSeconds: number; vacuumSeconds: number; tableMb: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select setseed(0.2016)');
    await client.query("set work_mem = '256MB'");
    const t0 = performance.now();
    const inserted = await client.query(FILL, [now.toISOString(), ROWS]);
    if (inserted.rowCount !== ROWS) throw new Error(`bench: ${inserted.rowCount} cases generated instead of ${ROWS}`);
    await client.query(SEQUENCES);
    const t1 = performance.now();
    await client.query('vacuum analyze cases');
    const t2 = performance.now();
    const { rows } = await client.query<{ mb: number }>(`select (pg_total_relation_size('cases') / 1048576)::int as mb`);
    return { insertSeconds: (t1 - t0) / 1000, vacuumSeconds: (t2 - t1) / 1000, tableMb: rows[0]!.mb };
  } finally {
    await client.end();
  }
}

// ------------------------------------------------------------------ 3. the lists

interface ListFigures {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly total: number;
}

async function countInSql(url: string, centreId: string, where: string, params: unknown[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from cases where centre_id = $1 and status in ('accepted', 'processing', 'suspended') and ${where}`, [centreId, ...params]);
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

async function measureList(server: Child, path: string, headers: Headers, expectedTotal: number, state: string): Promise<ListFigures> {
  const get = async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}${path}`, { headers: { cookie: headers.cookie! } });
    const body = (await res.json()) as { items: { deadlineState: string | null }[]; total: number };
    if (res.status !== 200) throw new Error(`bench: GET ${path} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    if (body.total !== expectedTotal) throw new Error(`bench: GET ${path} counted ${body.total} cases, SQL ${expectedTotal}`);
    if (body.items.length !== Math.min(100, expectedTotal) || body.items.some((i) => i.deadlineState !== state)) throw new Error(`bench: GET ${path} listed cases that are not ${state}`);
    return body.total;
  };
  for (let i = 0; i < 5; i++) await get();
  const times: number[] = [];
  for (let i = 0; i < LIST_REQUESTS; i++) {
    const t0 = performance.now();
    await get();
    times.push(performance.now() - t0);
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99), max: Math.max(...times), total: expectedTotal };
}

// ------------------------------------------------------------------ 1. opening and accepting

/** Keeps every answer's body (the open answer carries the id the accept needs): no status counts as "expected". */
const KEEP_BODY = 0;

interface OpenFigures {
  readonly cases: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly open: number[];
  readonly accept: number[];
  readonly perSecondWindows: number[];
  readonly last: { readonly caseNumber: string; readonly phone: string };
}

async function openAndAccept(port: number, hall: Hall, durationMs: number): Promise<OpenFigures> {
  const opens = Array.from({ length: 64 }, (_, i) => ({ phone: applicant(i).phone, request: postRequest(port, `/api/v1/centres/${hall.centreId}/cases`, hall.clerk, { itemId: hall.itemId, applicant: applicant(i), materials: MATERIALS }) }));
  const connections = Array.from({ length: CONNECTIONS }, () => new Connection(port, KEEP_BODY));
  await Promise.all(connections.map((c) => c.open()));
  const open: number[] = [];
  const accept: number[] = [];
  const done: number[] = [];
  let last = { caseNumber: '', phone: '' };
  let next = 0;
  const t0 = performance.now();
  const deadline = t0 + durationMs;
  try {
    await Promise.all(
      connections.map(async (c) => {
        while (performance.now() < deadline) {
          const o = opens[next++ % opens.length]!;
          const ta = performance.now();
          const a = await c.send(o.request);
          if (a.status !== 201) throw new Error(`bench: open answered ${a.status}: ${a.body.slice(0, 300)}`);
          const opened = JSON.parse(a.body) as { id: string; caseNumber: string; status: string };
          const tb = performance.now();
          const b = await c.send(postRequest(port, `/api/v1/cases/${opened.id}/transitions`, hall.clerk, ACCEPT));
          if (b.status !== 200 || (JSON.parse(b.body) as { status: string }).status !== 'accepted') throw new Error(`bench: accept answered ${b.status}: ${b.body.slice(0, 300)}`);
          const tc = performance.now();
          open.push(tb - ta);
          accept.push(tc - tb);
          done.push(tc - t0);
          last = { caseNumber: opened.caseNumber, phone: o.phone };
        }
      }),
    );
  } finally {
    for (const c of connections) c.close();
  }
  const seconds = (performance.now() - t0) / 1000;
  const windows: number[] = [];
  for (const ms of done) windows[Math.floor(ms / 1000)] = (windows[Math.floor(ms / 1000)] ?? 0) + 1;
  return { cases: done.length, seconds, perSecond: done.length / seconds, open, accept, perSecondWindows: Array.from({ length: Math.floor(seconds) }, (_, i) => windows[i] ?? 0), last };
}

/** Busy and total clock ticks of all cores (Linux /proc/stat). */
function machineTicks(): { busy: number; total: number } | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    return { busy: total - fields[3]! - fields[4]!, total };
  } catch {
    return undefined;
  }
}

/** CPU ms of the GovHall server and of the PostgreSQL backends serving this database. */
async function cpuOf(url: string, server: Child): Promise<{ server: number; database: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
    return { server: processCpuMs(server.process.pid) ?? NaN, database: rows.reduce((n, r) => n + (processCpuMs(r.pid) ?? NaN), 0) };
  } finally {
    await client.end();
  }
}

async function acceptedCount(url: string, centreId: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // The generated rows have no events: count the cases accepted through the API.
    const { rows } = await client.query<{ n: number }>(`select count(distinct case_id)::int as n from case_events where centre_id = $1 and type = 'accepted'`, [centreId]);
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

// ------------------------------------------------------------------ the run

type Part = 'lists' | 'open' | 'public';
const PARTS: readonly Part[] = ['lists', 'open', 'public'];
const ms = (n: number) => `${fmt(n, 1)} ms`;

interface Run {
  readonly url: string;
  readonly hall: Hall;
  readonly govhall: Child;
  readonly env: NodeJS.ProcessEnv;
  /** The case the public query asks for: the template, or the last one accepted under load. */
  checked: { caseNumber: string; phone: string };
}

async function listsPart(r: Run, now: Date, soonEnd: Date, setup: string): Promise<BenchResult> {
  const path = `/api/v1/centres/${r.hall.centreId}/cases`;
  const overdue = await measureList(r.govhall, `${path}?overdue=true`, r.hall.manager, await countInSql(r.url, r.hall.centreId, 'promised_due_at < $2', [now]), 'overdue');
  const dueSoon = await measureList(r.govhall, `${path}?dueSoon=true`, r.hall.manager, await countInSql(r.url, r.hall.centreId, 'promised_due_at >= $2 and promised_due_at < $3', [now, soonEnd]), 'due_soon');
  const lists = (name: string, l: ListFigures) => `${name}: p50 ${ms(l.p50)}, p99 ${ms(l.p99)}, max ${ms(l.max)}, ${fmt(l.total)} cases in the list`;
  return {
    name: `cases: overdue and due-soon lists of a centre among ${fmt(ROWS)} open cases, slower p99 (${overdue.p99 >= dueSoon.p99 ? 'overdue' : 'due soon'})`,
    measured: Math.round(Math.max(overdue.p99, dueSoon.p99) * 10) / 10,
    unit: 'ms',
    limit: LIST_LIMIT_MS,
    kind: 'max',
    note: `${lists('overdue', overdue)}; ${lists('due soon', dueSoon)}; pages of 100 over HTTP, ${LIST_REQUESTS} requests each, one at a time, manager session; ${setup}; 1-minute load average ${loadavg()[0]!.toFixed(2)} after`,
  };
}

async function openPart(r: Run): Promise<BenchResult> {
  await openAndAccept(r.govhall.port, r.hall, 2000);
  const before = await acceptedCount(r.url, r.hall.centreId);
  const cpu0 = await cpuOf(r.url, r.govhall);
  const ticks0 = machineTicks();
  const run = await openAndAccept(r.govhall.port, r.hall, OPEN_SECONDS * 1000);
  const ticks1 = machineTicks();
  const cpu1 = await cpuOf(r.url, r.govhall);
  const busy = ticks0 && ticks1 ? ((ticks1.busy - ticks0.busy) / (ticks1.total - ticks0.total)) * 100 : NaN;
  const stored = (await acceptedCount(r.url, r.hall.centreId)) - before;
  if (stored < run.cases) throw new Error(`bench: ${run.cases} cases acknowledged as accepted, ${stored} stored`);
  r.checked = run.last;
  const w = run.perSecondWindows;
  return {
    name: 'cases: opened and accepted over HTTP on PostgreSQL (open + accept per case)',
    measured: Math.round(run.perSecond),
    unit: 'cases/s',
    limit: OPEN_LIMIT,
    kind: 'min',
    note:
      `${fmt(run.cases)} cases (${fmt(run.cases * 2)} requests) in ${fmt(run.seconds, 1)} s, ${CONNECTIONS} in flight, one item, one clerk; per second ${w.map((n) => fmt(n)).join(' / ')}; ` +
      `open p50 ${ms(percentile(run.open, 50))}, p99 ${ms(percentile(run.open, 99))}; accept p50 ${ms(percentile(run.accept, 50))}, p99 ${ms(percentile(run.accept, 99))}; ` +
      `CPU per case: GovHall ${ms((cpu1.server - cpu0.server) / run.cases)}, PostgreSQL ${ms((cpu1.database - cpu0.database) / run.cases)}; machine ${fmt(busy)} % busy during the run; ` +
      `${fmt(ROWS)} other open cases in the table; 1-minute load average ${loadavg()[0]!.toFixed(2)} after`,
  };
}

async function publicPart(r: Run): Promise<BenchResult> {
  const path = `/api/v1/public/cases/${r.checked.caseNumber}?check=${r.checked.phone.slice(-4)}`;
  const progress = await compareWithBare({ govhall: r.govhall, path, route: '/api/v1/public/cases/:caseNumber', headers: {}, env: r.env });
  return {
    name: 'cases: GET public progress query (PostgreSQL) vs bare Fastify',
    measured: progress.percent,
    unit: '% of bare rps',
    limit: PUBLIC_LIMIT_PERCENT,
    kind: 'min',
    note: `${progress.note}; an accepted case (2 events); every answer 200 (the guessing throttle counts failures only); 1-minute load average ${loadavg()[0]!.toFixed(2)} after`,
  };
}

/** Runs the parts named (all by default; BENCH_CASES_ONLY=lists,open,public when run alone). */
export async function benchCases(parts: readonly Part[] = PARTS): Promise<BenchResult[]> {
  const url = benchDatabaseUrl('govhall_bench_cases');
  return withBenchLock(url, BENCH_LOCK, async () => {
    const loadAtStart = loadavg()[0]!;
    await recreateDatabase(url);
    let govhall: Child | undefined;
    try {
      const opened = await openBenchDatabase({ databaseUrl: url });
      const deps = shifted(opened.deps);
      let hall: Hall;
      let soonEnd: Date;
      const ts = performance.now();
      try {
        hall = await seed(deps);
        // Where the due-soon list ends, by the rule the server applies (case-read.service.ts), for the check in SQL.
        const settings = await readCaseSettings(deps.db, hall.centreId);
        soonEnd = dueSoonEnd(await getCalendar(deps, hall.centreId), deps.clock(), settings.dueSoonWorkingDays);
      } finally {
        await opened.database.close();
      }
      const seedSeconds = (performance.now() - ts) / 1000;
      const filled = await fill(url, deps.clock());
      const setup =
        `${fmt(ROWS)} cases over ${CENTRES} centres generated by INSERT … SELECT generate_series in ${fmt(filled.insertSeconds, 1)} s, VACUUM ANALYZE ${fmt(filled.vacuumSeconds, 1)} s, ` +
        `table with indexes ${fmt(filled.tableMb)} MB; seeding through the API ${fmt(seedSeconds, 1)} s; 1-minute load average ${loadAtStart.toFixed(2)} at the start`;
      const env = { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent', BENCH_CLOCK_SHIFT_MS: String(SHIFT) };
      govhall = await startChild('bench/servers/govhall.ts', env);
      const run: Run = { url, hall, govhall, env, checked: hall.template };
      const results: BenchResult[] = [];
      // The lists first, on the freshly vacuumed table; then the writes.
      if (parts.includes('lists')) results.push(await listsPart(run, deps.clock(), soonEnd, setup));
      if (parts.includes('open')) results.push(await openPart(run));
      if (parts.includes('public')) results.push(await publicPart(run));
      return results;
    } finally {
      if (govhall) await stopChild(govhall);
      await dropDatabase(url);
    }
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(`1-minute load average ${loadavg()[0]!.toFixed(2)} at the start`);
  const only = process.env.BENCH_CASES_ONLY?.split(',').filter((p): p is Part => PARTS.includes(p as Part));
  for (const r of await benchCases(only && only.length > 0 ? only : PARTS)) {
    console.log(`${r.name}: ${r.measured} ${r.unit} (limit ${r.kind === 'max' ? '≤' : '≥'} ${r.limit}, score ${score(r).toFixed(2)})${r.note ? ` — ${r.note}` : ''}`);
  }
}
