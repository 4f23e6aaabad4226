import { Type, type Static } from 'typebox';
import { DEVICE_ROLES } from '../../domain/accounts/roles.ts';
import { Nullable, Uuid } from '../../platform/http/schemas.ts';

export const DeviceTokenCreate = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 50, pattern: '\\S', description: '设备名称，如“一楼大厅取号机 1”' }),
    role: Type.Enum(DEVICE_ROLES),
  },
  { additionalProperties: false },
);
export type DeviceTokenCreate = Static<typeof DeviceTokenCreate>;

const fields = {
  id: Uuid,
  centreId: Uuid,
  name: Type.String(),
  role: Type.Enum(DEVICE_ROLES),
  tokenPrefix: Type.String({ description: '令牌开头几位，用于辨认' }),
  createdBy: Nullable(Uuid),
  createdAt: Type.String(),
  lastUsedAt: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
};

/** A token as listed: never the token itself. */
export const DeviceTokenView = Type.Object(fields);
export type DeviceTokenView = Static<typeof DeviceTokenView>;

/** Answer to creation: the only time the token is shown. */
export const DeviceTokenCreated = Type.Object({ ...fields, token: Type.String({ description: '仅此一次显示，请立即配置到设备' }) });
export type DeviceTokenCreated = Static<typeof DeviceTokenCreated>;
