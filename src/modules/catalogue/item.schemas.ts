import { Type, type Static, type TSchema } from 'typebox';
import { CASE_KINDS, HANDLING_FORMS, IMPLEMENTER_NATURES, ITEM_KINDS, SERVICE_OBJECTS, THROUGH_SCOPES, TIME_LIMIT_UNITS } from '../../domain/catalogue/codes.ts';
import type { ItemLevel } from '../../domain/catalogue/hierarchy.ts';
import { DateString, Nullable, Uuid } from '../../platform/http/schemas.ts';

/** One of the given codes, typed as their union. */
const oneOf = <T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>(
    Type.Union(
      values.map((v) => Type.Literal(v)),
      description ? { description } : {},
    ),
  );
const keysOf = <O extends object>(o: O) => Object.keys(o) as (keyof O & string)[];
const Text = (max: number, description?: string) => Type.String({ maxLength: max, ...(description ? { description } : {}) });
const Opt = <T extends TSchema>(schema: T) => Type.Optional(Nullable(schema));

export const TimeLimit = Type.Object(
  { value: Type.Integer({ minimum: 0, maximum: 10000 }), unit: oneOf(keysOf(TIME_LIMIT_UNITS), '工作日、自然日或小时'), note: Opt(Text(200)) },
  { additionalProperties: false },
);

export const Fee = Type.Union([
  Type.Object({ free: Type.Literal(true) }, { additionalProperties: false }),
  Type.Object({ free: Type.Literal(false), standard: Nullable(Text(2000)), basis: Nullable(Text(2000)) }, { additionalProperties: false }),
]);

export const Material = Type.Object(
  {
    name: Text(200, '材料名称'),
    issuingBody: Nullable(Text(200)),
    originals: Type.Integer({ minimum: 0, maximum: 99 }),
    copies: Type.Integer({ minimum: 0, maximum: 99 }),
    required: Type.Boolean(),
    viaDataSharing: Type.Boolean({ description: '§8.1.2.3c 通过数据共享获取，不向申请人索要' }),
    tolerance: Nullable(
      Type.Object({ conditions: Nullable(Text(1000)), completionDeadline: Nullable(TimeLimit) }, { additionalProperties: false, description: '§8.2.7 容缺受理' }),
    ),
    blankFormFileId: Nullable(Text(100)),
    sampleFileId: Nullable(Text(100)),
    eLicenceAccepted: Type.Boolean({ description: '§8.2.5 免证办' }),
    note: Opt(Text(1000)),
  },
  { additionalProperties: false },
);

export const ProcessStep = Type.Object(
  { name: Text(100), description: Opt(Text(2000)), timeLimit: Opt(TimeLimit) },
  { additionalProperties: false },
);

const flagFields = {
  agencyHelp: Type.Boolean(),
  notifyCommit: Type.Boolean(),
  toleranceAcceptance: Type.Boolean(),
  crossProvince: Type.Boolean(),
  withinProvince: Type.Boolean(),
  withinCity: Type.Boolean(),
  certificateFree: Type.Boolean(),
  extendedHours: Type.Boolean(),
  selfService24h: Type.Boolean(),
  appointment: Nullable(Type.Boolean()),
  onlinePayment: Nullable(Type.Boolean()),
  postalDelivery: Nullable(Type.Boolean()),
};
export const ItemFlags = Type.Object(flagFields, { additionalProperties: false });
const FlagsInput = Type.Partial(Type.Object(flagFields), { additionalProperties: false });

/** The guide elements other than name, kind and type code (§7.3.3.3), each optional in a draft. */
const guideFields = {
  legalBasis: Opt(Text(4000, '设定依据')),
  implementingBody: Opt(
    Type.Object({ name: Nullable(Text(200)), uscc: Nullable(Text(18)), nature: Opt(oneOf(keysOf(IMPLEMENTER_NATURES))) }, { additionalProperties: false }),
  ),
  legalTimeLimit: Opt(TimeLimit),
  promisedTimeLimit: Opt(TimeLimit),
  caseKind: Opt(oneOf(keysOf(CASE_KINDS), '1 即办件、2 承诺件、9 其他')),
  resultName: Opt(Text(200)),
  resultSampleFileId: Opt(Text(100)),
  fee: Opt(Fee),
  materials: Opt(Type.Array(Material, { maxItems: 200 })),
  process: Opt(Type.Array(ProcessStep, { maxItems: 100 })),
  handlingForms: Opt(Type.Array(oneOf(keysOf(HANDLING_FORMS)), { maxItems: 5, uniqueItems: true })),
  reviewStandard: Opt(Text(4000)),
  throughScope: Opt(oneOf(keysOf(THROUGH_SCOPES))),
  serviceObjects: Opt(Type.Array(oneOf(keysOf(SERVICE_OBJECTS)), { maxItems: 6, uniqueItems: true })),
  place: Opt(Text(500)),
  hours: Opt(Text(500)),
  consultationPhone: Opt(Text(50)),
  supervisionPhone: Opt(Text(50)),
  flags: Type.Optional(FlagsInput),
};

const kind = oneOf(keysOf(ITEM_KINDS), '事项类型');
const name = Type.String({ minLength: 2, maxLength: 200, description: '事项名称' });
const typeCode = Type.String({ maxLength: 2, description: '事项类型代码（2 位）' });

export const GuideCreate = Type.Object({ name, kind, typeCode, ...guideFields }, { additionalProperties: false });
export const GuideUpdate = Type.Object(
  { name: Type.Optional(name), kind: Type.Optional(kind), typeCode: Type.Optional(typeCode), ...guideFields },
  { additionalProperties: false },
);
export type GuideUpdate = Static<typeof GuideUpdate>;

const level = oneOf<ItemLevel>(['main', 'sub', 'handling'], '主项、子项、办理项（§7.3.2.2e）');
const code = (max: number, description: string) => Type.String({ maxLength: max, description });
const itemFields = {
  departmentId: Uuid,
  level,
  parentId: Nullable(Uuid),
  basicCode: code(20, '基本编码'),
  implementationCode: Nullable(code(40, '实施编码（主项、子项）')),
  handlingCode: Nullable(code(40, '业务办理项编码（办理项）')),
};

export const ItemCreate = Type.Object(
  {
    departmentId: itemFields.departmentId,
    level: itemFields.level,
    parentId: Type.Optional(itemFields.parentId),
    basicCode: itemFields.basicCode,
    implementationCode: Type.Optional(itemFields.implementationCode),
    handlingCode: Type.Optional(itemFields.handlingCode),
    guide: GuideCreate,
  },
  { additionalProperties: false },
);
export type ItemCreate = Static<typeof ItemCreate>;

export const ItemUpdate = Type.Partial(Type.Object({ ...itemFields, guide: GuideUpdate }), { additionalProperties: false, minProperties: 1 });
export type ItemUpdate = Static<typeof ItemUpdate>;

/** The stored guide, every element present (null when not yet stated). */
export const Guide = Type.Unknown({ description: '办事指南（ItemGuide，DB36/T 2016 §7.3.3.3）' });

export const VersionSummary = Type.Object({
  number: Type.Integer(),
  status: Type.Union([Type.Literal('draft'), Type.Literal('submitted'), Type.Literal('published'), Type.Literal('withdrawn')]),
  submittedBy: Nullable(Type.String()),
  submittedAt: Nullable(Type.String()),
  reviewDecision: Nullable(Type.String()),
  reviewer: Nullable(Type.String()),
  opinion: Nullable(Type.String()),
  reviewedAt: Nullable(Type.String()),
  effectiveOn: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  withdrawnAt: Nullable(Type.String()),
  withdrawReason: Nullable(Type.String()),
  createdBy: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type VersionSummary = Static<typeof VersionSummary>;

export const VersionView = Type.Object({ ...VersionSummary.properties, itemId: Uuid, guide: Guide });
export type VersionView = Static<typeof VersionView>;

export const ItemView = Type.Object({
  id: Uuid,
  centreId: Uuid,
  departmentId: Uuid,
  level: Type.String(),
  parentId: Nullable(Uuid),
  basicCode: Type.String(),
  implementationCode: Nullable(Type.String()),
  handlingCode: Nullable(Type.String()),
  kind: Type.String(),
  typeCode: Type.String(),
  name: Type.String(),
  /** The number of the current published version (§7.3.2.1), if any. */
  publishedNumber: Nullable(Type.Integer()),
  /** The latest version: the one an edit changes when it is a draft. */
  latest: VersionView,
  retiredAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type ItemView = Static<typeof ItemView>;

export const ItemSummary = Type.Object({
  id: Uuid,
  departmentId: Uuid,
  level: Type.String(),
  parentId: Nullable(Uuid),
  code: Nullable(Type.String()),
  kind: Type.String(),
  typeCode: Type.String(),
  name: Type.String(),
  latestNumber: Type.Integer(),
  latestStatus: Type.String(),
  publishedNumber: Nullable(Type.Integer()),
  retiredAt: Nullable(Type.String()),
});
export type ItemSummary = Static<typeof ItemSummary>;

export const ItemListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    departmentId: Type.Optional(Uuid),
    typeCode: Type.Optional(Type.String({ maxLength: 2 })),
    status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('submitted'), Type.Literal('published'), Type.Literal('withdrawn')])),
    includeRetired: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type ItemListQuery = Static<typeof ItemListQuery>;

export const SubmitBody = Type.Object({}, { additionalProperties: false });
export const ApproveBody = Type.Object(
  { reviewer: Type.String({ minLength: 1, maxLength: 100, description: '合法性审查人（§7.3.2.2c）' }), opinion: Type.String({ minLength: 1, maxLength: 2000 }), effectiveOn: DateString },
  { additionalProperties: false },
);
export type ApproveBody = Static<typeof ApproveBody>;
export const RejectBody = Type.Object(
  { reviewer: Type.String({ minLength: 1, maxLength: 100 }), opinion: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export type RejectBody = Static<typeof RejectBody>;
export const WithdrawBody = Type.Object({ reason: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))) }, { additionalProperties: false });
export type WithdrawBody = Static<typeof WithdrawBody>;

export const DiffQuery = Type.Object({ from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export const DiffView = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  changes: Type.Array(Type.Object({ path: Type.String(), kind: Type.String(), before: Type.Optional(Type.Unknown()), after: Type.Optional(Type.Unknown()) })),
});

// ---------------------------------------------------------------- public

export const PublicItemSummary = Type.Object({
  id: Uuid,
  code: Nullable(Type.String()),
  name: Type.String(),
  typeCode: Type.String(),
  departmentId: Uuid,
  departmentName: Type.String(),
  version: Type.Integer(),
});
export type PublicItemSummary = Static<typeof PublicItemSummary>;

export const PublicItemQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 50 })),
    departmentId: Type.Optional(Uuid),
    typeCode: Type.Optional(Type.String({ maxLength: 2 })),
    list: Type.Optional(
      Type.Union(
        [
          Type.Literal('agencyHelp'),
          Type.Literal('notifyCommit'),
          Type.Literal('toleranceAcceptance'),
          Type.Literal('crossProvince'),
          Type.Literal('withinProvince'),
          Type.Literal('withinCity'),
          Type.Literal('certificateFree'),
          Type.Literal('extendedHours'),
          Type.Literal('selfService24h'),
          Type.Literal('appointment'),
        ],
        { description: '§8.2 清单' },
      ),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type PublicItemQuery = Static<typeof PublicItemQuery>;

export const PublicItemView = Type.Object({
  id: Uuid,
  centreId: Uuid,
  departmentId: Uuid,
  departmentName: Type.String(),
  level: Type.String(),
  parentId: Nullable(Uuid),
  basicCode: Type.String(),
  implementationCode: Nullable(Type.String()),
  handlingCode: Nullable(Type.String()),
  version: Type.Integer(),
  effectiveOn: Type.String(),
  publishedAt: Type.String(),
  guide: Guide,
});
export type PublicItemView = Static<typeof PublicItemView>;
