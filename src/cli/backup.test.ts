import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { is, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../domain/shared/errors.ts';
import { queryRows, type Queryable } from '../platform/db/database.ts';
import { setLoginSleep } from '../platform/auth/login.ts';
import * as schema from '../schema.ts';
import { centreInput } from '../test/factories.ts';
import { FIXTURE_USCC, guide as catalogueGuide } from '../domain/catalogue/test-fixtures.ts';
import { createTestContext, role, type TestContext } from '../test/harness.ts';
import { backupToFile, dependencyOrder, restoreFromFile, type BackupHeader } from './backup.ts';

const { auditLog, centreClosedDays, centres, counters, departments, deviceTokens, holidayYears, staff, zones } = schema;

/** Every table of src/schema.ts, found the same way a later module's tables will be. */
const TABLES = (Object.values(schema) as unknown[]).flatMap((v) => (is(v, PgTable) ? [getTableConfig(v)] : []));

/** Every byte value (backslash, NUL, high bytes), an empty file, and 3 MB of varied bytes (one 6 MB line). */
const FILE_CONTENTS: readonly Buffer[] = [
  Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) & 0xff)),
  Buffer.alloc(0),
  Buffer.from(Array.from({ length: 3 * 1024 * 1024 }, (_, i) => (i ^ (i >> 9) ^ (i >> 17)) & 0xff)),
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'govhall-backup-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/**
 * Fills every table: through the API where the capability has one (centres, accounts,
 * sessions, audit, failed logins), directly otherwise, plus the values that are hard
 * to carry exactly (microseconds, doubles, bigints beyond 2^53, jsonb null, cycles).
 */
async function fill(ctx: TestContext): Promise<void> {
  setLoginSleep(ctx.deps, () => Promise.resolve());
  const admin = await ctx.userWith([role('system_admin')]);
  const city = (await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput({ name: '南昌市政务服务中心', level: 'city', divisionCode: '360100' }) })).json<{ id: string }>();
  const county = await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput({ parentId: city.id, wifi: null, latitude: 0.1 + 0.2 }) });
  expect(county.statusCode).toBe(201);
  const centreId = county.json<{ id: string }>().id;
  await ctx.userWith([role('centre_manager', centreId)], 'manager_b');
  const failed = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'manager_b', password: 'wrong-password-1' } });
  expect(failed.statusCode).toBe(401);

  const db = ctx.deps.db;
  const at = new Date('2025-03-03T09:00:00+08:00');
  // DB36/T 2016 §5.1.3.3: a department's chief representative is one of its staff — the departments ↔ staff cycle.
  const departmentId = randomUUID();
  const staffId = randomUUID();
  await db.insert(departments).values({ id: departmentId, centreId, name: '县市场监督管理局', uscc: null, sortOrder: 3, createdAt: at, updatedAt: at });
  await db.insert(staff).values({ id: staffId, centreId, name: '李四', workNumber: 'A001', departmentId, duties: ['首席代表', '综合受理'], createdAt: at, updatedAt: at });
  await db.update(departments).set({ chiefRepresentativeId: staffId });
  const zoneId = randomUUID();
  await db.insert(zones).values({ id: zoneId, centreId, name: '综合受理区', kind: 'comprehensive', floor: '1F', areaM2: 123.45, publicUse: true });
  const counterId = randomUUID();
  await db.insert(counters).values({ id: counterId, centreId, number: '10', sortKey: '00010', name: '综合受理 10 号窗口', zoneId, kind: 'comprehensive', departmentId, expectedReturnAt: at });
  await db.insert(schema.counterListStamps).values({ centreId, stamp: randomUUID() });
  await db.insert(deviceTokens).values({ id: randomUUID(), centreId, role: 'kiosk', name: '一楼取号机', tokenHash: 'h'.repeat(64), tokenPrefix: 'gh_abc', createdBy: admin.userId });
  await db.insert(holidayYears).values({ year: 2025, days: [{ name: '春节', date: '2025-01-28', isOffDay: true }], source: 'test' });
  await db.insert(centreClosedDays).values({ id: randomUUID(), centreId, date: '2025-05-06', reason: '搬迁' });
  // The item catalogue (DB36/T 2016 §7.3): an item with its published version, a bundle.
  const itemId = randomUUID();
  const guide = catalogueGuide();
  await db.insert(schema.items).values({ id: itemId, centreId, departmentId, level: 'main', basicCode: '000101001000', implementationCode: `${FIXTURE_USCC}3000101001000`, kind: 'licensing', typeCode: '01', name: guide.name!, publishedNumber: 1, publishedEffectiveOn: '2025-03-03', publishedName: guide.name, publishedTypeCode: '01', publishedSearch: guide.name, publishedFlags: guide.flags, createdAt: at, updatedAt: at });
  await db.insert(schema.itemVersions).values({ id: randomUUID(), itemId, number: 1, status: 'published', guide, reviewDecision: 'approved', reviewer: '王五', opinion: '同意', reviewedAt: at, effectiveOn: '2025-03-03', publishedAt: at, createdBy: 'admin', createdAt: at, updatedAt: at });
  await db.insert(schema.bundles).values({ id: randomUUID(), centreId, name: '企业开办一件事', itemIds: [itemId, itemId], steps: [{ order: 1, name: '受理', itemIds: [itemId] }], acceptingCounterKind: 'comprehensive', createdAt: at, updatedAt: at });
  // Stored files (§6.3.2 blank forms): bytea, carried as hex text.
  for (const content of FILE_CONTENTS) {
    await db.insert(schema.storedFiles).values({ id: randomUUID(), centreId, name: `表格 ${content.length}.pdf`, contentType: 'application/pdf', size: content.length, sha256: createHash('sha256').update(content).digest('hex'), content, createdBy: 'admin', createdAt: at });
  }

  // Queueing (issue 4): a queue with a counter, settings, a day's sequence, a ticket transferred into a second one, their events, a sign-in, a tidal opening, the data key.
  const queueId = randomUUID();
  await db.insert(schema.queues).values({ id: queueId, centreId, name: '综合受理', prefix: 'A', pool: 'comprehensive', itemIds: [itemId], issuingWindows: [{ start: '09:00', end: '11:30' }], serviceMinutes: 12.5, tidalOpenAtWaiting: 20, tidalCounterIds: [counterId], tidalRaisedAt: at, createdAt: at, updatedAt: at });
  await db.insert(schema.queueCounters).values({ queueId, counterId, weight: -2.5 });
  await db.insert(schema.queueSettings).values({ centreId, settings: { recallLimit: 3, display: { notice: '“引号”与\\反斜杠' } }, tidalEvaluatedAt: at });
  await db.insert(schema.ticketSequences).values({ queueId, day: '2025-03-03', last: 2 });
  const [ticketA, ticketB] = [randomUUID(), randomUUID()];
  await db.insert(schema.tickets).values({ id: ticketA, centreId, queueId, serviceDay: '2025-03-03', sequence: 1, number: 'A001', status: 'transferred', priority: 'elderly', elderly: true, source: 'mobile', itemId, issuedAt: at, queuedAt: at, counterId, clerkId: staffId, calledAt: at, closedAt: at, phoneCipher: 'c2VjcmV0', phoneDigest: 'digest', phoneMasked: '138****5678', idDigest: 'id-digest', idMasked: '3601**********1234' });
  await db.insert(schema.tickets).values({ id: ticketB, centreId, queueId, serviceDay: '2025-03-03', sequence: 2, number: 'A002', status: 'waiting', priority: 'elderly', source: 'transfer', issuedAt: at, queuedAt: at, reservedCounterId: counterId, transferredFromId: ticketA, note: '需核验原件' });
  await db.insert(schema.ticketEvents).values([
    { ticketId: ticketA, centreId, queueId, type: 'called', at, fromStatus: 'waiting', toStatus: 'called', actorKind: 'counter', counterId, clerkId: staffId, waitSeconds: 61 },
    { ticketId: ticketA, centreId, queueId, type: 'transferred', at, fromStatus: 'called', toStatus: 'transferred', actorKind: 'counter', counterId, clerkId: staffId, data: { keepPriority: true, note: null } },
  ]);
  await db.insert(schema.counterSignIns).values({ id: randomUUID(), centreId, counterId, staffId, userId: admin.userId, signedInAt: at });
  await db.insert(schema.tidalOpenings).values({ counterId, queueId, centreId, openedAt: at });
  await db.insert(schema.queueDataKeys).values({ id: 1, key: Buffer.alloc(32, 7).toString('base64') });

  // Case handling (issue 5): a consultation, a case with its item, event, step and sequence, a refusal report, settings, a failed check.
  const versionId = (await db.select({ id: schema.itemVersions.id }).from(schema.itemVersions))[0]!.id;
  const consultationId = randomUUID();
  await db.insert(schema.consultations).values({ id: consultationId, centreId, startedAt: at, endedAt: at, personalCipher: 'c2VjcmV0', applicantNameMasked: '王**', contactMasked: '138****5678', question: '需要哪些材料？', answer: '身份证、申请书', referred: true, referredTo: '二楼 12 号窗口', clerkId: staffId, counterId, ticketId: ticketA });
  const caseId = randomUUID();
  const caseNumber = `${FIXTURE_USCC}3000101001000202503030001`;
  const checklist = [{ key: 'k', name: '居民身份证', issuingBody: '公安机关', required: true, status: 'provided' as const, note: null, tolerance: null, toleranceAllowed: false, itemIds: [itemId] }];
  await db.insert(schema.cases).values({ id: caseId, centreId, departmentId, itemId, versionId, title: guide.name!, caseNumber, caseDay: '2025-03-03', status: 'accepted', mode: 'normal', applicantKind: 'person', applicantCipher: 'c2VjcmV0', applicantNameMasked: '张**', applicantIdType: 'resident_id', applicantIdMasked: '1101**********002X', applicantIdDigest: 'id-digest', phoneMasked: '138****5678', phoneDigest: 'digest', checkDigest: 'check', ticketId: ticketA, consultationId, counterId, clerkId: staffId, checklist, detail: { commitment: null, stops: [] }, openedAt: at, acceptedAt: at, promisedDueAt: at, legalDueAt: at, updatedAt: at });
  await db.insert(schema.caseItems).values({ caseId, itemId, versionId, position: 1, name: guide.name!, promisedLimit: { value: 5, unit: 'working_day' }, legalLimit: null });
  await db.insert(schema.caseEvents).values({ caseId, centreId, type: 'accepted', at, fromStatus: 'opened', toStatus: 'accepted', staffId, counterId, data: { mode: 'normal', tolerated: [] } });
  await db.insert(schema.caseSteps).values({ id: randomUUID(), caseId, itemId, position: 1, name: '审查', handler: '王审查', startedAt: at });
  await db.insert(schema.caseSequences).values({ implementationCode: `${FIXTURE_USCC}3000101001000`, day: '2025-03-03', last: 1 });
  await db.insert(schema.refusalReviews).values({ id: randomUUID(), centreId, caseId, itemId, applicantNameMasked: '张**', reason: '不属于受理范围', legalBasis: '依据', clerkId: staffId, counterId, reportedAt: at, dueAt: at, status: 'pending' });
  await db.insert(schema.caseSettings).values({ centreId, settings: { refusalReviewWorkingDays: 5 } });
  await db.insert(schema.caseCheckThrottle).values({ key: 'ip:192.0.2.1', failures: 2, windowStart: at });

  await db.insert(schema.streamEvents).values({ centreId, type: 'ticket.called', data: { number: 'A012', counter: '5', speak: '请A012号到5号窗口办理' }, at });

  // Values a JavaScript round trip would bend: microseconds, 2^53 + 1, JSON null inside jsonb, -0, a long double.
  await db.execute(sql`update ${centres} set created_at = '2025-03-01 08:00:00.123456+08', longitude = '-0'::float8 where id = ${centreId}`);
  await db.execute(sql`insert into ${auditLog} (id, at, actor_type, entity, entity_id, action, before, after)
    values (9007199254740993, '2025-03-02 10:00:00.000001+08', 'system', 'probe', 'x', 'probe', 'null'::jsonb, '{"n": 1.000000000000000000001, "s": "换行\\n与\\"引号\\""}')`);
  // More rows than one fetch or insert batch, so the cursor and the batching are exercised.
  await db.execute(sql`insert into ${auditLog} (at, actor_type, entity, entity_id, action, after)
    select timestamptz '2025-03-03 08:00:00+08' + make_interval(secs => g * 0.000017), 'system', 'probe', g::text, 'bulk', jsonb_build_object('g', g, 'f', g / 7.0::float8)
    from generate_series(1, 1234) as g`);
}

/** Every row of every table, in a form that tells SQL NULL from jsonb null and keeps every digit. */
async function snapshot(q: Queryable): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  await q.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    await tx.execute(sql`set local extra_float_digits = 3`);
    for (const t of TABLES) {
      const rows = await queryRows<{ row: string }>(tx, sql.raw(`select r::text as row from "${t.name}" as r order by r::text`));
      result[t.name] = rows.map((r) => r.row);
    }
  });
  return result;
}

async function header(file: string): Promise<BackupHeader> {
  const firstLine = gunzipSync(await readFile(file)).toString('utf8').split('\n')[0]!;
  return JSON.parse(firstLine) as BackupHeader;
}

async function expectInvalid(promise: Promise<unknown>, message?: RegExp): Promise<void> {
  const err: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe('BACKUP_INVALID');
  if (message) expect((err as AppError).message).toMatch(message);
}

describe('insertion order', () => {
  it('puts every referenced table first, except nullable references deferred to break a cycle', () => {
    const order = dependencyOrder();
    expect([...order].sort()).toEqual(TABLES.map((t) => t.name).sort());
    const deferred: string[] = [];
    for (const t of TABLES) {
      for (const fk of t.foreignKeys) {
        const ref = fk.reference();
        const target = getTableConfig(ref.foreignTable).name;
        if (order.indexOf(target) < order.indexOf(t.name)) continue;
        expect(ref.columns.every((c) => !c.notNull), `${t.name} → ${target}`).toBe(true);
        deferred.push(`${t.name}.${ref.columns.map((c) => c.name).join()}`);
      }
    }
    // centres.parent_id refers to its own table; one side of departments ↔ staff must wait.
    expect(deferred).toContain('centres.parent_id');
    // Nothing else waits: a deferred reference lies on a cycle (its target leads back to its table).
    const refs = new Map(TABLES.map((t) => [t.name, t.foreignKeys.map((fk) => getTableConfig(fk.reference().foreignTable).name)]));
    const leadsBack = (from: string, to: string) => {
      const seen = new Set<string>();
      const stack = [from];
      while (stack.length > 0) {
        const name = stack.pop()!;
        if (name === to) return true;
        if (seen.has(name)) continue;
        seen.add(name);
        stack.push(...(refs.get(name) ?? []));
      }
      return false;
    };
    for (const d of deferred) {
      const [table, column] = d.split('.') as [string, string];
      const fk = TABLES.find((t) => t.name === table)!.foreignKeys.find((f) => f.reference().columns.some((c) => c.name === column))!;
      expect(leadsBack(getTableConfig(fk.reference().foreignTable).name, table), d).toBe(true);
    }
    expect(deferred.filter((d) => d === 'departments.chief_representative_id' || d === 'staff.department_id')).toHaveLength(1);
  });
});

describe('backup and restore', () => {
  let source: TestContext;
  let target: TestContext;
  let file: string;

  beforeAll(async () => {
    source = await createTestContext();
    target = await createTestContext();
    await fill(source);
    file = join(dir, 'round-trip.govhall.gz');
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it('fills every table of src/schema.ts, so that each is carried by the round trip', async () => {
    const snap = await snapshot(source.deps.db);
    const empty = Object.entries(snap).filter(([, rows]) => rows.length === 0).map(([name]) => name);
    expect(empty, 'tables with no row in fill(): add rows for them').toEqual([]);
  });

  it('writes a header with the format, the migration and the row count of every table', async () => {
    const counts = await backupToFile(source.deps, file);
    const h = await header(file);
    const [latest] = await queryRows<{ hash: string }>(source.deps.db, sql`select hash from drizzle.__drizzle_migrations order by created_at desc limit 1`);
    expect(h).toMatchObject({ format: 'govhall-backup', version: 1, engine: source.database.engine, migration: { hash: latest!.hash }, createdAt: '2025-03-03T02:00:00.000Z' });
    expect(h.migration.tag).toMatch(/^\d{4}_/);
    expect(Object.keys(h.tables).sort()).toEqual(TABLES.map((t) => t.name).sort());
    const snap = await snapshot(source.deps.db);
    for (const t of TABLES) expect(h.tables[t.name], t.name).toBe(snap[t.name]!.length);
    expect(counts).toEqual(h.tables);
  });

  it('restores every row exactly into another database, replacing what it held', async () => {
    const stray = await target.userWith([role('system_admin')], 'stray_admin');
    await target.as(stray, { method: 'POST', url: '/api/v1/centres', payload: centreInput({ name: '不应保留的中心' }) });

    const counts = await restoreFromFile(target.deps, file);
    expect(counts).toEqual((await header(file)).tables);
    expect(await snapshot(target.deps.db)).toEqual(await snapshot(source.deps.db));

    // Through the ORM too: dates, doubles, jsonb as the application reads them.
    for (const table of [centres, departments, staff, counters, zones, holidayYears, centreClosedDays]) {
      const order = sql`id`;
      const read = (q: Queryable) => (table === holidayYears ? q.select().from(holidayYears) : q.select().from(table).orderBy(order));
      expect(await read(target.deps.db)).toEqual(await read(source.deps.db));
    }
    const [county] = await target.deps.db.select().from(centres).where(sql`parent_id is not null`);
    expect(county).toMatchObject({ latitude: 0.30000000000000004, wifi: null });
    expect(Object.is(county!.longitude, -0)).toBe(true);
    const [dept] = await target.deps.db.select().from(departments);
    expect(dept!.chiefRepresentativeId).not.toBeNull();
    // bytea: the very bytes, as the application reads them.
    const files = await target.deps.db.select().from(schema.storedFiles);
    expect(files.map((f) => f.content.length).sort((a, b) => a - b)).toEqual(FILE_CONTENTS.map((c) => c.length).sort((a, b) => a - b));
    for (const f of files) expect(f.content.equals(FILE_CONTENTS.find((c) => c.length === f.content.length)!), f.name).toBe(true);
  });

  it('carries bigints beyond 2^53, microseconds and jsonb null, and resets the audit sequence to the largest id', async () => {
    const [probe] = await queryRows<{ id: string; at: string; before_is_sql_null: boolean; before: string }>(
      target.deps.db,
      sql`select id::text, to_char(at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS.US') as at, before is null as before_is_sql_null, before::text
          from audit_log where entity = 'probe' and action = 'probe'`,
    );
    expect(probe).toEqual({ id: '9007199254740993', at: '2025-03-02 10:00:00.000001', before_is_sql_null: false, before: 'null' });

    const admin = await target.userWith([role('system_admin')], 'after_restore');
    const created = await target.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput({ name: '恢复后新建中心' }) });
    expect(created.statusCode).toBe(201);
    // The login and the creation wrote the first audit rows after the restore: they continue from the largest id.
    const [next] = await queryRows<{ first: string; ids: number }>(
      target.deps.db,
      sql`select min(id)::text as first, count(*)::int as ids from audit_log where id > 9007199254740993`,
    );
    expect(next).toEqual({ first: '9007199254740994', ids: 2 });
  });

  describe('refuses a file that is not a backup of this database, and leaves the database as it was', () => {
    let before: Record<string, string[]>;
    let lines: string[];
    beforeAll(async () => {
      before = await snapshot(target.deps.db);
      lines = gunzipSync(await readFile(file)).toString('utf8').split('\n');
    });
    const write = async (name: string, content: string | Buffer) => {
      const path = join(dir, name);
      await writeFile(path, typeof content === 'string' ? gzipSync(content) : content);
      return path;
    };

    it('a file that is not gzip', async () => {
      await expectInvalid(restoreFromFile(target.deps, await write('plain.txt', Buffer.from('hello\n'))));
    });

    it('a missing file', async () => {
      await expectInvalid(restoreFromFile(target.deps, join(dir, 'nothing-here.gz')));
    });

    it('a foreign JSON-lines file', async () => {
      await expectInvalid(restoreFromFile(target.deps, await write('foreign.gz', '{"format":"other-tool","version":1}\n')), /不是 GovHall 备份文件/);
    });

    it('a backup taken at another migration', async () => {
      const h = JSON.parse(lines[0]!) as BackupHeader;
      const other = [JSON.stringify({ ...h, migration: { tag: '0000_foundation', hash: '0'.repeat(64) } }), ...lines.slice(1)].join('\n');
      await expectInvalid(restoreFromFile(target.deps, await write('other-migration.gz', other)), /0000_foundation/);
    });

    it('a truncated file', async () => {
      const gz = await readFile(file);
      await expectInvalid(restoreFromFile(target.deps, await write('truncated.gz', gz.subarray(0, Math.floor(gz.length * 0.8)))));
    });

    it('a file cut at a line boundary', async () => {
      await expectInvalid(restoreFromFile(target.deps, await write('cut.gz', lines.slice(0, lines.length - 40).join('\n'))));
    });

    it('a row whose value the database refuses, found after earlier tables were already replaced', async () => {
      const last = lines.findLastIndex((l) => l.includes('"entity":"probe"'));
      const broken = [...lines];
      broken[last] = broken[last]!.replace(/"id":\d+/, '"id":"not-a-number"');
      await expectInvalid(restoreFromFile(target.deps, await write('bad-row.gz', broken.join('\n'))), /audit_log/);
    });

    it('…and after all of them the database still holds what it held', async () => {
      expect(await snapshot(target.deps.db)).toEqual(before);
    });
  });
});

describe('from embedded PGlite to PostgreSQL, the path of a centre that outgrows one machine', () => {
  const url = process.env.DATABASE_URL;
  it.skipIf(!url)(`restores a PGlite backup into PostgreSQL${url ? '' : ' — SKIPPED: set DATABASE_URL to run it'}`, async () => {
    const embedded = await createTestContext({ engine: 'pglite' });
    const server = await createTestContext({ engine: 'postgres' });
    try {
      expect([embedded.database.engine, server.database.engine]).toEqual(['pglite', 'postgres']);
      await fill(embedded);
      const file = join(dir, 'pglite-to-postgres.govhall.gz');
      await backupToFile(embedded.deps, file);
      expect((await header(file)).engine).toBe('pglite');
      await restoreFromFile(server.deps, file);
      expect(await snapshot(server.deps.db)).toEqual(await snapshot(embedded.deps.db));
    } finally {
      await embedded.close();
      await server.close();
    }
  });
});
