/** Request and response schemas of cases (issue 5; DB36/T 2016 §8.1.2). */
import { Type, type Static, type TSchema } from 'typebox';
import { ID_TYPES } from '../../domain/cases/applicant.ts';
import { ARCHIVE_MEDIA, CASE_ACTIONS, CASE_STATUSES, DECISIONS, SUSPENSION_KINDS, type CaseActionType } from '../../domain/cases/case-states.ts';
import { ACCEPTANCE_MODES, MATERIAL_STATUSES } from '../../domain/cases/checklist.ts';
import { CASE_STAGES } from '../../domain/cases/timeline.ts';
import { DateString, Nullable, PageQuery, Timestamp, Uuid } from '../../platform/http/schemas.ts';

const Text = (maxLength: number, description?: string) => Type.String({ minLength: 1, maxLength, ...(description ? { description } : {}) });

export const CROSS_REGION_SCOPES = ['cross_province', 'within_province', 'within_city'] as const;

export const ApplicantBody = Type.Object(
  {
    kind: Type.Enum(['person', 'organisation'] as const, { description: 'person 自然人 / organisation 法人或其他组织' }),
    name: Text(100, '申请人姓名或单位名称'),
    idType: Type.Optional(Type.Enum(ID_TYPES, { description: '自然人证件类型，默认居民身份证（GB 11643 校验）' })),
    idNumber: Type.Optional(Type.String({ maxLength: 30, description: '自然人证件号码' })),
    uscc: Type.Optional(Type.String({ maxLength: 18, description: '单位统一社会信用代码（GB 32100 校验）' })),
    contactName: Type.Optional(Type.String({ maxLength: 50, description: '单位经办人或法定代表人' })),
    phone: Type.String({ minLength: 1, maxLength: 20, description: '联系电话；末 4 位为公开进度查询码' }),
    address: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  },
  { additionalProperties: false },
);
export type ApplicantBody = Static<typeof ApplicantBody>;

export const ChecklistEntryBody = Type.Object(
  {
    name: Text(200, '材料名称（与办事指南一致）'),
    issuingBody: Type.Optional(Nullable(Type.String({ maxLength: 100, description: '出具机构（同名材料须注明）' }))),
    status: Type.Enum(MATERIAL_STATUSES, { description: 'provided 已提交 / missing 缺少 / wrong 不符合要求 / tolerated 容缺 / shared 数据共享' }),
    note: Type.Optional(Nullable(Type.String({ maxLength: 500, description: '需补正的具体内容（不符合要求时必填）' }))),
  },
  { additionalProperties: false },
);
const Materials = Type.Array(ChecklistEntryBody, { maxItems: 200 });

export const CaseOpenBody = Type.Object(
  {
    itemId: Type.Optional(Uuid),
    bundleId: Type.Optional(Uuid),
    ticketId: Type.Optional(Uuid),
    consultationId: Type.Optional(Uuid),
    applicant: ApplicantBody,
    agentStaffId: Type.Optional(Nullable(Uuid)),
    materials: Type.Optional(Materials),
    crossRegion: Type.Optional(
      Nullable(
        Type.Object(
          {
            scope: Type.Enum(CROSS_REGION_SCOPES, { description: '§8.2.6 跨省通办 / 省内通办 / 市内通办' }),
            decidingPlace: Text(100, '作出决定的地区或机关'),
          },
          { additionalProperties: false },
        ),
      ),
    ),
  },
  { additionalProperties: false },
);
export type CaseOpenBody = Static<typeof CaseOpenBody>;

/** The data of each action (one transition table, domain/cases/case-states.ts). */
export const ACTION_DATA = {
  request_correction: Type.Object({ materials: Materials, note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) }, { additionalProperties: false }),
  resubmit: Type.Object({ materials: Type.Optional(Materials) }, { additionalProperties: false }),
  refuse: Type.Object({ reason: Text(500), legalBasis: Text(500), materials: Type.Optional(Materials) }, { additionalProperties: false }),
  withdraw: Type.Object({ reason: Text(500) }, { additionalProperties: false }),
  accept: Type.Object(
    {
      mode: Type.Enum(ACCEPTANCE_MODES, { description: 'normal 受理 / tolerance 容缺受理 / commitment 告知承诺' }),
      materials: Type.Optional(Materials),
      commitment: Type.Optional(Nullable(Type.String({ maxLength: 1000, description: '容缺：补齐承诺；告知承诺：承诺内容' }))),
      completionDeadline: Type.Optional(Nullable(DateString)),
    },
    { additionalProperties: false },
  ),
  start_step: Type.Object({ name: Text(50), handler: Text(50, '办理人'), itemId: Type.Optional(Nullable(Uuid)) }, { additionalProperties: false }),
  finish_step: Type.Object({ name: Text(50), opinion: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))), itemId: Type.Optional(Nullable(Uuid)) }, { additionalProperties: false }),
  suspend: Type.Object({ kind: Type.Enum(SUSPENSION_KINDS), reason: Text(500), approver: Text(50) }, { additionalProperties: false }),
  resume: Type.Object({ note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) }, { additionalProperties: false }),
  extend: Type.Object({ days: Type.Integer({ minimum: 1, maximum: 365 }), reason: Text(500), approver: Text(50) }, { additionalProperties: false }),
  complete_tolerance: Type.Object({ materials: Type.Optional(Type.Array(Text(200), { maxItems: 50 })) }, { additionalProperties: false }),
  decide: Type.Object(
    { decision: Type.Enum(DECISIONS, { description: 'approve 准予 / reject 不予' }), reasons: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))), itemId: Type.Optional(Nullable(Uuid)) },
    { additionalProperties: false },
  ),
  notify_pickup: Type.Object({ place: Text(100, '领取地点（统一出件窗口）') }, { additionalProperties: false }),
  picked_up: Type.Object(
    {
      pickerName: Text(50),
      pickerIdType: Type.Enum(ID_TYPES),
      pickerIdNumber: Type.String({ minLength: 1, maxLength: 30 }),
      identityChecked: Type.Boolean({ description: '已核验领取人身份' }),
      relation: Type.Enum(['applicant', 'agent'] as const),
    },
    { additionalProperties: false },
  ),
  post: Type.Object({ address: Text(200), carrier: Text(50), trackingNumber: Text(50), free: Type.Optional(Type.Boolean({ description: '免费寄递（§8.2.6）' })) }, { additionalProperties: false }),
  delivered: Type.Object({ signedBy: Type.Optional(Nullable(Type.String({ maxLength: 50 }))), at: Type.Optional(Nullable(Timestamp)) }, { additionalProperties: false }),
  archive: Type.Object(
    { location: Text(100, '档案存放位置'), retentionYears: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })), medium: Type.Optional(Type.Enum(ARCHIVE_MEDIA)) },
    { additionalProperties: false },
  ),
} satisfies Partial<Record<CaseActionType, TSchema>>;

/** Actions of the transitions route (a refusal is reopened only by its review, §7.5.2.3). */
export type RouteAction = keyof typeof ACTION_DATA;
export const ROUTE_ACTIONS = CASE_ACTIONS.filter((a): a is RouteAction => a in ACTION_DATA);

export const TransitionBody = Type.Union(
  ROUTE_ACTIONS.map((action) => Type.Object({ action: Type.Literal(action), data: Type.Optional(ACTION_DATA[action]) }, { additionalProperties: false })),
);
export type TransitionBody = { [A in RouteAction]: { action: A; data?: Static<(typeof ACTION_DATA)[A]> } }[RouteAction];

export const CaseListQuery = Type.Object(
  {
    stage: Type.Optional(Type.Enum(CASE_STAGES.filter((s) => s !== 'consultation'))),
    status: Type.Optional(Type.Enum(CASE_STATUSES)),
    itemId: Type.Optional(Uuid),
    clerkId: Type.Optional(Uuid),
    overdue: Type.Optional(Type.Boolean({ description: '已超承诺时限的在办件' })),
    dueSoon: Type.Optional(Type.Boolean({ description: '临近承诺时限的在办件（预警工作日见办件设置）' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type CaseListQuery = Static<typeof CaseListQuery>;

export const GetCaseQuery = Type.Object({ reveal: Type.Optional(Type.Boolean({ description: '显示申请人完整个人信息（需相应权限，记入审计）' })) }, { additionalProperties: false });

const ApplicantView = Type.Object({
  kind: Type.String(),
  name: Type.String(),
  idType: Nullable(Type.String()),
  idNumber: Nullable(Type.String()),
  uscc: Nullable(Type.String()),
  contactName: Nullable(Type.String()),
  phone: Type.String(),
  address: Nullable(Type.String()),
  masked: Type.Boolean(),
});

export const CaseSummary = Type.Object({
  id: Uuid,
  centreId: Uuid,
  caseNumber: Type.String(),
  title: Type.String(),
  itemId: Uuid,
  bundleId: Nullable(Uuid),
  status: Type.Enum(CASE_STATUSES),
  statusLabel: Type.String(),
  stage: Type.String(),
  stageLabel: Type.String(),
  mode: Nullable(Type.String()),
  applicantName: Type.String(),
  applicantKind: Type.String(),
  phoneMasked: Type.String(),
  openedAt: Type.String(),
  acceptedAt: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  decision: Nullable(Type.String()),
  deliveredAt: Nullable(Type.String()),
  archivedAt: Nullable(Type.String()),
  promisedDueAt: Nullable(Type.String()),
  legalDueAt: Nullable(Type.String()),
  deadlineState: Nullable(Type.Enum(['on_time', 'due_soon', 'overdue'] as const)),
  remainingText: Nullable(Type.String()),
  counterId: Nullable(Uuid),
  counterNumber: Nullable(Type.String()),
  clerkId: Nullable(Uuid),
  clerkName: Nullable(Type.String()),
  ticketId: Nullable(Uuid),
});
export type CaseSummary = Static<typeof CaseSummary>;

const Stage = Type.Object({
  stage: Type.String(),
  label: Type.String(),
  state: Type.String(),
  startedAt: Nullable(Type.String()),
  endedAt: Nullable(Type.String()),
  durationSeconds: Nullable(Type.Integer()),
  counters: Type.Array(Type.String({ description: '窗口编号' })),
  staff: Type.Array(Type.String({ description: '工作人员姓名' })),
});

const Json = Type.Record(Type.String(), Type.Unknown());

export const CaseDetail = Type.Object({
  ...CaseSummary.properties,
  applicant: ApplicantView,
  agentStaffId: Nullable(Uuid),
  crossRegion: Nullable(Type.Object({ scope: Type.String(), decidingPlace: Type.String() })),
  checklist: Type.Array(
    Type.Object({
      name: Type.String(),
      issuingBody: Nullable(Type.String()),
      required: Type.Boolean(),
      status: Type.String(),
      statusLabel: Type.String(),
      note: Nullable(Type.String()),
      toleranceAllowed: Type.Boolean(),
    }),
  ),
  allowedDecisions: Type.Array(Type.String(), { description: '材料核验结果允许的受理决定（材料核验中时）' }),
  processSteps: Type.Array(Type.Object({ name: Type.String(), itemId: Nullable(Type.String()), itemName: Type.String() }), {
    description: '可开始的办理环节（受理后、办结前），取自受理时所依据的办事指南版本及“一件事”流程',
  }),
  items: Type.Array(
    Type.Object({
      itemId: Uuid,
      name: Type.String(),
      versionId: Uuid,
      promisedLimit: Nullable(Json),
      legalLimit: Nullable(Json),
      decision: Nullable(Type.String()),
      decidedAt: Nullable(Type.String()),
      reasons: Nullable(Type.String()),
    }),
  ),
  steps: Type.Array(
    Type.Object({ name: Type.String(), itemId: Nullable(Uuid), handler: Type.String(), startedAt: Type.String(), finishedAt: Nullable(Type.String()), opinion: Nullable(Type.String()) }),
  ),
  suspendedSeconds: Type.Integer(),
  detail: Json,
  timeline: Type.Array(Stage),
  events: Type.Array(
    Type.Object({
      type: Type.String(),
      at: Type.String(),
      from: Nullable(Type.String()),
      to: Type.String(),
      counterNumber: Nullable(Type.String()),
      staffName: Nullable(Type.String()),
      data: Json,
    }),
  ),
  refusalReview: Nullable(Type.Object({ id: Uuid, status: Type.String(), dueAt: Type.String(), overdue: Type.Boolean() })),
});
export type CaseDetail = Static<typeof CaseDetail>;

export const CaseSettingsBody = Type.Object(
  {
    refusalReviewWorkingDays: Type.Optional(Type.Integer({ description: '否定事项报备复核时限（工作日，默认 3）' })),
    dueSoonWorkingDays: Type.Optional(Type.Integer({ description: '临近到期预警（工作日，默认 2）' })),
    toleranceReminderWorkingDays: Type.Optional(Type.Integer({ description: '容缺补齐提醒提前工作日（默认 1）' })),
  },
  { additionalProperties: false },
);
export const CaseSettingsView = Type.Object({ refusalReviewWorkingDays: Type.Integer(), dueSoonWorkingDays: Type.Integer(), toleranceReminderWorkingDays: Type.Integer() });

export const PublicCaseParams = Type.Object({ caseNumber: Type.String({ minLength: 1, maxLength: 60 }) }, { additionalProperties: false });
export const PublicCaseQuery = Type.Object({ check: Type.String({ minLength: 1, maxLength: 10, description: '申请人联系电话末 4 位' }) }, { additionalProperties: false });

export const PublicCaseView = Type.Object({
  caseNumber: Type.String(),
  title: Type.String(),
  centreName: Type.String(),
  applicantName: Type.String({ description: '脱敏' }),
  status: Type.String(),
  statusLabel: Type.String(),
  stage: Type.String(),
  stageLabel: Type.String(),
  openedAt: Type.String(),
  acceptedAt: Nullable(Type.String()),
  promisedDueAt: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  decision: Nullable(Type.String()),
  deliveredAt: Nullable(Type.String()),
  deliveryMethod: Nullable(Type.String()),
  timeline: Type.Array(
    Type.Object({
      stage: Type.String(),
      label: Type.String(),
      state: Type.String(),
      startedAt: Nullable(Type.String()),
      endedAt: Nullable(Type.String()),
      durationSeconds: Nullable(Type.Integer()),
      counters: Type.Array(Type.String()),
    }),
  ),
});
export type PublicCaseView = Static<typeof PublicCaseView>;
