/**
 * The public view of centres for the portal (门户): reads only, no login. A retired
 * centre is not public (404); only what the standard has the centre publish leaves.
 */
import { AppError } from '../../../domain/shared/errors.ts';
import { CENTRE_LEVEL_LABELS, ZONE_KIND_LABELS, type CentreLevel, type ZoneKind } from '../../../domain/organisation/types.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import { findCentre, listCentres, type CentreRow } from '../centres/centre.repository.ts';
import { listCounters } from '../counters/counter.service.ts';
import { staffBoard } from '../staff/staff.service.ts';
import { listDepartments } from '../departments/department.repository.ts';
import { listZones, type ZoneRow } from '../zones/zone.repository.ts';
import type { PublicCentre, PublicCentreSummary, PublicCounter, PublicFloor } from './public-centre.schemas.ts';

function summary(row: CentreRow): PublicCentreSummary {
  const level = row.level as CentreLevel;
  return { id: row.id, name: row.name, level, levelLabel: CENTRE_LEVEL_LABELS[level] ?? row.level, address: row.address };
}

/** DB36/T 2016 §5.1.3.2 楼层索引: the public zones grouped by floor; office and non-public zones stay out. */
export function floorIndex(zones: readonly ZoneRow[]): PublicFloor[] {
  const floors = new Map<string, PublicFloor>();
  for (const z of zones) {
    if (!z.publicUse || z.retiredAt) continue;
    let floor = floors.get(z.floor);
    if (!floor) {
      floor = { floor: z.floor, zones: [] };
      floors.set(z.floor, floor);
    }
    floor.zones.push({ id: z.id, name: z.name, kind: z.kind, kindLabel: ZONE_KIND_LABELS[z.kind as ZoneKind] ?? z.kind });
  }
  return [...floors.values()];
}

export async function listPublicCentres(deps: AppDeps): Promise<PublicCentreSummary[]> {
  const rows = await listCentres(deps.db, { ids: 'all', includeRetired: false });
  return rows.map(summary);
}

export async function getPublicCentre(deps: AppDeps, centreId: string): Promise<PublicCentre> {
  const centre = await findCentre(deps.db, centreId);
  if (!centre || centre.retiredAt) throw new AppError('CENTRE_NOT_FOUND');
  const [departments, zones, counters, board] = await Promise.all([
    listDepartments(deps.db, centreId, false),
    listZones(deps.db, centreId, false),
    listCounters(deps, centreId, false),
    // DB36/T 2016 §5.1.3.3: the same board the hall shows.
    staffBoard(deps, centreId),
  ]);
  const publicCounters: PublicCounter[] = counters.map((c) => ({
    id: c.id,
    number: c.number,
    name: c.name,
    kind: c.kind,
    kindLabel: c.kindLabel,
    zoneName: c.zoneName,
    areaName: c.areaName,
    departmentName: c.departmentName,
    status: c.status,
    statusLabel: c.statusLabel,
  }));
  return {
    ...summary(centre),
    divisionCode: centre.divisionCode,
    latitude: centre.latitude,
    longitude: centre.longitude,
    serviceHours: centre.serviceHours,
    phones: centre.phones,
    // DB36/T 2016 §5.2.3.2: the free Wi-Fi account and simple password are posted publicly.
    wifi: centre.wifi ? { ssid: centre.wifi.ssid, password: centre.wifi.password, notice: centre.wifi.notice ?? null } : null,
    departments: departments.map((d) => ({ id: d.department.id, name: d.department.name })),
    floors: floorIndex(zones),
    counters: publicCounters,
    staffBoard: board.items,
  };
}
