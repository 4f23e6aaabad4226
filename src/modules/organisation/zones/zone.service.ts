/** Use cases of a centre's functional areas (功能区, DB36/T 2016 §6.1.3): create, read, list, update, retire. All audited. */
import { randomUUID } from 'node:crypto';
import { ZONE_KIND_LABELS, type ZoneKind } from '../../../domain/organisation/types.ts';
import { areaBalance, defaultPublicUse } from '../../../domain/organisation/zone-rules.ts';
import { AppError, fieldError } from '../../../domain/shared/errors.ts';
import { writeAudit } from '../../../platform/audit/audit.ts';
import type { Actor } from '../../../platform/auth/principal.ts';
import type { Queryable } from '../../../platform/db/database.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import { touchCounterList } from '../counters/counter.repository.ts';
import { requireCentre, requireOpenCentre } from '../references.ts';
import { mapUniqueViolations } from '../unique-violation.ts';
import * as repo from './zone.repository.ts';
import type { ZoneCreate, ZoneList, ZoneUpdate, ZoneView } from './zone.schemas.ts';

export function zoneView(row: repo.ZoneRow): ZoneView {
  const kind = row.kind as ZoneKind;
  return {
    id: row.id,
    centreId: row.centreId,
    name: row.name,
    kind,
    kindLabel: ZONE_KIND_LABELS[kind],
    floor: row.floor,
    areaM2: row.areaM2,
    publicUse: row.publicUse,
    retiredAt: row.retiredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The centre a zone belongs to, for access control of `/zones/:id`. */
export async function zoneCentre(deps: AppDeps, id: string): Promise<{ centreId: string } | undefined> {
  const row = await repo.findZone(deps.db, id);
  return row && { centreId: row.centreId };
}

async function checkName(q: Queryable, centreId: string, name: string, selfId: string | null): Promise<void> {
  if (await repo.findActiveZoneByName(q, centreId, name, selfId)) throw fieldError('ZONE_NAME_TAKEN', '/name', `功能区名称“${name}”已存在`);
}

export async function createZone(deps: AppDeps, actor: Actor, centreId: string, input: ZoneCreate): Promise<ZoneView> {
  const name = input.name.trim();
  const now = deps.clock();
  return mapUniqueViolations(() =>
    deps.db.transaction(async (tx) => {
      await requireOpenCentre(tx, centreId);
      await checkName(tx, centreId, name, null);
      const row = await repo.insertZone(tx, {
        id: randomUUID(),
        centreId,
        name,
        kind: input.kind,
        floor: input.floor.trim(),
        areaM2: input.areaM2 ?? null,
        publicUse: input.publicUse ?? defaultPublicUse(input.kind),
        createdAt: now,
        updatedAt: now,
      });
      await writeAudit(tx, actor, now, { centreId, entity: 'zone', entityId: row.id, action: 'create', after: row });
      return zoneView(row);
    }),
  );
}

export async function getZone(deps: AppDeps, id: string): Promise<ZoneView> {
  const row = await repo.findZone(deps.db, id);
  if (!row) throw new AppError('ZONE_NOT_FOUND');
  return zoneView(row);
}

/** The zones, with the §6.1.4 balance of public and staff surfaces over the active ones. */
export async function listZones(deps: AppDeps, centreId: string, includeRetired: boolean): Promise<ZoneList> {
  const rows = await repo.listZones(deps.db, centreId, includeRetired);
  if (rows.length === 0) await requireCentre(deps.db, centreId);
  return { items: rows.map(zoneView), areaBalance: areaBalance(rows.filter((r) => !r.retiredAt)) };
}

export async function updateZone(deps: AppDeps, actor: Actor, id: string, input: ZoneUpdate): Promise<ZoneView> {
  const now = deps.clock();
  return mapUniqueViolations(() =>
    deps.db.transaction(async (tx) => {
      const before = await repo.lockZone(tx, id);
      if (!before) throw new AppError('ZONE_NOT_FOUND');
      if (before.retiredAt) throw new AppError('ENTITY_RETIRED');
      const changes: Partial<repo.ZoneInsert> = { ...input, updatedAt: now };
      if (input.name !== undefined) {
        changes.name = input.name.trim();
        await checkName(tx, before.centreId, changes.name, id);
      }
      if (input.floor !== undefined) changes.floor = input.floor.trim();
      const after = await repo.updateZone(tx, id, changes);
      await writeAudit(tx, actor, now, { centreId: before.centreId, entity: 'zone', entityId: id, action: 'update', before, after });
      // Counter lists show zone names.
      await touchCounterList(tx, before.centreId);
      return zoneView(after);
    }),
  );
}

export async function retireZone(deps: AppDeps, actor: Actor, id: string): Promise<ZoneView> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const before = await repo.lockZone(tx, id);
    if (!before) throw new AppError('ZONE_NOT_FOUND');
    if (before.retiredAt) throw new AppError('ENTITY_RETIRED');
    const after = await repo.updateZone(tx, id, { retiredAt: now, updatedAt: now });
    await writeAudit(tx, actor, now, { centreId: before.centreId, entity: 'zone', entityId: id, action: 'retire', before, after });
    await touchCounterList(tx, before.centreId);
    return zoneView(after);
  });
}
