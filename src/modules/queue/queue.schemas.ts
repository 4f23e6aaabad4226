/** Request and response schemas of queue configuration (docs/queue-api.md "Configuration"). */
import { Type, type Static } from 'typebox';
import { QUEUE_POOLS, QUEUE_WEIGHT_LIMIT } from '../../domain/queue/pool.ts';
import { PRIORITY_CLASSES } from '../../domain/queue/priority.ts';
import { NOTICE_MAX_LENGTH } from '../../domain/queue/settings.ts';
import { Nullable, TimeOfDay, Uuid } from '../../platform/http/schemas.ts';

const Window = Type.Object({ start: TimeOfDay, end: Type.Union([TimeOfDay, Type.Literal('24:00')]) }, { additionalProperties: false });

const QueueCounter = Type.Object(
  {
    counterId: Uuid,
    weight: Type.Number({ minimum: -QUEUE_WEIGHT_LIMIT, maximum: QUEUE_WEIGHT_LIMIT, description: '偏好权重（分；1 分相当于多等 1 分钟）' }),
  },
  { additionalProperties: false },
);

const Tidal = Type.Object(
  {
    openAtWaiting: Nullable(Type.Integer({ minimum: 1, maximum: 10_000, description: '等候人数达到此数时预警' })),
    openAtLongestWaitMinutes: Nullable(Type.Integer({ minimum: 1, maximum: 1_440, description: '最长等候分钟数达到此数时预警' })),
    tidalCounterIds: Type.Array(Uuid, { maxItems: 50, description: '可为本队列开放的潮汐窗口；空：本中心任一潮汐窗口' }),
  },
  { additionalProperties: false },
);

const fields = {
  name: Type.String({ minLength: 1, maxLength: 30, description: '队列名称，如“综合受理”' }),
  prefix: Type.String({ pattern: '^[A-Za-z]$', description: '号码字头，一个英文字母，本中心唯一' }),
  pool: Type.Enum(QUEUE_POOLS, { description: 'comprehensive 综合窗口（抢单）/ professional 专业区 / special 指定窗口' }),
  areaName: Nullable(Type.String({ minLength: 1, maxLength: 30, description: '专业区名称（§7.1.6.3），专业区队列必填' })),
  itemIds: Type.Array(Uuid, { maxItems: 2_000, uniqueItems: true, description: '本队列受理的事项' }),
  dailyQuota: Nullable(Type.Integer({ minimum: 1, maximum: 9_999, description: '每日号源（取号机与手机取号）；空：不限' })),
  issuingWindows: Type.Array(Window, { maxItems: 10, description: '取号时间段；空：中心服务时间内' }),
  serviceMinutes: Nullable(Type.Number({ minimum: 0.5, maximum: 480, description: '预设平均办理时长（分钟），用于等候时间估算' })),
  counters: Type.Array(QueueCounter, { maxItems: 200 }),
  tidal: Nullable(Tidal),
  sortOrder: Type.Integer({ minimum: -10_000, maximum: 10_000 }),
};

export const QueueCreate = Type.Object(
  {
    name: fields.name,
    prefix: fields.prefix,
    pool: fields.pool,
    areaName: Type.Optional(fields.areaName),
    itemIds: Type.Optional(fields.itemIds),
    dailyQuota: Type.Optional(fields.dailyQuota),
    issuingWindows: Type.Optional(fields.issuingWindows),
    serviceMinutes: Type.Optional(fields.serviceMinutes),
    counters: Type.Optional(fields.counters),
    tidal: Type.Optional(fields.tidal),
    sortOrder: Type.Optional(fields.sortOrder),
  },
  { additionalProperties: false },
);
export type QueueCreate = Static<typeof QueueCreate>;

export const QueueUpdate = Type.Partial(Type.Object(fields), { additionalProperties: false, minProperties: 1 });
export type QueueUpdate = Static<typeof QueueUpdate>;

export const QueueView = Type.Object({
  id: Uuid,
  centreId: Uuid,
  name: Type.String(),
  prefix: Type.String(),
  pool: Type.Enum(QUEUE_POOLS),
  poolLabel: Type.String(),
  areaName: Nullable(Type.String()),
  itemIds: Type.Array(Uuid),
  dailyQuota: Nullable(Type.Integer()),
  issuingWindows: Type.Array(Type.Object({ start: Type.String(), end: Type.String() })),
  serviceMinutes: Nullable(Type.Number()),
  counters: Type.Array(Type.Object({ counterId: Uuid, weight: Type.Number() })),
  tidal: Nullable(Type.Object({ openAtWaiting: Nullable(Type.Integer()), openAtLongestWaitMinutes: Nullable(Type.Integer()), tidalCounterIds: Type.Array(Uuid) })),
  sortOrder: Type.Integer(),
  retiredAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type QueueView = Static<typeof QueueView>;

const Weights = Type.Object(Object.fromEntries(PRIORITY_CLASSES.map((c) => [c, Type.Optional(Type.Number())])), { additionalProperties: false });

/** The centre's queue settings (domain/queue/settings.ts); every part optional on input, each checked with its field path. */
export const QueueSettingsBody = Type.Object(
  {
    recallLimit: Type.Optional(Type.Integer()),
    priority: Type.Optional(
      Type.Object(
        {
          weights: Type.Optional(Weights),
          ageingPerMinute: Type.Optional(Type.Number()),
          elderlyAge: Type.Optional(Type.Integer()),
          appointmentLateMinutes: Type.Optional(Type.Integer()),
        },
        { additionalProperties: false },
      ),
    ),
    issuing: Type.Optional(Type.Object({ mobilePerPhone: Type.Optional(Type.Integer()), mobilePerIdNumber: Type.Optional(Type.Integer()) }, { additionalProperties: false })),
    estimate: Type.Optional(
      Type.Object(
        {
          sampleSize: Type.Optional(Type.Integer()),
          priorWeight: Type.Optional(Type.Integer()),
          fallbackServiceMinutes: Type.Optional(Type.Number()),
          maxSampleMinutes: Type.Optional(Type.Number()),
        },
        { additionalProperties: false },
      ),
    ),
    tidal: Type.Optional(Type.Object({ clearRatio: Type.Optional(Type.Number()), calmMinutes: Type.Optional(Type.Integer()) }, { additionalProperties: false })),
    voice: Type.Optional(
      Type.Object(
        {
          repeat: Type.Optional(Type.Integer()),
          rate: Type.Optional(Type.Number()),
          elderlyRepeat: Type.Optional(Type.Integer()),
          elderlyRate: Type.Optional(Type.Number()),
          volume: Type.Optional(Type.Number()),
        },
        { additionalProperties: false },
      ),
    ),
    notify: Type.Optional(Type.Object({ nearPlace: Type.Optional(Type.Integer()) }, { additionalProperties: false })),
    display: Type.Optional(Type.Object({ notice: Type.Optional(Type.String({ maxLength: NOTICE_MAX_LENGTH * 2 })) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type QueueSettingsBody = Static<typeof QueueSettingsBody>;

/** The full settings, every default filled in. */
export const QueueSettingsView = Type.Object({
  recallLimit: Type.Integer(),
  priority: Type.Object({
    weights: Type.Object(Object.fromEntries(PRIORITY_CLASSES.map((c) => [c, Type.Number()]))),
    ageingPerMinute: Type.Number(),
    elderlyAge: Type.Integer(),
    appointmentLateMinutes: Type.Integer(),
  }),
  issuing: Type.Object({ mobilePerPhone: Type.Integer(), mobilePerIdNumber: Type.Integer() }),
  estimate: Type.Object({ sampleSize: Type.Integer(), priorWeight: Type.Integer(), fallbackServiceMinutes: Type.Number(), maxSampleMinutes: Type.Number() }),
  tidal: Type.Object({ clearRatio: Type.Number(), calmMinutes: Type.Integer() }),
  voice: Type.Object({ repeat: Type.Integer(), rate: Type.Number(), elderlyRepeat: Type.Integer(), elderlyRate: Type.Number(), volume: Type.Number() }),
  notify: Type.Object({ nearPlace: Type.Integer() }),
  display: Type.Object({ notice: Type.String() }),
});
export type QueueSettingsView = Static<typeof QueueSettingsView>;
