/** Request and response schemas of refusal reports (否定事项报备, §7.5.2.3) and the consultation register (§8.1.2.2). */
import { Type, type Static } from 'typebox';
import { REVIEW_DECISIONS, REVIEW_STATUSES } from '../../domain/cases/refusal-review.ts';
import { Nullable, PageQuery, Timestamp, Uuid } from '../../platform/http/schemas.ts';

const Text = (maxLength: number, description?: string) => Type.String({ minLength: 1, maxLength, ...(description ? { description } : {}) });

export const ReviewCreateBody = Type.Object(
  {
    applicantName: Text(100, '服务对象姓名或单位'),
    itemId: Type.Optional(Nullable(Uuid)),
    ticketId: Type.Optional(Nullable(Uuid)),
    reason: Text(500, '驳回或不予受理的理由'),
    legalBasis: Text(500, '依据'),
  },
  { additionalProperties: false },
);
export type ReviewCreateBody = Static<typeof ReviewCreateBody>;

export const ReviewListQuery = Type.Object(
  { status: Type.Optional(Type.Enum(REVIEW_STATUSES)), overdue: Type.Optional(Type.Boolean({ description: '超过复核时限仍未复核的' })), ...PageQuery },
  { additionalProperties: false },
);
export type ReviewListQuery = Static<typeof ReviewListQuery>;

export const ReviewDecisionBody = Type.Object({ decision: Type.Enum(REVIEW_DECISIONS, { description: 'confirm 维持 / overturn 纠正（重新受理）' }), opinion: Text(1000, '复核意见') }, { additionalProperties: false });
export type ReviewDecisionBody = Static<typeof ReviewDecisionBody>;

export const ReviewView = Type.Object({
  id: Uuid,
  centreId: Uuid,
  caseId: Nullable(Uuid),
  caseNumber: Nullable(Type.String()),
  itemId: Nullable(Uuid),
  itemName: Nullable(Type.String()),
  ticketId: Nullable(Uuid),
  applicantName: Type.String({ description: '脱敏' }),
  reason: Type.String(),
  legalBasis: Type.String(),
  counterNumber: Nullable(Type.String()),
  clerkName: Nullable(Type.String()),
  reportedAt: Type.String(),
  dueAt: Type.String(),
  status: Type.Enum(REVIEW_STATUSES),
  statusLabel: Type.String(),
  overdue: Type.Boolean(),
  reviewedAt: Nullable(Type.String()),
  opinion: Nullable(Type.String()),
  late: Nullable(Type.Boolean()),
});
export type ReviewView = Static<typeof ReviewView>;

export const ConsultationBody = Type.Object(
  {
    applicantName: Text(100, '服务对象姓名'),
    unit: Type.Optional(Nullable(Type.String({ maxLength: 100, description: '单位' }))),
    contact: Type.Optional(Nullable(Type.String({ maxLength: 30, description: '联系方式' }))),
    itemId: Type.Optional(Nullable(Uuid)),
    ticketId: Type.Optional(Nullable(Uuid)),
    question: Text(2000, '咨询内容'),
    answer: Text(4000, '答复（一次性告知）'),
    referred: Type.Optional(Type.Boolean({ description: '不属于本窗口办理，已指引至其他区域、部门或窗口（§8.1.2.2b）' })),
    referredTo: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    startedAt: Type.Optional(Timestamp),
  },
  { additionalProperties: false },
);
export type ConsultationBody = Static<typeof ConsultationBody>;

export const ConsultationListQuery = Type.Object(
  {
    from: Type.Optional(Timestamp),
    to: Type.Optional(Timestamp),
    clerkId: Type.Optional(Uuid),
    reveal: Type.Optional(Type.Boolean({ description: '显示完整姓名与联系方式（需相应权限，记入审计）' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ConsultationListQuery = Static<typeof ConsultationListQuery>;

export const ConsultationView = Type.Object({
  id: Uuid,
  centreId: Uuid,
  startedAt: Type.String(),
  endedAt: Type.String(),
  applicantName: Type.String(),
  contact: Nullable(Type.String()),
  masked: Type.Boolean(),
  unit: Nullable(Type.String()),
  itemId: Nullable(Uuid),
  question: Type.String(),
  answer: Type.String(),
  referred: Type.Boolean(),
  referredTo: Nullable(Type.String()),
  clerkId: Nullable(Uuid),
  clerkName: Nullable(Type.String()),
  counterId: Nullable(Uuid),
  counterNumber: Nullable(Type.String()),
  ticketId: Nullable(Uuid),
});
export type ConsultationView = Static<typeof ConsultationView>;
