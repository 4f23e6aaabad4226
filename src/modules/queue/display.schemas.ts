/** Schemas of the counter workstation, the displays and the public views (docs/queue-api.md). */
import { Type, type Static } from 'typebox';
import { COUNTER_KINDS, COUNTER_STATUSES } from '../../domain/organisation/types.ts';
import { PRIORITY_CLASSES } from '../../domain/queue/priority.ts';
import { QUEUE_POOLS } from '../../domain/queue/pool.ts';
import { TICKET_STATUSES } from '../../domain/queue/ticket-states.ts';
import { Nullable, Uuid } from '../../platform/http/schemas.ts';
import { TicketView } from './ticket.schemas.ts';

/** §6.4.2: who serves at a counter. */
export const StaffCard = Type.Object({
  name: Type.String(),
  title: Nullable(Type.String()),
  workNumber: Type.String(),
  photoUrl: Nullable(Type.String({ description: 'http(s) 地址，或本系统的照片地址 /api/v1/public/staff/{id}/photo' })),
});
export type StaffCard = Static<typeof StaffCard>;

/** §6.4.2, §6.4.5, §5.1.5.1: a counter screen. */
export const CounterCard = Type.Object({
  counterId: Uuid,
  number: Type.String(),
  name: Type.String(),
  status: Type.Enum(COUNTER_STATUSES),
  statusLabel: Type.String({ description: '服务中 / 暂停服务 / 暂时离开 / 未开放' }),
  awayReason: Nullable(Type.String()),
  expectedReturnAt: Nullable(Type.String()),
  clerk: Nullable(StaffCard),
  currentNumber: Nullable(Type.String()),
});
export type CounterCard = Static<typeof CounterCard>;

export const QueueStat = Type.Object({
  queueId: Uuid,
  name: Type.String(),
  prefix: Type.String(),
  waiting: Type.Integer(),
  longestWaitMinutes: Type.Integer(),
  estimateMinutes: Nullable(Type.Integer()),
  estimateText: Type.String(),
});
export type QueueStat = Static<typeof QueueStat>;

/** The data of a `ticket.called` event, and an entry of the display's latest calls. */
export const CalledEvent = Type.Object({
  ticketId: Uuid,
  number: Type.String(),
  queueId: Uuid,
  queueName: Type.String(),
  counterId: Uuid,
  counterNumber: Type.String(),
  counterName: Type.String(),
  text: Type.String({ description: '请A012号到5号窗口办理' }),
  speech: Type.String({ description: '请A零一二号到五号窗口办理（zh-CN 语音合成用）' }),
  lang: Type.Literal('zh-CN'),
  repeat: Type.Integer(),
  rate: Type.Number(),
  volume: Type.Number(),
  recall: Type.Boolean(),
  at: Type.String(),
});
export type CalledEvent = Static<typeof CalledEvent>;

export const DisplayView = Type.Object({
  centre: Type.Object({ id: Uuid, name: Type.String() }),
  notice: Type.String(),
  calls: Type.Array(CalledEvent),
  queues: Type.Array(QueueStat),
  counters: Type.Array(CounterCard),
});
export type DisplayView = Static<typeof DisplayView>;

export const Workbench = Type.Object({
  counter: Type.Object({
    id: Uuid,
    number: Type.String(),
    name: Type.String(),
    kind: Type.Enum(COUNTER_KINDS),
    status: Type.Enum(COUNTER_STATUSES),
    statusLabel: Type.String(),
    awayReason: Nullable(Type.String()),
    expectedReturnAt: Nullable(Type.String()),
    clerk: Nullable(StaffCard),
    signedIn: Type.Boolean({ description: '调用者本人是否已登录本窗口' }),
  }),
  current: Nullable(TicketView),
  parked: Type.Array(TicketView),
  waiting: Type.Array(
    Type.Object({ id: Uuid, number: Type.String(), queueName: Type.String(), priorityClass: Type.Enum(PRIORITY_CLASSES), elderly: Type.Boolean(), waitedMinutes: Type.Integer() }),
  ),
  today: Type.Object({ served: Type.Integer(), noShow: Type.Integer(), transferred: Type.Integer(), averageServiceMinutes: Nullable(Type.Number()) }),
});
export type Workbench = Static<typeof Workbench>;

export const KioskView = Type.Object({
  centre: Type.Object({ id: Uuid, name: Type.String() }),
  openNow: Type.Boolean(),
  message: Nullable(Type.String()),
  queues: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      prefix: Type.String(),
      pool: Type.Enum(QUEUE_POOLS),
      waiting: Type.Integer(),
      estimateText: Type.String(),
      issuing: Type.Boolean(),
      refusal: Nullable(Type.String()),
      itemIds: Type.Array(Uuid),
    }),
  ),
  departments: Type.Array(Type.Object({ id: Uuid, name: Type.String(), items: Type.Array(Type.Object({ id: Uuid, name: Type.String(), queueId: Uuid })) })),
});
export type KioskView = Static<typeof KioskView>;

export const PublicTicket = Type.Object({
  id: Uuid,
  centreId: Uuid,
  number: Type.String(),
  queueName: Type.String(),
  status: Type.Enum(TICKET_STATUSES),
  statusLabel: Type.String(),
  peopleAhead: Type.Integer(),
  estimatedWaitMinutes: Nullable(Type.Number()),
  estimateText: Type.String(),
  counterNumber: Nullable(Type.String()),
  counterName: Nullable(Type.String()),
  calledAt: Nullable(Type.String()),
  issuedAt: Type.String(),
  near: Type.Boolean(),
  phoneMasked: Nullable(Type.String()),
  /** A transferred ticket: the new ticket to follow (its id is the new status page). */
  transferredTo: Nullable(Type.Object({ id: Uuid, number: Type.String(), queueName: Type.String() })),
});
export type PublicTicket = Static<typeof PublicTicket>;
