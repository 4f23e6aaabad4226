import { Type, type Static } from 'typebox';
import { COUNTER_NUMBER_MAX } from '../../../domain/organisation/counter-rules.ts';
import { COUNTER_KINDS, COUNTER_STATUSES } from '../../../domain/organisation/types.ts';
import { Nullable, Timestamp, Uuid } from '../../../platform/http/schemas.ts';
import { WarningSchema } from '../centres/centre.schemas.ts';

const fields = {
  number: Type.String({ minLength: 1, maxLength: COUNTER_NUMBER_MAX, pattern: '^[0-9A-Za-z-]+$', description: '窗口编号（叫号屏显示），如 1、A01' }),
  name: Type.String({ minLength: 1, maxLength: 50, description: '窗口功能（§5.1.5.1），如“综合受理”' }),
  zoneId: Nullable(Uuid),
  kind: Type.Enum(COUNTER_KINDS, { description: '综合 / 专业区 / 特殊 / 潮汐 / 延时错时' }),
  areaName: Nullable(Type.String({ minLength: 1, maxLength: 30, description: '专业区名称（§7.1.6.3），专业区窗口必填' })),
  departmentId: Nullable(Uuid),
};

export const CounterCreate = Type.Object(
  {
    number: fields.number,
    name: fields.name,
    kind: fields.kind,
    zoneId: Type.Optional(fields.zoneId),
    areaName: Type.Optional(fields.areaName),
    departmentId: Type.Optional(fields.departmentId),
  },
  { additionalProperties: false },
);
export type CounterCreate = Static<typeof CounterCreate>;

export const CounterUpdate = Type.Partial(Type.Object(fields), { additionalProperties: false, minProperties: 1 });
export type CounterUpdate = Static<typeof CounterUpdate>;

export const CounterStatusBody = Type.Object(
  {
    status: Type.Enum(COUNTER_STATUSES),
    awayReason: Type.Optional(Nullable(Type.String({ maxLength: 100, description: '去向（§5.1.5.1），暂离时必填' }))),
    expectedReturnAt: Type.Optional(Nullable(Timestamp)),
  },
  { additionalProperties: false },
);
export type CounterStatusBody = Static<typeof CounterStatusBody>;

export const CounterView = Type.Object({
  id: Uuid,
  centreId: Uuid,
  ...fields,
  kindLabel: Type.String(),
  zoneName: Nullable(Type.String()),
  departmentName: Nullable(Type.String()),
  status: Type.Enum(COUNTER_STATUSES),
  statusLabel: Type.String(),
  awayReason: Nullable(Type.String()),
  expectedReturnAt: Nullable(Type.String()),
  retiredAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type CounterView = Static<typeof CounterView>;

/** What a create or an update answers: the counter and the warnings of the standard it raised. */
export const CounterWriteView = Type.Object({ ...CounterView.properties, warnings: Type.Array(WarningSchema) });
export type CounterWriteView = Static<typeof CounterWriteView>;
