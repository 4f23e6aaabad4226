import { Type, type Static } from 'typebox';
import { ZONE_KINDS } from '../../../domain/organisation/types.ts';
import { Nullable, Uuid } from '../../../platform/http/schemas.ts';

const fields = {
  name: Type.String({ minLength: 2, maxLength: 50, description: '如“一楼综合窗口服务区”' }),
  kind: Type.Enum(ZONE_KINDS, { description: 'DB36/T 2016 §6.1.3 功能区类别' }),
  floor: Type.String({ minLength: 1, maxLength: 10, description: '楼层，如 1F、2F、B1' }),
  areaM2: Nullable(Type.Number({ exclusiveMinimum: 0, maximum: 100000, description: '面积（平方米）' })),
  publicUse: Type.Boolean({ description: '服务对象使用（§6.1.4 比较服务对象与工作人员使用面积）' }),
};

export const ZoneCreate = Type.Object(
  {
    name: fields.name,
    kind: fields.kind,
    floor: fields.floor,
    areaM2: Type.Optional(fields.areaM2),
    publicUse: Type.Optional(Type.Boolean({ description: '缺省：办公区、辅助区为否，其余为是' })),
  },
  { additionalProperties: false },
);
export type ZoneCreate = Static<typeof ZoneCreate>;

export const ZoneUpdate = Type.Partial(Type.Object(fields), { additionalProperties: false, minProperties: 1 });
export type ZoneUpdate = Static<typeof ZoneUpdate>;

export const ZoneView = Type.Object({
  id: Uuid,
  centreId: Uuid,
  ...fields,
  kindLabel: Type.String(),
  retiredAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type ZoneView = Static<typeof ZoneView>;

export const AreaBalanceSchema = Type.Object(
  {
    publicM2: Type.Number(),
    staffM2: Type.Number(),
    publicExceedsStaff: Nullable(Type.Boolean()),
  },
  { description: 'DB36/T 2016 §6.1.4：服务对象使用面积应大于工作人员使用面积（按在用功能区计）' },
);

export const ZoneList = Type.Object({ items: Type.Array(ZoneView), areaBalance: AreaBalanceSchema });
export type ZoneList = Static<typeof ZoneList>;
