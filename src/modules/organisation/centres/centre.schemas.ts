import { Type, type Static } from 'typebox';
import { CENTRE_LEVELS } from '../../../domain/organisation/types.ts';
import { Nullable, Phone, TimeOfDay, Uuid } from '../../../platform/http/schemas.ts';

const Window = Type.Object({ start: TimeOfDay, end: TimeOfDay }, { additionalProperties: false });

export const ServiceHoursSchema = Type.Object(
  {
    morning: Window,
    afternoon: Window,
    lunchService: Type.Boolean({ description: '§8.1.3.5 b 午休期间提供服务' }),
    early: Nullable(Window),
    late: Nullable(Window),
    saturday: Nullable(Window),
    sunday: Nullable(Window),
  },
  { additionalProperties: false },
);

export const PhonesSchema = Type.Object(
  { consultation: Phone, appointment: Phone, complaint: Phone, supervision: Phone },
  { additionalProperties: false, description: '§5.1.3.1 咨询、预约、投诉、监督电话' },
);

export const WifiSchema = Type.Object(
  { ssid: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ maxLength: 64 }), notice: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false, description: '§5.2.3.2 免费无线网络公示' },
);

const fields = {
  name: Type.String({ minLength: 2, maxLength: 100 }),
  level: Type.Enum(CENTRE_LEVELS),
  parentId: Nullable(Uuid),
  divisionCode: Type.String({ pattern: '^\\d{6}(\\d{3})?$', description: 'GB/T 2260' }),
  address: Type.String({ minLength: 2, maxLength: 200 }),
  latitude: Nullable(Type.Number({ minimum: -90, maximum: 90 })),
  longitude: Nullable(Type.Number({ minimum: -180, maximum: 180 })),
  phones: PhonesSchema,
  wifi: Nullable(WifiSchema),
  serviceHours: ServiceHoursSchema,
};

export const CentreCreate = Type.Object(
  {
    ...fields,
    parentId: Type.Optional(fields.parentId),
    latitude: Type.Optional(fields.latitude),
    longitude: Type.Optional(fields.longitude),
    wifi: Type.Optional(fields.wifi),
  },
  { additionalProperties: false },
);
export type CentreCreate = Static<typeof CentreCreate>;

export const CentreUpdate = Type.Partial(Type.Object(fields), { additionalProperties: false, minProperties: 1 });
export type CentreUpdate = Static<typeof CentreUpdate>;

export const WarningSchema = Type.Object({ code: Type.String(), path: Type.String(), message: Type.String() });

export const CentreView = Type.Object({
  id: Uuid,
  ...fields,
  divisionName: Type.String(),
  retiredAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  warnings: Type.Array(WarningSchema),
});
export type CentreView = Static<typeof CentreView>;
