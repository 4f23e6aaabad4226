/**
 * What the public portal (门户) reads of a centre, without login: only what the
 * standard has the centre publish. Nothing private (staff phones, linked accounts,
 * non-public zones) is in these schemas, so the serializer cannot leak it.
 */
import { Type, type Static } from 'typebox';
import { CENTRE_LEVELS, COUNTER_STATUSES } from '../../../domain/organisation/types.ts';
import { Nullable, Uuid } from '../../../platform/http/schemas.ts';
import { PhonesSchema, ServiceHoursSchema } from '../centres/centre.schemas.ts';
import { BoardEntry } from '../staff/staff.schemas.ts';

export const PublicCentreSummary = Type.Object({
  id: Uuid,
  name: Type.String(),
  level: Type.Enum(CENTRE_LEVELS),
  levelLabel: Type.String(),
  address: Type.String(),
});
export type PublicCentreSummary = Static<typeof PublicCentreSummary>;

/** §5.2.3.2 免费无线网络公示: network name and simple password, as posted in the hall. */
export const PublicWifi = Type.Object({ ssid: Type.String(), password: Type.String(), notice: Nullable(Type.String()) });

export const PublicZone = Type.Object({ id: Uuid, name: Type.String(), kind: Type.String(), kindLabel: Type.String() });

/** §5.1.3.2 楼层索引: one floor and the public zones on it. */
export const PublicFloor = Type.Object({ floor: Type.String(), zones: Type.Array(PublicZone) });
export type PublicFloor = Static<typeof PublicFloor>;

/** A counter and what it handles (its kind and department). */
export const PublicCounter = Type.Object({
  id: Uuid,
  number: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  kindLabel: Type.String(),
  zoneName: Nullable(Type.String()),
  areaName: Nullable(Type.String()),
  departmentName: Nullable(Type.String()),
  status: Type.Enum(COUNTER_STATUSES),
  statusLabel: Type.String(),
});
export type PublicCounter = Static<typeof PublicCounter>;

export const PublicCentre = Type.Object({
  ...PublicCentreSummary.properties,
  divisionCode: Type.String(),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  /** §5.1.3.1 服务时间, with the extended and off-peak windows of §8.1.3.5. */
  serviceHours: ServiceHoursSchema,
  /** §5.1.3.1 咨询、预约、投诉、监督电话. */
  phones: PhonesSchema,
  wifi: Nullable(PublicWifi),
  /** Departments stationed in the centre, for the portal's item search filter. */
  departments: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
  floors: Type.Array(PublicFloor),
  counters: Type.Array(PublicCounter),
  /** §5.1.3.3 岗位公示栏. */
  staffBoard: Type.Array(BoardEntry),
});
export type PublicCentre = Static<typeof PublicCentre>;
