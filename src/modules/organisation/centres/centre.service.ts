/** Use cases of centres: create, read, list, update, retire. All audited. */
import { randomUUID } from 'node:crypto';
import { checkCentreName, validateServiceHours, type Warning } from '../../../domain/organisation/centre-rules.ts';
import type { CentreLevel } from '../../../domain/organisation/types.ts';
import { AppError, fieldError, type FieldIssue } from '../../../domain/shared/errors.ts';
import { writeAudit } from '../../../platform/audit/audit.ts';
import type { Actor } from '../../../platform/auth/principal.ts';
import type { Queryable } from '../../../platform/db/database.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import { divisionName } from '../divisions.ts';
import { CENTRE_TOPIC } from './centre.events.ts';
import * as repo from './centre.repository.ts';
import type { CentreCreate, CentreUpdate, CentreView } from './centre.schemas.ts';

export function centreView(row: repo.CentreRow): CentreView {
  return {
    id: row.id,
    name: row.name,
    level: row.level as CentreLevel,
    parentId: row.parentId,
    divisionCode: row.divisionCode,
    divisionName: divisionName(row.divisionCode) ?? '',
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    phones: row.phones,
    wifi: row.wifi ?? null,
    serviceHours: row.serviceHours,
    retiredAt: row.retiredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    warnings: nameWarnings(row.name, row.level as CentreLevel),
  };
}

function nameWarnings(name: string, level: CentreLevel): Warning[] {
  const w = checkCentreName(name, level);
  return w ? [w] : [];
}

async function checkRules(q: Queryable, input: Partial<CentreCreate>, selfId: string | null): Promise<void> {
  const issues: FieldIssue[] = [];
  if (input.divisionCode !== undefined && !divisionName(input.divisionCode)) {
    issues.push({ path: '/divisionCode', code: 'DIVISION_CODE_INVALID', message: `行政区划代码 ${input.divisionCode} 不存在（GB/T 2260）` });
  }
  if (input.serviceHours) issues.push(...validateServiceHours(input.serviceHours));
  if (issues.length > 0) throw new AppError(issues[0]!.code as 'DIVISION_CODE_INVALID', { fields: issues, message: issues.map((i) => i.message).join('；') });
  if (input.parentId) {
    if (input.parentId === selfId) throw fieldError('CENTRE_PARENT_INVALID', '/parentId', '上级中心不能是自身');
    let cursor: string | null = input.parentId;
    // No cycles: walk up from the new parent; meeting self would close a loop.
    for (let depth = 0; cursor && depth < 10; depth++) {
      const parent: repo.CentreRow | undefined = await repo.findCentre(q, cursor);
      if (!parent) throw fieldError('CENTRE_PARENT_INVALID', '/parentId', '上级中心不存在');
      if (parent.retiredAt) throw fieldError('CENTRE_PARENT_INVALID', '/parentId', '上级中心已撤销');
      if (parent.id === selfId) throw fieldError('CENTRE_PARENT_INVALID', '/parentId', '上级中心不能是自身的下级');
      cursor = parent.parentId;
    }
  }
}

export async function createCentre(deps: AppDeps, actor: Actor, input: CentreCreate): Promise<CentreView> {
  await checkRules(deps.db, input, null);
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const row = await repo.insertCentre(tx, {
      id: randomUUID(),
      name: input.name.trim(),
      level: input.level,
      parentId: input.parentId ?? null,
      divisionCode: input.divisionCode,
      address: input.address,
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      phones: input.phones,
      wifi: input.wifi ?? null,
      serviceHours: input.serviceHours,
      createdAt: now,
      updatedAt: now,
    });
    await writeAudit(tx, actor, now, { centreId: row.id, entity: 'centre', entityId: row.id, action: 'create', after: row });
    return centreView(row);
  });
}

export async function getCentre(deps: AppDeps, id: string): Promise<CentreView> {
  const row = await repo.findCentre(deps.db, id);
  if (!row) throw new AppError('CENTRE_NOT_FOUND');
  return centreView(row);
}

export async function listCentres(deps: AppDeps, ids: 'all' | string[], includeRetired: boolean): Promise<CentreView[]> {
  return (await repo.listCentres(deps.db, { ids, includeRetired })).map(centreView);
}

export async function updateCentre(deps: AppDeps, actor: Actor, id: string, input: CentreUpdate): Promise<CentreView> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const before = await repo.lockCentre(tx, id);
    if (!before) throw new AppError('CENTRE_NOT_FOUND');
    if (before.retiredAt) throw new AppError('CENTRE_RETIRED');
    await checkRules(tx, input, id);
    const after = await repo.updateCentre(tx, id, { ...input, ...(input.name ? { name: input.name.trim() } : {}), updatedAt: now });
    await writeAudit(tx, actor, now, { centreId: id, entity: 'centre', entityId: id, action: 'update', before, after });
    await deps.database.changes.publish(tx, CENTRE_TOPIC, id);
    return centreView(after);
  });
}

export async function retireCentre(deps: AppDeps, actor: Actor, id: string): Promise<CentreView> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const before = await repo.lockCentre(tx, id);
    if (!before) throw new AppError('CENTRE_NOT_FOUND');
    if (before.retiredAt) throw new AppError('CENTRE_RETIRED');
    const after = await repo.updateCentre(tx, id, { retiredAt: now, updatedAt: now });
    await writeAudit(tx, actor, now, { centreId: id, entity: 'centre', entityId: id, action: 'retire', before, after });
    await deps.database.changes.publish(tx, CENTRE_TOPIC, id);
    return centreView(after);
  });
}
