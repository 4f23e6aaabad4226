/**
 * Use cases of queue configuration: queues (prefix, pool, items, quota, issuing windows,
 * counters and weights, tidal thresholds) and the centre's queue settings. The checks are
 * the domain's (numbering.ts, pool.ts, issuing.ts, tidal.ts, settings.ts); every change
 * is audited in its transaction.
 */
import { randomUUID } from 'node:crypto';
import { checkIssuingSettings } from '../../domain/queue/issuing.ts';
import { checkQueuePrefix } from '../../domain/queue/numbering.ts';
import { checkQueuePool, QUEUE_POOL_LABELS, type QueuePool } from '../../domain/queue/pool.ts';
import { assertQueueSettings, withDefaults, type QueueSettings, type QueueSettingsInput } from '../../domain/queue/settings.ts';
import { checkTidalThresholds } from '../../domain/queue/tidal.ts';
import { AppError, fieldError, type ErrorCode, type FieldIssue } from '../../domain/shared/errors.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/principal.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { uniqueViolation } from '../../platform/db/unique-violation.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { requireCentre, requireOpenCentre } from '../organisation/references.ts';
import { queueConfigChanged } from './config-cache.ts';
import { countWaitingOfQueue } from './ticket.repository.ts';
import * as repo from './queue.repository.ts';
import type { QueueCreate, QueueSettingsBody, QueueUpdate, QueueView } from './queue.schemas.ts';

export function queueView(q: repo.QueueRow, counters: readonly repo.QueueCounterRow[]): QueueView {
  const watched = q.tidalOpenAtWaiting !== null || q.tidalOpenAtLongestWait !== null || q.tidalCounterIds.length > 0;
  return {
    id: q.id,
    centreId: q.centreId,
    name: q.name,
    prefix: q.prefix,
    pool: q.pool as QueuePool,
    poolLabel: QUEUE_POOL_LABELS[q.pool as QueuePool],
    areaName: q.areaName,
    itemIds: q.itemIds,
    dailyQuota: q.dailyQuota,
    issuingWindows: q.issuingWindows,
    serviceMinutes: q.serviceMinutes,
    counters: counters.map((c) => ({ counterId: c.counterId, weight: c.weight })),
    tidal: watched ? { openAtWaiting: q.tidalOpenAtWaiting, openAtLongestWaitMinutes: q.tidalOpenAtLongestWait, tidalCounterIds: q.tidalCounterIds } : null,
    sortOrder: q.sortOrder,
    retiredAt: q.retiredAt?.toISOString() ?? null,
    createdAt: q.createdAt.toISOString(),
    updatedAt: q.updatedAt.toISOString(),
  };
}

/** The centre of a queue, for access control of `/queues/:id`. */
export async function queueCentre(deps: AppDeps, id: string): Promise<{ centreId: string } | undefined> {
  const row = await repo.findQueue(deps.db, id);
  return row && { centreId: row.centreId };
}

async function viewOf(q: Queryable, row: repo.QueueRow): Promise<QueueView> {
  return queueView(row, (await repo.countersOfQueues(q, [row.id])).get(row.id) ?? []);
}

/** A queue as stored, before the checks. */
interface QueueDraft {
  readonly name: string;
  readonly prefix: string;
  readonly pool: QueuePool;
  readonly areaName: string | null;
  readonly itemIds: readonly string[];
  readonly dailyQuota: number | null;
  readonly issuingWindows: readonly { start: string; end: string }[];
  readonly serviceMinutes: number | null;
  readonly counters: readonly { counterId: string; weight: number }[];
  readonly tidal: { openAtWaiting: number | null; openAtLongestWaitMinutes: number | null; tidalCounterIds: readonly string[] } | null;
  readonly sortOrder: number;
}

/** Every fault of the draft, the domain's checks and the references, as one error. */
async function checkDraft(q: Queryable, centreId: string, selfId: string | null, d: QueueDraft): Promise<void> {
  const issues: FieldIssue[] = [
    ...checkQueuePrefix(d.prefix, await repo.takenPrefixes(q, centreId, selfId)),
    ...checkQueuePool({ pool: d.pool, areaName: d.areaName, counters: d.counters }),
    ...checkIssuingSettings({ issuingWindows: d.issuingWindows, dailyQuota: d.dailyQuota }),
    ...(d.tidal ? checkTidalThresholds(d.tidal) : []),
  ];
  const named = [...d.counters.map((c) => c.counterId), ...(d.tidal?.tidalCounterIds ?? [])];
  const found = new Map((await repo.activeCountersOf(q, centreId, named)).map((c) => [c.id, c]));
  d.counters.forEach((c, i) => {
    if (!found.has(c.counterId)) issues.push({ path: `/counters/${i}/counterId`, code: 'COUNTER_NOT_FOUND', message: '窗口不存在、已停用或不属于本中心' });
  });
  d.tidal?.tidalCounterIds.forEach((id, i) => {
    const c = found.get(id);
    if (!c) issues.push({ path: `/tidal/tidalCounterIds/${i}`, code: 'COUNTER_NOT_FOUND', message: '窗口不存在、已停用或不属于本中心' });
    else if (c.kind !== 'tidal') issues.push({ path: `/tidal/tidalCounterIds/${i}`, code: 'COUNTER_NOT_TIDAL', message: `${c.number} 号窗口不是潮汐窗口（DB36/T 2016 §6.4.7）` });
  });
  const items = await repo.activeItemIdsOf(q, centreId, d.itemIds);
  d.itemIds.forEach((id, i) => {
    if (!items.has(id)) issues.push({ path: `/itemIds/${i}`, code: 'ITEM_NOT_FOUND', message: '事项不存在、已停用或不属于本中心' });
  });
  if (issues.length > 0) {
    const first = issues[0]!;
    // An unknown reference in the body is 422 at its field, like referenceError().
    const options = { message: issues.map((i) => i.message).join('；'), fields: issues };
    throw new AppError(first.code as ErrorCode, first.code.endsWith('_NOT_FOUND') ? { ...options, kind: 'rule' } : options);
  }
}

function columnsOf(d: QueueDraft) {
  return {
    name: d.name,
    prefix: d.prefix,
    pool: d.pool,
    areaName: d.areaName,
    itemIds: [...d.itemIds],
    dailyQuota: d.dailyQuota,
    issuingWindows: d.issuingWindows.map((w) => ({ start: w.start, end: w.end })),
    serviceMinutes: d.serviceMinutes,
    tidalOpenAtWaiting: d.tidal?.openAtWaiting ?? null,
    tidalOpenAtLongestWait: d.tidal?.openAtLongestWaitMinutes ?? null,
    tidalCounterIds: [...(d.tidal?.tidalCounterIds ?? [])],
    sortOrder: d.sortOrder,
  };
}

async function mapPrefixTaken<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (uniqueViolation(err) === 'queues_centre_prefix_idx') throw fieldError('QUEUE_PREFIX_TAKEN', '/prefix');
    throw err;
  }
}

export async function listQueues(deps: AppDeps, centreId: string, includeRetired: boolean): Promise<QueueView[]> {
  await requireCentre(deps.db, centreId);
  const rows = await repo.listQueues(deps.db, centreId, includeRetired);
  const counters = await repo.countersOfQueues(
    deps.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => queueView(r, counters.get(r.id) ?? []));
}

export async function getQueue(deps: AppDeps, id: string): Promise<QueueView> {
  const row = await repo.findQueue(deps.db, id);
  if (!row) throw new AppError('QUEUE_NOT_FOUND');
  return viewOf(deps.db, row);
}

export async function createQueue(deps: AppDeps, actor: Actor, centreId: string, input: QueueCreate): Promise<QueueView> {
  const now = deps.clock();
  const draft: QueueDraft = {
    name: input.name.trim(),
    prefix: input.prefix.toUpperCase(),
    pool: input.pool,
    areaName: input.areaName?.trim() || null,
    itemIds: input.itemIds ?? [],
    dailyQuota: input.dailyQuota ?? null,
    issuingWindows: input.issuingWindows ?? [],
    serviceMinutes: input.serviceMinutes ?? null,
    counters: input.counters ?? [],
    tidal: input.tidal ?? null,
    sortOrder: input.sortOrder ?? 0,
  };
  return mapPrefixTaken(() =>
    deps.db.transaction(async (tx) => {
      await requireOpenCentre(tx, centreId);
      await checkDraft(tx, centreId, null, draft);
      const row = await repo.insertQueue(tx, { id: randomUUID(), centreId, ...columnsOf(draft), createdAt: now, updatedAt: now });
      await repo.replaceQueueCounters(tx, row.id, draft.counters);
      const view = await viewOf(tx, row);
      await writeAudit(tx, actor, now, { centreId, entity: 'queue', entityId: row.id, action: 'create', after: view });
      await queueConfigChanged(deps, tx, centreId);
      return view;
    }),
  );
}

export async function updateQueue(deps: AppDeps, actor: Actor, id: string, input: QueueUpdate): Promise<QueueView> {
  const now = deps.clock();
  return mapPrefixTaken(() =>
    deps.db.transaction(async (tx) => {
      const before = await repo.lockQueue(tx, id);
      if (!before) throw new AppError('QUEUE_NOT_FOUND');
      if (before.retiredAt) throw new AppError('ENTITY_RETIRED');
      const old = await viewOf(tx, before);
      const draft: QueueDraft = {
        name: input.name?.trim() ?? old.name,
        prefix: input.prefix?.toUpperCase() ?? old.prefix,
        pool: input.pool ?? old.pool,
        areaName: input.areaName !== undefined ? input.areaName?.trim() || null : old.areaName,
        itemIds: input.itemIds ?? old.itemIds,
        dailyQuota: input.dailyQuota !== undefined ? input.dailyQuota : old.dailyQuota,
        issuingWindows: input.issuingWindows ?? old.issuingWindows,
        serviceMinutes: input.serviceMinutes !== undefined ? input.serviceMinutes : old.serviceMinutes,
        counters: input.counters ?? old.counters,
        tidal: input.tidal !== undefined ? input.tidal : old.tidal,
        sortOrder: input.sortOrder ?? old.sortOrder,
      };
      await checkDraft(tx, before.centreId, id, draft);
      const after = await repo.updateQueue(tx, id, { ...columnsOf(draft), updatedAt: now });
      if (input.counters) await repo.replaceQueueCounters(tx, id, draft.counters);
      const view = await viewOf(tx, after);
      await writeAudit(tx, actor, now, { centreId: before.centreId, entity: 'queue', entityId: id, action: 'update', before: old, after: view });
      await queueConfigChanged(deps, tx, before.centreId);
      return view;
    }),
  );
}

/** Retires a queue (it stays in the statistics); refused while tickets of the day still wait in it. */
export async function retireQueue(deps: AppDeps, actor: Actor, id: string): Promise<QueueView> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const before = await repo.lockQueue(tx, id);
    if (!before) throw new AppError('QUEUE_NOT_FOUND');
    if (before.retiredAt) throw new AppError('ENTITY_RETIRED');
    const waiting = await countWaitingOfQueue(tx, id);
    if (waiting > 0) throw new AppError('QUEUE_HAS_WAITING_TICKETS', { message: `“${before.name}”仍有 ${waiting} 人等候，请先叫完或转移后再停用` });
    const after = await repo.updateQueue(tx, id, { retiredAt: now, updatedAt: now });
    await writeAudit(tx, actor, now, { centreId: before.centreId, entity: 'queue', entityId: id, action: 'retire', before: { retiredAt: null }, after: { retiredAt: now } });
    await queueConfigChanged(deps, tx, before.centreId);
    return viewOf(tx, after);
  });
}

export async function getSettings(deps: AppDeps, centreId: string): Promise<QueueSettings> {
  await requireCentre(deps.db, centreId);
  return withDefaults(await repo.readSettings(deps.db, centreId));
}

/** Replaces the centre's settings (parts left out take their defaults); QUEUE_SETTINGS_INVALID lists every bad field. */
export async function putSettings(deps: AppDeps, actor: Actor, centreId: string, body: QueueSettingsBody): Promise<QueueSettings> {
  const input = body as QueueSettingsInput;
  const settings = assertQueueSettings(input);
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    await requireOpenCentre(tx, centreId);
    const before = await repo.readSettings(tx, centreId);
    await repo.writeSettings(tx, centreId, input, now);
    await writeAudit(tx, actor, now, { centreId, entity: 'queue_settings', entityId: centreId, action: 'update', before, after: input });
    await queueConfigChanged(deps, tx, centreId);
    return settings;
  });
}
