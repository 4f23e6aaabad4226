/** Use cases of counters (窗口): create, read, list, update, retire, and the service status of §5.1.5.1. All audited. */
import { randomUUID } from 'node:crypto';
import type { Warning } from '../../../domain/organisation/centre-rules.ts';
import { applyCounterStatus, checkCounterKind, counterSortKey, professionalAreaWarning } from '../../../domain/organisation/counter-rules.ts';
import { COUNTER_KIND_LABELS, COUNTER_STATUS_LABELS, type CounterKind, type CounterStatus } from '../../../domain/organisation/types.ts';
import { AppError, fieldError } from '../../../domain/shared/errors.ts';
import { writeAudit } from '../../../platform/audit/audit.ts';
import type { Actor } from '../../../platform/auth/principal.ts';
import type { Database, Queryable, Tx } from '../../../platform/db/database.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import { requireDepartmentRef, requireOpenCentre, requireZoneRef } from '../references.ts';
import { mapUniqueViolations } from '../unique-violation.ts';
import * as repo from './counter.repository.ts';
import type { CounterCreate, CounterStatusBody, CounterUpdate, CounterView, CounterWriteView } from './counter.schemas.ts';
import { staffingChanged } from '../staffing.events.ts';

export function counterView({ counter: c, zoneName, departmentName }: repo.CounterWithNames): CounterView {
  const kind = c.kind as CounterKind;
  const status = c.serviceStatus as CounterStatus;
  return {
    id: c.id,
    centreId: c.centreId,
    number: c.number,
    name: c.name,
    zoneId: c.zoneId,
    zoneName,
    kind,
    kindLabel: COUNTER_KIND_LABELS[kind],
    areaName: c.areaName,
    departmentId: c.departmentId,
    departmentName,
    status,
    statusLabel: COUNTER_STATUS_LABELS[status],
    awayReason: c.awayReason,
    expectedReturnAt: c.expectedReturnAt?.toISOString() ?? null,
    retiredAt: c.retiredAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** Epoch milliseconds (of the list query) as `Date.prototype.toISOString()` writes them, like single reads. */
function isoOfMs(ms: number | null): string | null {
  return ms === null ? null : new Date(Math.round(ms)).toISOString();
}

/** The same view as {@link counterView}, from a row of the list query. */
function listedCounterView(centreId: string, r: repo.CounterListRow): CounterView {
  const kind = r.kind as CounterKind;
  const status = r.status as CounterStatus;
  return {
    id: r.id,
    centreId,
    number: r.number,
    name: r.name,
    zoneId: r.zoneId,
    zoneName: r.zoneName,
    kind,
    kindLabel: COUNTER_KIND_LABELS[kind],
    areaName: r.areaName,
    departmentId: r.departmentId,
    departmentName: r.departmentName,
    status,
    statusLabel: COUNTER_STATUS_LABELS[status],
    awayReason: r.awayReason,
    expectedReturnAt: isoOfMs(r.expectedReturnAt),
    retiredAt: isoOfMs(r.retiredAt),
    createdAt: isoOfMs(r.createdAt)!,
    updatedAt: isoOfMs(r.updatedAt)!,
  };
}

/** The centre and department of a counter, for access control of `/counters/:id`. */
export async function counterCentre(deps: AppDeps, id: string): Promise<{ centreId: string } | undefined> {
  const row = await repo.findCounter(deps.db, id);
  return row && { centreId: row.centreId };
}

/**
 * For the status route: a clerk or chief representative scoped to a department may set
 * the status of that department's counters (and of the centre's own counters).
 */
export async function counterCentreAndDepartment(deps: AppDeps, id: string): Promise<{ centreId: string; departmentId: string | null } | undefined> {
  const row = await repo.findCounter(deps.db, id);
  return row && { centreId: row.centreId, departmentId: row.departmentId };
}

async function checkNumber(q: Queryable, centreId: string, number: string, selfId: string | null): Promise<void> {
  if (await repo.findActiveCounterByNumber(q, centreId, number, selfId)) throw fieldError('COUNTER_NUMBER_TAKEN', '/number', `窗口编号 ${number} 已存在`);
}

function checkKind(kind: CounterKind, areaName: string | null): void {
  const issues = checkCounterKind(kind, areaName);
  if (issues.length > 0) throw new AppError('COUNTER_AREA_REQUIRED', { fields: issues, message: issues[0]!.message });
}

async function warningsFor(q: Queryable, row: repo.CounterRow): Promise<Warning[]> {
  if (row.kind !== 'professional' || row.retiredAt) return [];
  const w = professionalAreaWarning(await repo.professionalAreaNames(q, row.centreId, null));
  return w ? [w] : [];
}

async function viewOf(q: Queryable, id: string): Promise<CounterView> {
  const row = await repo.findCounterWithNames(q, id);
  if (!row) throw new AppError('COUNTER_NOT_FOUND');
  return counterView(row);
}

export async function createCounter(deps: AppDeps, actor: Actor, centreId: string, input: CounterCreate): Promise<CounterWriteView> {
  const number = input.number.trim().toUpperCase();
  const areaName = input.areaName?.trim() || null;
  checkKind(input.kind, areaName);
  const now = deps.clock();
  return mapUniqueViolations(() =>
    deps.db.transaction(async (tx) => {
      await requireOpenCentre(tx, centreId);
      const zone = input.zoneId ? await requireZoneRef(tx, centreId, input.zoneId, '/zoneId') : undefined;
      const department = input.departmentId ? await requireDepartmentRef(tx, centreId, input.departmentId, '/departmentId') : undefined;
      await checkNumber(tx, centreId, number, null);
      const row = await repo.insertCounter(tx, {
        id: randomUUID(),
        centreId,
        number,
        sortKey: counterSortKey(number),
        name: input.name.trim(),
        zoneId: input.zoneId ?? null,
        kind: input.kind,
        areaName,
        departmentId: input.departmentId ?? null,
        serviceStatus: 'closed',
        createdAt: now,
        updatedAt: now,
      });
      await writeAudit(tx, actor, now, { centreId, entity: 'counter', entityId: row.id, action: 'create', after: row });
      await repo.touchCounterList(tx, centreId);
      const view = counterView({ counter: row, zoneName: zone?.name ?? null, departmentName: department?.name ?? null });
      return { ...view, warnings: await warningsFor(tx, row) };
    }),
  );
}

export async function getCounter(deps: AppDeps, id: string): Promise<CounterView> {
  return viewOf(deps.db, id);
}

export async function listCounters(deps: AppDeps, centreId: string, includeRetired: boolean): Promise<CounterView[]> {
  const read = await repo.readCounterList(deps.db, centreId, includeRetired, null);
  if (!read.found) throw new AppError('CENTRE_NOT_FOUND');
  return read.unchanged ? [] : read.rows.map((r) => listedCounterView(centreId, r));
}

interface CachedList {
  readonly stamp: string;
  readonly body: Buffer;
}
/** Serialized lists by centre and filter, each with the stamp it was read under. */
const listCache = new Map<string, CachedList>();
const LIST_CACHE_MAX = 1_000;

/**
 * The list as the JSON body of the response, from one query. Counter screens and
 * signs ask for it far more often than it changes: while the centre's counter-list
 * stamp is the one the last answer was read under, that answer is sent again as it
 * was serialized (the query then returns one row). `serialize` is the route's own
 * response serializer.
 */
export async function counterListBody(
  deps: AppDeps,
  centreId: string,
  includeRetired: boolean,
  serialize: (list: { items: CounterView[] }) => string | ArrayBuffer | Buffer,
): Promise<Buffer> {
  const key = `${centreId}|${includeRetired ? 'all' : 'active'}`;
  const cached = listCache.get(key);
  const read = await repo.readCounterList(deps.db, centreId, includeRetired, cached?.stamp ?? null);
  if (!read.found) throw new AppError('CENTRE_NOT_FOUND');
  if (read.unchanged && cached) return cached.body;
  const items = read.unchanged ? [] : read.rows.map((r) => listedCounterView(centreId, r));
  const serialized = serialize({ items });
  const body = typeof serialized === 'string' ? Buffer.from(serialized) : Buffer.from(new Uint8Array(serialized));
  if (listCache.size >= LIST_CACHE_MAX) listCache.clear();
  listCache.set(key, { stamp: read.stamp, body });
  return body;
}

export async function updateCounter(deps: AppDeps, actor: Actor, id: string, input: CounterUpdate): Promise<CounterWriteView> {
  const now = deps.clock();
  return mapUniqueViolations(() =>
    deps.db.transaction(async (tx) => {
      const before = await repo.lockCounter(tx, id);
      if (!before) throw new AppError('COUNTER_NOT_FOUND');
      if (before.retiredAt) throw new AppError('ENTITY_RETIRED');
      const changes: Partial<repo.CounterInsert> = { updatedAt: now };
      if (input.number !== undefined) {
        changes.number = input.number.trim().toUpperCase();
        changes.sortKey = counterSortKey(changes.number);
        await checkNumber(tx, before.centreId, changes.number, id);
      }
      if (input.name !== undefined) changes.name = input.name.trim();
      if (input.kind !== undefined) changes.kind = input.kind;
      if (input.areaName !== undefined) changes.areaName = input.areaName?.trim() || null;
      checkKind((changes.kind ?? before.kind) as CounterKind, changes.areaName !== undefined ? changes.areaName : before.areaName);
      if (input.zoneId !== undefined) {
        if (input.zoneId) await requireZoneRef(tx, before.centreId, input.zoneId, '/zoneId');
        changes.zoneId = input.zoneId;
      }
      if (input.departmentId !== undefined) {
        if (input.departmentId) await requireDepartmentRef(tx, before.centreId, input.departmentId, '/departmentId');
        changes.departmentId = input.departmentId;
      }
      const after = await repo.updateCounter(tx, id, changes);
      await writeAudit(tx, actor, now, { centreId: before.centreId, entity: 'counter', entityId: id, action: 'update', before, after });
      await repo.touchCounterList(tx, before.centreId);
      await staffingChanged(deps, tx, before.centreId);
      return { ...(await viewOf(tx, id)), warnings: await warningsFor(tx, after) };
    }),
  );
}

/**
 * Told in the transaction of every status change and of a retirement, as its last step:
 * the queue module sends the counter's card to the hall and counter screens (§6.4.2),
 * and on retirement signs out the clerk still signed in there (refusing while the counter
 * holds a called or serving ticket). One listener per database, set when the routes are
 * registered.
 */
export interface CounterStatusChange {
  readonly counterId: string;
  readonly centreId: string;
  readonly retired: boolean;
  readonly actor: Actor;
  readonly now: Date;
}
export type CounterStatusListener = (deps: AppDeps, tx: Tx, change: CounterStatusChange) => Promise<void>;
const statusListeners = new WeakMap<Database, CounterStatusListener>();

export function onCounterStatusChange(deps: AppDeps, listener: CounterStatusListener): void {
  statusListeners.set(deps.database, listener);
}

/** §5.1.5.1: the counter serves, pauses, is away (with whereabouts and expected return) or is closed. */
export async function setCounterStatus(deps: AppDeps, actor: Actor, id: string, input: CounterStatusBody): Promise<CounterView> {
  const now = deps.clock();
  const next = applyCounterStatus(
    {
      status: input.status,
      awayReason: input.awayReason,
      expectedReturnAt: input.expectedReturnAt ? new Date(input.expectedReturnAt) : null,
    },
    now,
  );
  return deps.db.transaction(async (tx) => {
    const before = await repo.lockCounter(tx, id);
    if (!before) throw new AppError('COUNTER_NOT_FOUND');
    if (before.retiredAt) throw new AppError('ENTITY_RETIRED');
    const after = await repo.updateCounter(tx, id, {
      serviceStatus: next.status,
      awayReason: next.awayReason,
      expectedReturnAt: next.expectedReturnAt,
      updatedAt: now,
    });
    await writeAudit(tx, actor, now, {
      centreId: before.centreId,
      entity: 'counter',
      entityId: id,
      action: 'status',
      before: { serviceStatus: before.serviceStatus, awayReason: before.awayReason, expectedReturnAt: before.expectedReturnAt },
      after: { serviceStatus: after.serviceStatus, awayReason: after.awayReason, expectedReturnAt: after.expectedReturnAt },
    });
    await repo.touchCounterList(tx, before.centreId);
    const view = await viewOf(tx, id);
    await statusListeners.get(deps.database)?.(deps, tx, { counterId: id, centreId: before.centreId, retired: false, actor, now });
    return view;
  });
}

export async function retireCounter(deps: AppDeps, actor: Actor, id: string): Promise<CounterView> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const before = await repo.lockCounter(tx, id);
    if (!before) throw new AppError('COUNTER_NOT_FOUND');
    if (before.retiredAt) throw new AppError('ENTITY_RETIRED');
    // A retired counter no longer serves: its sign goes dark.
    const after = await repo.updateCounter(tx, id, { retiredAt: now, serviceStatus: 'closed', awayReason: null, expectedReturnAt: null, updatedAt: now });
    await writeAudit(tx, actor, now, { centreId: before.centreId, entity: 'counter', entityId: id, action: 'retire', before, after });
    await repo.touchCounterList(tx, before.centreId);
    await staffingChanged(deps, tx, before.centreId);
    await statusListeners.get(deps.database)?.(deps, tx, { counterId: id, centreId: before.centreId, retired: true, actor, now });
    return viewOf(tx, id);
  });
}
