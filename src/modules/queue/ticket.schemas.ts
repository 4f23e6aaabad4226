/** Request and response schemas of tickets (docs/queue-api.md "Tickets", "Counter workstation"). */
import { Type, type Static } from 'typebox';
import { PRIORITY_CLASSES } from '../../domain/queue/priority.ts';
import { TICKET_OUTCOMES, TICKET_SOURCES, TICKET_STATUSES } from '../../domain/queue/ticket-states.ts';
import { Nullable, Timestamp, Uuid } from '../../platform/http/schemas.ts';

const DECLARED = PRIORITY_CLASSES.filter((c) => c !== 'normal' && c !== 'appointment');

const issueFields = {
  queueId: Type.Optional(Uuid),
  itemId: Type.Optional(Uuid),
  phone: Type.Optional(Type.String({ maxLength: 20, description: '手机号码（到号提醒；手机取号必填）' })),
  idNumber: Type.Optional(Type.String({ maxLength: 18, description: '居民身份证号码（判断老年人等优先；仅保存脱敏信息）' })),
  requestId: Type.Optional({ ...Uuid, description: '本次取号请求的编号（UUID，客户端生成）：超时重发时带同一编号，只出一个号，返回首次所取的号' }),
};

export const IssueBody = Type.Object(
  {
    ...issueFields,
    source: Type.Enum(['kiosk', 'counter', 'appointment'] as const, { description: '取号机 kiosk（设备）/ 窗口 counter / 预约签到 appointment；手机取号走公开接口' }),
    priority: Type.Optional(Type.Enum(DECLARED, { description: '声明的优先类别（窗口或取号机工作人员核验）' })),
    appointmentId: Type.Optional(Uuid),
    appointmentSlotStart: Type.Optional(Timestamp),
  },
  { additionalProperties: false },
);
export type IssueBody = Static<typeof IssueBody>;

/** The mobile ticket (public): the phone is required; priority comes from the ID number only. */
export const PublicIssueBody = Type.Object({ ...issueFields, phone: Type.String({ minLength: 1, maxLength: 20 }) }, { additionalProperties: false });
export type PublicIssueBody = Static<typeof PublicIssueBody>;

export const TicketView = Type.Object({
  id: Uuid,
  centreId: Uuid,
  number: Type.String(),
  queueId: Uuid,
  queueName: Type.String(),
  queuePrefix: Type.String(),
  status: Type.Enum(TICKET_STATUSES),
  statusLabel: Type.String(),
  priorityClass: Type.Enum(PRIORITY_CLASSES),
  priorityLabel: Type.String(),
  elderly: Type.Boolean(),
  source: Type.Enum(TICKET_SOURCES),
  phoneMasked: Nullable(Type.String()),
  idNumberMasked: Nullable(Type.String()),
  issuedAt: Type.String(),
  calledAt: Nullable(Type.String()),
  startedAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String({ description: '结束时间（办结、过号、取消、转出、过期）' })),
  counterId: Nullable(Uuid),
  counterNumber: Nullable(Type.String()),
  counterName: Nullable(Type.String()),
  recallCount: Type.Integer(),
  outcome: Nullable(Type.Enum(TICKET_OUTCOMES)),
  note: Nullable(Type.String()),
  transferredFromId: Nullable(Uuid),
  itemId: Type.Optional(Nullable(Type.String({ format: 'uuid', description: '取号时选择的办理事项（开始办件时带出）' }))),
});
export type TicketView = Static<typeof TicketView>;

export const IssueResult = Type.Object({
  ...TicketView.properties,
  peopleAhead: Type.Integer(),
  estimatedWaitMinutes: Nullable(Type.Number()),
  estimateText: Type.String(),
  statusPath: Type.String({ description: '/portal/tickets/{id}：二维码指向的实时状态页' }),
  statusUrl: Type.Optional(Type.String({ description: '实时状态页的完整地址（GOVHALL_PUBLIC_URL，未设置时为请求的地址）：取号单二维码' })),
});
export type IssueResult = Static<typeof IssueResult>;

export const TicketDetail = Type.Object({
  ...TicketView.properties,
  events: Type.Array(
    Type.Object({
      type: Type.String(),
      at: Type.String(),
      counterNumber: Nullable(Type.String()),
      clerk: Nullable(Type.String()),
      data: Type.Record(Type.String(), Type.Unknown()),
    }),
  ),
});
export type TicketDetail = Static<typeof TicketDetail>;

/** What an action answers: the ticket; a transfer adds the new waiting ticket. */
export const ActionResult = Type.Object({ ...TicketView.properties, newTicket: Type.Optional(TicketView) });
export type ActionResult = Static<typeof ActionResult>;

const Note = Type.String({ maxLength: 500 });

export const ActionBodies = {
  recall: Type.Object({}, { additionalProperties: false }),
  'no-show': Type.Object({}, { additionalProperties: false }),
  start: Type.Object({}, { additionalProperties: false }),
  finish: Type.Object({ outcome: Type.Enum(TICKET_OUTCOMES), note: Type.Optional(Nullable(Note)) }, { additionalProperties: false }),
  transfer: Type.Object(
    { queueId: Type.Optional(Uuid), counterId: Type.Optional(Uuid), keepPriority: Type.Boolean(), note: Type.Optional(Nullable(Note)) },
    { additionalProperties: false },
  ),
  park: Type.Object({ note: Type.Optional(Nullable(Note)) }, { additionalProperties: false }),
  requeue: Type.Object({}, { additionalProperties: false }),
  resume: Type.Object({}, { additionalProperties: false }),
  cancel: Type.Object({ reason: Type.Optional(Nullable(Note)) }, { additionalProperties: false }),
} as const;
export type ActionName = keyof typeof ActionBodies;

export const ACTION_SUMMARIES: Record<ActionName, string> = {
  recall: '重呼（次数受设置限制）',
  'no-show': '过号',
  start: '开始办理',
  finish: '办结（记录办理结果）',
  transfer: '转移到其他队列或窗口（可保留优先）',
  park: '挂起',
  requeue: '挂起后重新排队（保留原位次）',
  resume: '挂起后恢复办理',
  cancel: '取消',
};
