/**
 * THE ROUTE WALK. Every operation of the OpenAPI document that is not public is
 * called (a) anonymously, expecting 401; (b) as a centre manager of centre A, and
 * (c) as a display device of centre A, against the ids of centre B, expecting 403 or
 * 404 and never a success. It is written from the document, not from a list of
 * routes: a new route is walked as soon as it exists, and a new route whose
 * parameters the walk cannot fill fails here until the tables below learn how.
 *
 * To teach the walk a new route:
 * - an `{id}` after a new path segment (`/api/v1/widgets/{id}`): add the kind to
 *   KINDS with how to create one in centre B through the API;
 * - a new parameter name: add it to PARAMS (bound to centre B, or a neutral value);
 * - a new operation acting on the caller only: add it to SELF_SCOPED;
 * - a new public operation: put it under `/api/v1/public/` or in PUBLIC.
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaredRoutes } from './platform/auth/access.ts';
import { centreInput, counterInput, departmentInput, staffInput, zoneInput } from './test/factories.ts';
import { createTestContext, role, type Session, type TestContext } from './test/harness.ts';
import { itemInput } from './modules/catalogue/test-helpers.ts';
import { pdfBytes } from './domain/files/test-fixtures.ts';

interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required?: boolean;
}
interface Operation {
  readonly summary?: string;
  readonly security?: unknown[];
  readonly parameters?: Parameter[];
  readonly requestBody?: unknown;
  readonly responses?: Record<string, unknown>;
}
interface OpenApi {
  readonly paths: Record<string, Record<string, Operation>>;
}
interface Op {
  readonly method: string;
  /** OpenAPI form: `/api/v1/counters/{id}`. */
  readonly path: string;
  readonly key: string;
  readonly operation: Operation;
  readonly public: boolean;
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'];

/** Public operations outside `/api/v1/public/`: each is deliberate. */
const PUBLIC = new Set([
  'GET /api/v1/health',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'GET /api/v1/auth/me',
  // A device exchanges its token (the credential is the body) for the cookie EventSource sends.
  'POST /api/v1/auth/device-session',
  'DELETE /api/v1/auth/device-session',
]);

/** Operations that act on the caller only, whatever ids exist: not walked as a user of A. */
const SELF_SCOPED = new Set(['POST /api/v1/auth/password']);

const CLOSED_DAY = '2025-05-06';

interface Fixture {
  readonly ctx: TestContext;
  readonly admin: Session;
  readonly centreB: string;
}

/**
 * How to create an entity of each kind in centre B, as system administrator, through
 * the API. The kind is the path segment before `{id}`. A body given as bytes is sent
 * raw (an upload), with the query string `query`.
 */
const KINDS: Record<
  string,
  { readonly route: string; readonly body: (f: Fixture) => Record<string, unknown> | Buffer; readonly query?: string; readonly before?: (f: Fixture) => Promise<void> }
> = {
  departments: { route: 'POST /api/v1/centres/{centreId}/departments', body: () => departmentInput() },
  zones: { route: 'POST /api/v1/centres/{centreId}/zones', body: () => zoneInput() },
  counters: { route: 'POST /api/v1/centres/{centreId}/counters', body: () => counterInput() },
  staff: { route: 'POST /api/v1/centres/{centreId}/staff', body: () => staffInput() },
  'closed-days': { route: 'POST /api/v1/centres/{centreId}/closed-days', body: () => ({ date: CLOSED_DAY, reason: '中心搬迁' }) },
  'device-tokens': { route: 'POST /api/v1/centres/{centreId}/device-tokens', body: () => ({ name: 'B 中心显示屏', role: 'display' }) },
  // The catalogue: two items of B (a bundle needs two), the bundle made of them.
  items: { route: 'POST /api/v1/centres/{centreId}/items', body: () => itemInput(idsB.get('departments')!) },
  'items-second': { route: 'POST /api/v1/centres/{centreId}/items', body: () => itemInput(idsB.get('departments')!) },
  bundles: {
    route: 'POST /api/v1/centres/{centreId}/bundles',
    body: () => ({
      name: '乙中心一件事',
      itemIds: [idsB.get('items')!, idsB.get('items-second')!],
      steps: [{ order: 1, name: '受理', itemIds: [idsB.get('items')!, idsB.get('items-second')!] }],
      acceptingCounterKind: 'comprehensive',
    }),
  },
  // A stored file (§6.3.2 blank form): the raw bytes, the name in the query.
  files: { route: 'POST /api/v1/centres/{centreId}/files', query: 'name=乙中心空白表格.pdf', body: () => Buffer.from(pdfBytes('centre B')) },
  // Queueing (issue 4): a queue of B, then a ticket of it.
  queues: { route: 'POST /api/v1/centres/{centreId}/queues', body: () => ({ name: '乙中心综合受理', prefix: 'A', pool: 'comprehensive' }) },
  tickets: { route: 'POST /api/v1/centres/{centreId}/tickets', body: () => ({ source: 'counter', queueId: idsB.get('queues')! }) },
  // Case handling (issue 5): a case of an item of B published for it first; a refusal report of B.
  cases: {
    route: 'POST /api/v1/centres/{centreId}/cases',
    before: async (f) => {
      const item = await f.ctx.as(f.admin, { method: 'POST', url: `/api/v1/centres/${f.centreB}/items`, payload: itemInput(idsB.get('departments')!) });
      const id = item.json<{ id: string }>().id;
      const today = new Date(f.ctx.deps.clock().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
      for (const [action, payload] of [['submit', {}], ['approve', { reviewer: '乙中心审查组', opinion: '同意', effectiveOn: today }]] as const) {
        const res = await f.ctx.as(f.admin, { method: 'POST', url: `/api/v1/items/${id}/versions/1/${action}`, payload });
        if (res.statusCode !== 200) throw new Error(`KINDS.cases: ${action} answered ${res.statusCode} ${res.body}`);
      }
      idsB.set('published-items', id);
    },
    body: () => ({ itemId: idsB.get('published-items')!, applicant: { kind: 'person', name: '乙中心申请人', idNumber: '11010519491231002X', phone: '13812345678' } }),
  },
  consultations: {
    route: 'POST /api/v1/centres/{centreId}/consultations',
    body: () => ({ applicantName: '乙中心群众', question: '办理营业执照需要什么材料？', answer: '身份证和申请书。' }),
  },
  'refusal-reviews': { route: 'POST /api/v1/centres/{centreId}/refusal-reviews', body: () => ({ applicantName: '乙中心群众', reason: '不属于本中心受理范围', legalBasis: '受理范围规定' }) },
  users: {
    route: 'POST /api/v1/users',
    body: (f) => ({ username: `walk.b.${randomUUID().slice(0, 8)}`, displayName: '乙中心窗口人员', password: 'Walk-password-2025', roles: [{ role: 'window_clerk', centreId: f.centreB }] }),
  },
};

/**
 * Path and query parameters by name: `bound` values belong to centre B (a caller of A
 * must be refused), neutral ones are ordinary values anybody may ask about.
 */
const PARAMS: Record<string, { readonly bound: boolean; readonly value: (f: Fixture, ids: ReadonlyMap<string, string>) => string }> = {
  centreId: { bound: true, value: (f) => f.centreB },
  date: { bound: false, value: () => '2025-03-10' },
  from: { bound: false, value: () => '2025-03-10' },
  to: { bound: false, value: () => '2025-03-20' },
  days: { bound: false, value: () => '1' },
  year: { bound: false, value: () => '2025' },
  number: { bound: false, value: () => '1' },
  name: { bound: false, value: () => 'walk.pdf' },
  kind: { bound: false, value: () => 'acceptance' },
};

/**
 * Bodies for operations with no id of B in their path: what a caller of A would send
 * to reach into centre B. Without one, a 400 would hide whether the use case checks.
 */
const BODIES: Record<string, (f: Fixture) => Record<string, unknown>> = {
  'POST /api/v1/users': (f) => KINDS.users!.body(f) as Record<string, unknown>,
  'POST /api/v1/centres': () => centreInput(),
};

let ctx: TestContext;
let fixture: Fixture;
let doc: OpenApi;
let ops: Op[];
let managerA: Session;
let deviceTokenA: string;
/** Ids of centre B's entities by kind, and every id of B (for the leak check). */
const idsB = new Map<string, string>();
const problems: string[] = [];

function toOpenApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function kindOf(path: string, param: string): string | undefined {
  const parts = path.split('/');
  const at = parts.indexOf(`{${param}}`);
  return at > 0 ? parts[at - 1] : undefined;
}

async function createIn(kind: string): Promise<string> {
  const spec = KINDS[kind];
  if (!spec) throw new Error(`no way to create "${kind}"`);
  const [method, path] = spec.route.split(' ') as [string, string];
  if (!doc.paths[path]?.[method.toLowerCase()]) throw new Error(`KINDS.${kind}: ${spec.route} is not in the OpenAPI document`);
  await spec.before?.(fixture);
  const body = spec.body(fixture);
  const res = await ctx.as(fixture.admin, {
    method: method as 'POST',
    url: `${path.replace('{centreId}', fixture.centreB)}${spec.query ? `?${new URLSearchParams(spec.query).toString()}` : ''}`,
    payload: body,
    ...(Buffer.isBuffer(body) ? { headers: { 'content-type': 'application/octet-stream' } } : {}),
  });
  if (res.statusCode >= 300) throw new Error(`KINDS.${kind}: ${spec.route} answered ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

interface Plan {
  readonly op: Op;
  readonly url: string;
  /** Whether the request names something of centre B. */
  readonly bound: boolean;
}

/**
 * The requests for an operation with its parameters filled, or why they cannot be
 * filled. An optional centre filter is walked both ways: naming B (refused) and
 * left out (the answer must not show B).
 */
function plan(op: Op): Plan[] | string {
  const variants: Plan[] = [];
  const optionalCentre = (op.operation.parameters ?? []).some((p) => p.in === 'query' && p.name === 'centreId' && !p.required);
  for (const withCentre of optionalCentre ? [true, false] : [true]) {
    let bound = false;
    let url = op.path;
    const query = new URLSearchParams();
    for (const p of op.operation.parameters ?? []) {
      if (p.in !== 'path' && p.in !== 'query') continue;
      let value: string | undefined;
      if (p.in === 'path' && (p.name === 'id' || (p.name.endsWith('Id') && p.name !== 'centreId'))) {
        const kind = p.name === 'id' ? kindOf(op.path, p.name) : `${p.name.slice(0, -2)}s`;
        if (!kind || !idsB.has(kind)) return `${op.key}: no entity of kind "${kind ?? '?'}" for {${p.name}}: add it to KINDS`;
        value = idsB.get(kind);
        bound = true;
      } else if (PARAMS[p.name]) {
        // Optional query parameters are left out, except a centre filter, which is the point.
        if (p.in === 'query' && !p.required && !(p.name === 'centreId' && withCentre)) continue;
        value = PARAMS[p.name]!.value(fixture, idsB);
        bound ||= PARAMS[p.name]!.bound;
      } else if (p.in === 'query' && !p.required) {
        continue;
      } else {
        return `${op.key}: cannot fill ${p.in} parameter "${p.name}": add it to PARAMS`;
      }
      if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(value!));
      else query.set(p.name, value!);
    }
    if (/\{[^}]+\}/.test(url)) return `${op.key}: path parameters not described in the document`;
    const qs = query.toString();
    variants.push({ op, url: qs ? `${url}?${qs}` : url, bound });
  }
  return variants;
}

/** The requests of every non-public operation (those that cannot be filled are reported by the first test). */
function plans(filter: (op: Op) => boolean = () => true): Plan[] {
  return ops.filter((o) => !o.public && filter(o)).flatMap((o) => {
    const p = plan(o);
    return typeof p === 'string' ? [] : p;
  });
}

function send(plan: Plan, headers: Record<string, string>): Promise<LightMyRequestResponse> {
  const method = plan.op.method.toUpperCase() as 'GET';
  const hasBody = !['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(method);
  const body = BODIES[plan.op.key]?.(fixture) ?? {};
  return ctx.app.inject({ method, url: plan.url, headers, ...(hasBody ? { payload: body } : {}) });
}

function leaks(res: LightMyRequestResponse): string[] {
  return [...new Set([fixture.centreB, ...idsB.values()])].filter((id) => res.body.includes(id));
}

beforeAll(async () => {
  ctx = await createTestContext();
  const admin = await ctx.userWith([role('system_admin')]);
  const centreA = (await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput() })).json<{ id: string }>().id;
  const centreB = (await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput() })).json<{ id: string }>().id;
  fixture = { ctx, admin, centreB };
  managerA = await ctx.userWith([role('centre_manager', centreA)]);
  const token = await ctx.as(admin, { method: 'POST', url: `/api/v1/centres/${centreA}/device-tokens`, payload: { name: 'A 中心显示屏', role: 'display' } });
  deviceTokenA = token.json<{ token: string }>().token;

  const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  if (res.statusCode !== 200) throw new Error(`GET /api/v1/openapi.json answered ${res.statusCode}: the document must build for the walk (try app.swagger() for the cause)`);
  doc = res.json<OpenApi>();
  ops = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({ method, path, key: `${method.toUpperCase()} ${path}`, operation, public: Array.isArray(operation.security) && operation.security.length === 0 })),
  );

  // Centre B gets one of every kind the document can create, so that a list that
  // shows too much is caught too, not only the routes that need an id.
  idsB.set('centres', centreB);
  for (const kind of Object.keys(KINDS)) {
    const [method, path] = KINDS[kind]!.route.split(' ') as [string, string];
    if (doc.paths[path]?.[method.toLowerCase()]) idsB.set(kind, await createIn(kind));
  }
  // Kinds that routes name but KINDS cannot create (e.g. the create route moved).
  for (const op of ops.filter((o) => !o.public)) {
    const kind = kindOf(op.path, 'id');
    if (!kind || idsB.has(kind)) continue;
    if (KINDS[kind]) await createIn(kind).then((id) => idsB.set(kind, id), (err: Error) => problems.push(err.message));
  }
});
afterAll(() => ctx.close());

describe('the route walk', () => {
  it('walks a document with the routes of every module', () => {
    expect(ops.length).toBeGreaterThan(10);
    expect(problems).toEqual([]);
    // The fixture covers the kinds the document names, and the walk fills every parameter.
    const unfilled = ops
      .filter((o) => !o.public)
      .map(plan)
      .filter((p): p is string => typeof p === 'string');
    expect(unfilled).toEqual([]);
  });

  it('documents every operation: a summary, and 401 and 403 where it is not public', () => {
    const missing: string[] = [];
    for (const op of ops) {
      if (!op.operation.summary) missing.push(`${op.key}: no summary`);
      if (op.public) continue;
      for (const status of ['401', '403']) if (!op.operation.responses?.[status]) missing.push(`${op.key}: ${status} not documented`);
    }
    expect(missing).toEqual([]);
  });

  it('has no public operation by accident, and no non-public route missing from the document', () => {
    const unexpected = ops.filter((o) => o.public && !o.path.startsWith('/api/v1/public/') && !PUBLIC.has(o.key)).map((o) => o.key);
    expect(unexpected).toEqual([]);
    const documented = new Set(ops.map((o) => o.key));
    const hidden = declaredRoutes(ctx.app)
      .filter((r) => r.url.startsWith('/api/v1') && !r.public && r.method !== 'HEAD')
      .map((r) => `${r.method} ${toOpenApiPath(r.url)}`)
      .filter((key) => !documented.has(key));
    expect(hidden).toEqual([]);
  });

  it('refuses every non-public operation to an anonymous caller with 401', async () => {
    const wrong: string[] = [];
    const walked = new Set<string>();
    for (const p of plans()) {
      const res = await send(p, {});
      walked.add(p.op.key);
      if (res.statusCode !== 401) wrong.push(`${p.op.key} (${p.url}) → ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    expect(wrong).toEqual([]);
    expect(walked.size).toBe(ops.filter((o) => !o.public).length);
  });

  it("keeps a centre manager of A out of centre B's records", async () => {
    const wrong: string[] = [];
    for (const p of plans((o) => !SELF_SCOPED.has(o.key))) check(p, await send(p, { cookie: managerA.cookie, 'x-csrf-token': managerA.csrfToken }), wrong);
    expect(wrong).toEqual([]);
  });

  it("keeps a display device of A out of centre B's records", async () => {
    const wrong: string[] = [];
    for (const p of plans()) check(p, await send(p, { authorization: `Bearer ${deviceTokenA}` }), wrong);
    expect(wrong).toEqual([]);
  });
});

/**
 * A request naming B must be refused (403) or find nothing (404). A read naming
 * nothing of B may succeed, but must not show anything of B. A change naming
 * nothing of B is refused, or refused by the use case, never done.
 */
function check(p: Plan, res: LightMyRequestResponse, wrong: string[]): void {
  const what = `${p.op.key} (${p.url}) → ${res.statusCode} ${res.body.slice(0, 160)}`;
  if (p.bound) {
    if (res.statusCode !== 403 && res.statusCode !== 404) wrong.push(what);
    return;
  }
  if (p.op.method === 'get' || p.op.method === 'head') {
    if (res.statusCode >= 500 || (res.statusCode < 300 && leaks(res).length > 0)) wrong.push(`${what} shows ${leaks(res).join(', ')}`);
    return;
  }
  if (res.statusCode === 400) wrong.push(`${what}: give the walk a body for it in BODIES`);
  else if (res.statusCode !== 403 && res.statusCode !== 404) wrong.push(what);
}
