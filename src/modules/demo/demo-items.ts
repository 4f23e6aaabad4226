/**
 * The service items (政务服务事项) of the demo centre 新建区政务服务中心: a realistic
 * county catalogue across the stationed departments, each with a complete service
 * guide (DB36/T 2016 §7.3.3.3), main items with sub-items and handling items
 * (§7.3.2.2e), the §8.2 flags that fill the centre's lists, and two
 * "高效办成一件事" bundles (§8.2.4). Names of laws are the real ones; codes are
 * invented but built as REFERENCES.md describes (USCC + 行使层级 + basic code).
 */
import { ITEM_KINDS, type CaseKind, type HandlingForm, type ItemKind, type ServiceObject, type ThroughScope } from '../../domain/catalogue/codes.ts';
import type { Fee, ItemFlags, ItemGuide, Material, ProcessStep, TimeLimit } from '../../domain/catalogue/guide.ts';
import type { ItemLevel } from '../../domain/catalogue/hierarchy.ts';
import { DEMO_CENTRE, DEMO_DEPARTMENTS } from './demo-data.ts';

// ---------------------------------------------------------------- types

/** A complete guide: name, kind and type code always stated. */
export type DemoGuide = ItemGuide & { readonly name: string; readonly kind: ItemKind; readonly typeCode: string };

/** One demo item with its codes computed and its department by key. */
export interface DemoItem {
  /** Stable key inside the demo data (parents and bundles refer to it). */
  readonly key: string;
  /** Key of the department in DEMO_DEPARTMENTS. */
  readonly department: string;
  readonly level: ItemLevel;
  readonly parentKey: string | null;
  /** 基本编码, 12 characters. */
  readonly basicCode: string;
  /** 实施编码 (31): the department's USCC + 行使层级 4 (县级) + basic code; a handling item carries its parent's. */
  readonly implementationCode: string;
  /** 业务办理项编码 (33) of a handling item: the parent's implementation code + 2-digit sequence. */
  readonly handlingCode: string | null;
  readonly guide: DemoGuide;
}

/** The input of one item for the catalogue's use cases; the parent is named by key (its id exists only once created). */
export interface DemoItemInput {
  readonly key: string;
  readonly departmentId: string;
  readonly level: ItemLevel;
  readonly parentKey: string | null;
  readonly basicCode: string;
  /** Null for a handling item: it is named by its handling code, the implementation code it extends is derived. */
  readonly implementationCode: string | null;
  readonly handlingCode: string | null;
  readonly guide: DemoGuide;
}

export interface DemoBundleStep {
  readonly order: number;
  readonly name: string;
  readonly itemKeys: readonly string[];
}

export interface DemoBundle {
  readonly key: string;
  readonly name: string;
  readonly itemKeys: readonly string[];
  readonly steps: readonly DemoBundleStep[];
  /** §8.2.4 纳入综合窗口统一受理. */
  readonly acceptingCounterKind: 'comprehensive';
  readonly guideText: string;
}

// ---------------------------------------------------------------- building blocks

/** 行使层级 of every demo item: 4 县级 (the demo centre is a county centre). */
export const DEMO_EXERCISE_LEVEL = '4';

/** A 4-digit block per department inside the invented basic codes. */
const DEPARTMENT_BLOCK: Readonly<Record<string, string>> = {
  police: '0101',
  tax: '0102',
  hrss: '0103',
  medical: '0104',
  fund: '0105',
  estate: '0106',
  market: '0107',
  civil: '0108',
  transport: '0109',
  health: '0110',
  housing: '0111',
  land: '0112',
  justice: '0113',
  veterans: '0114',
  power: '0115',
};

/** Where each department is served in the demo centre (counters of DEMO_COUNTERS). */
const PLACES: Readonly<Record<string, string>> = {
  police: '新建区政务服务中心二楼公安专区 21 号窗口（户政业务）',
  tax: '新建区政务服务中心二楼税务专区 24–26 号窗口',
  hrss: '新建区政务服务中心二楼社保医保专区 27–28 号窗口',
  medical: '新建区政务服务中心二楼社保医保专区 29 号窗口',
  fund: '新建区政务服务中心二楼公积金专区 30–31 号窗口',
  estate: '新建区政务服务中心二楼不动产登记专区 32–34 号窗口',
  market: '新建区政务服务中心二楼企业综合服务专区 35–36 号窗口',
  civil: '新建区政务服务中心一楼综合窗口服务区 1–6 号窗口（综合受理）',
  transport: '新建区政务服务中心一楼综合窗口服务区 1–6 号窗口（综合受理）',
  health: '新建区政务服务中心一楼综合窗口服务区 1–6 号窗口（综合受理）',
  housing: '新建区政务服务中心一楼综合窗口服务区 1–6 号窗口（综合受理）',
  land: '新建区政务服务中心一楼综合窗口服务区 1–6 号窗口（综合受理）',
  justice: '新建区政务服务中心一楼综合窗口服务区 1–6 号窗口（综合受理）',
  veterans: '新建区政务服务中心一楼综合窗口服务区 1–6 号窗口（综合受理）',
  power: '新建区政务服务中心二楼企业综合服务专区 18 号窗口（水电气网联合报装）',
};

const HOURS = '工作日 9:00–12:00、13:30–17:00（午间不打烊）；周六 9:00–12:00（预约）；法定节假日除外';
const EXTENDED_HOURS = `${HOURS}；延时错时服务：工作日 8:00–9:00、17:00–18:30，16 号窗口`;

const wd = (value: number, note?: string): TimeLimit => (note ? { value, unit: 'working_day', note } : { value, unit: 'working_day' });
const cd = (value: number, note?: string): TimeLimit => (note ? { value, unit: 'calendar_day', note } : { value, unit: 'calendar_day' });
/** 即办件: handled on the spot. */
const ON_THE_SPOT: TimeLimit = { value: 0, unit: 'working_day', note: '即时办结' };

const FREE: Fee = { free: true };

/** A material the applicant hands in (one original unless told). */
function mat(name: string, issuingBody: string | null, overrides: Partial<Material> = {}): Material {
  return {
    name,
    issuingBody,
    originals: 1,
    copies: 0,
    required: true,
    viaDataSharing: false,
    tolerance: null,
    blankFormFileId: null,
    sampleFileId: null,
    eLicenceAccepted: false,
    ...overrides,
  };
}

/** §8.1.2.3c: obtained by data sharing, never asked of the applicant. */
function shared(name: string, issuingBody: string, note: string): Material {
  return mat(name, issuingBody, { originals: 0, copies: 0, required: false, viaDataSharing: true, note });
}

/** §8.2.7: may be missing at acceptance, completed within `days` working days. */
function tolerated(material: Material, conditions: string, days: number): Material {
  return { ...material, tolerance: { conditions, completionDeadline: wd(days) } };
}

/** §8.2.5: an electronic licence is accepted instead of the paper one. */
function eLicence(material: Material): Material {
  return { ...material, eLicenceAccepted: true };
}

// Materials met in many items.
const ID_CARD = eLicence(mat('居民身份证', '公安机关', { note: '申请人本人（或经办人）有效居民身份证，可出示电子身份证' }));
const HUKOU = eLicence(mat('居民户口簿', '公安机关'));
const BIRTH_CERT = eLicence(mat('出生医学证明', '助产医疗机构', { copies: 1 }));
const MARRIAGE_SHARED = shared('结婚证', '婚姻登记机关', '通过全国婚姻登记信息共享核验');
const LICENCE_SHARED = shared('营业执照', '市场监督管理部门', '通过市场主体登记信息共享获取');
const ESTATE_CERT = eLicence(mat('不动产权证书', '不动产登记机构'));
const ESTATE_SHARED = shared('不动产权证书', '不动产登记机构', '通过不动产登记信息共享核验');
const HUKOU_SHARED = shared('居民户口簿', '公安机关', '通过人口信息共享核验');
const BANK_CARD = mat('本人社会保障卡或银行结算账户', '商业银行', { originals: 0, copies: 1 });
const form = (name: string): Material => mat(name, null, { note: '窗口提供空白表格和填写范本，也可网上填报' });

/** 申请 → 受理 → 审查 → 决定 → 送达. */
function standardProcess(decision = '作出准予或不予决定', delivery = '窗口领取或邮政寄递送达'): ProcessStep[] {
  return [
    { name: '申请', description: '申请人通过窗口、江西政务服务网或赣服通提交申请材料' },
    { name: '受理', description: '材料齐全、符合法定形式的当场受理，出具受理通知书；不齐全的一次性告知需补正的全部内容' },
    { name: '审查', description: '对申请材料进行审查，需要核查的组织核查' },
    { name: '决定', description: decision },
    { name: '送达', description: delivery },
  ];
}

/** 即办件: all steps at the counter, on the spot. */
const IMMEDIATE_PROCESS: ProcessStep[] = [
  { name: '申请', description: '申请人到窗口或网上提交材料' },
  { name: '受理', description: '窗口人员当场核验材料，符合条件的当场受理' },
  { name: '审查', description: '当场审核' },
  { name: '决定', description: '当场办结' },
  { name: '送达', description: '当场发放办理结果' },
];

type Placement = { readonly seq: number } | { readonly parent: string; readonly sub: number } | { readonly parent: string; readonly handling: number };

interface Draft {
  readonly key: string;
  readonly dept: string;
  readonly at: Placement;
  readonly name: string;
  readonly kind: ItemKind;
  /** Only for 行政备案 (11–19) and local public services (21–99); otherwise the kind's own code. */
  readonly typeCode?: string;
  readonly basis: string;
  readonly legal: TimeLimit;
  readonly promised: TimeLimit;
  readonly result: string;
  readonly fee?: Fee;
  readonly materials: readonly Material[];
  readonly process?: readonly ProcessStep[];
  readonly forms?: readonly HandlingForm[];
  readonly review: string;
  readonly scope: ThroughScope;
  readonly objects?: readonly ServiceObject[];
  readonly flags?: Partial<ItemFlags>;
  readonly place?: string;
}

const immediate = (promised: TimeLimit): boolean => promised.value === 0 || (promised.unit === 'hour' && promised.value <= 24);

function guideOf(d: Draft): DemoGuide {
  const dept = DEMO_DEPARTMENTS.find((x) => x.key === d.dept);
  if (!dept) throw new Error(`demo items: unknown department ${d.dept}`);
  const fee = d.fee ?? FREE;
  const caseKind: CaseKind = immediate(d.promised) ? '1' : '2';
  // §8.2.6: a scope covers the narrower 通办 lists as well.
  const through = { crossProvince: d.scope === '1', withinProvince: d.scope === '1' || d.scope === '2', withinCity: d.scope === '1' || d.scope === '2' || d.scope === '3' };
  const flags: ItemFlags = {
    agencyHelp: false,
    notifyCommit: false,
    toleranceAcceptance: d.materials.some((m) => m.tolerance !== null),
    ...through,
    certificateFree: false,
    extendedHours: false,
    selfService24h: false,
    appointment: true,
    onlinePayment: !fee.free,
    postalDelivery: caseKind === '2',
    ...d.flags,
  };
  return {
    name: d.name,
    kind: d.kind,
    typeCode: d.typeCode ?? ITEM_KINDS[d.kind].code,
    legalBasis: d.basis,
    implementingBody: { name: dept.name, uscc: dept.uscc, nature: dept.key === 'power' ? '3' : '1' },
    legalTimeLimit: d.legal,
    promisedTimeLimit: d.promised,
    caseKind,
    resultName: d.result,
    resultSampleFileId: `demo-result-sample-${d.key}`,
    fee,
    materials: d.materials,
    process: d.process ?? (caseKind === '1' ? IMMEDIATE_PROCESS : standardProcess()),
    handlingForms: d.forms ?? ['1', '2', '3'],
    reviewStandard: d.review,
    throughScope: d.scope,
    serviceObjects: d.objects ?? ['1'],
    place: d.place ?? PLACES[d.dept] ?? DEMO_CENTRE.address,
    hours: flags.extendedHours ? EXTENDED_HOURS : HOURS,
    consultationPhone: dept.phone,
    supervisionPhone: DEMO_CENTRE.phones.supervision,
    flags,
  };
}

// ---------------------------------------------------------------- the catalogue

const P = '新建区政务服务中心';

const DRAFTS: readonly Draft[] = [
  // ------------------------------------------------ 公安：户籍、居民身份证、出入境、印章
  {
    key: 'birth-registration',
    dept: 'police',
    at: { seq: 1 },
    name: '出生登记',
    kind: 'confirmation',
    basis: '《中华人民共和国户口登记条例》第七条；《江西省公安厅户口登记管理规定》',
    legal: wd(20),
    promised: ON_THE_SPOT,
    result: '居民户口簿（出生登记户口页）',
    materials: [BIRTH_CERT, ID_CARD, HUKOU, MARRIAGE_SHARED, form('户口登记申请表')],
    review: '新生儿出生医学证明真实有效，父母一方户籍在本辖区，申报人为父母或监护人',
    scope: '2',
    flags: { certificateFree: true, agencyHelp: true, extendedHours: true },
  },
  {
    key: 'hukou-move',
    dept: 'police',
    at: { seq: 2 },
    name: '户口迁移登记',
    kind: 'confirmation',
    basis: '《中华人民共和国户口登记条例》第十条、第十三条；《国务院关于进一步推进户籍制度改革的意见》（国发〔2014〕25号）',
    legal: wd(20),
    promised: wd(5, '跨省迁移“一站式”办理，迁出地核验时间不计入'),
    result: '居民户口簿（迁入户口页）',
    materials: [ID_CARD, HUKOU, form('户口迁移申请表'), mat('合法稳定住所证明', '不动产登记机构或房屋出租人', { copies: 1 })],
    review: '符合新建区落户条件，迁入地址真实，迁出地户籍信息核验一致',
    scope: '1',
    flags: { extendedHours: true },
  },
  {
    key: 'hukou-move-spouse',
    dept: 'police',
    at: { parent: 'hukou-move', sub: 1 },
    name: '户口迁移登记（夫妻、父母子女投靠迁入）',
    kind: 'confirmation',
    basis: '《中华人民共和国户口登记条例》第十条；《国务院关于进一步推进户籍制度改革的意见》（国发〔2014〕25号）',
    legal: wd(20),
    promised: wd(5),
    result: '居民户口簿（迁入户口页）',
    materials: [ID_CARD, HUKOU, MARRIAGE_SHARED, mat('亲属关系证明', '户籍所在地公安派出所或村（居）委会', { note: '父母子女投靠时提供' }), form('户口迁移申请表')],
    review: '投靠人与被投靠人亲属关系真实，被投靠人户籍在本辖区',
    scope: '1',
    flags: { certificateFree: true },
  },
  {
    key: 'hukou-move-home',
    dept: 'police',
    at: { parent: 'hukou-move', sub: 2 },
    name: '户口迁移登记（购房入户）',
    kind: 'confirmation',
    basis: '《中华人民共和国户口登记条例》第十条；《南昌市进一步放宽落户条件实施细则》',
    legal: wd(20),
    promised: wd(5),
    result: '居民户口簿（迁入户口页）',
    materials: [ID_CARD, HUKOU, ESTATE_SHARED, form('户口迁移申请表')],
    review: '在本辖区拥有合法产权住房，房屋权属信息核验一致',
    scope: '1',
    flags: { certificateFree: true },
  },
  {
    key: 'id-card',
    dept: 'police',
    at: { seq: 3 },
    name: '居民身份证申领、换领、补领',
    kind: 'confirmation',
    basis: '《中华人民共和国居民身份证法》第八条、第十一条、第二十条',
    legal: cd(60, '《居民身份证法》第十一条：自申请之日起六十日内发放'),
    promised: wd(15),
    result: '中华人民共和国居民身份证',
    fee: { free: false, standard: '首次申领免费；换领、补领 20 元/证，临时居民身份证 10 元/证', basis: '《国家发展改革委 财政部关于居民身份证收费标准及有关问题的通知》（发改价格〔2003〕2322号）' },
    materials: [HUKOU, mat('数字相片', '公安机关或具备资质的照相馆', { note: '窗口现场采集' })],
    review: '申请人身份信息与户籍信息一致，相片符合居民身份证相片标准',
    scope: '1',
    flags: { extendedHours: true, agencyHelp: true },
    place: `${P}二楼公安专区 21 号窗口（户政业务）`,
  },
  {
    key: 'id-card-first',
    dept: 'police',
    at: { parent: 'id-card', handling: 1 },
    name: '居民身份证首次申领',
    kind: 'confirmation',
    basis: '《中华人民共和国居民身份证法》第八条',
    legal: cd(60),
    promised: wd(15),
    result: '中华人民共和国居民身份证',
    materials: [HUKOU, mat('数字相片', '公安机关或具备资质的照相馆', { note: '窗口现场采集' })],
    review: '年满十六周岁（未满十六周岁可自愿申领），户籍信息准确',
    scope: '1',
  },
  {
    key: 'id-card-renew',
    dept: 'police',
    at: { parent: 'id-card', handling: 2 },
    name: '居民身份证到期换领',
    kind: 'confirmation',
    basis: '《中华人民共和国居民身份证法》第十一条',
    legal: cd(60),
    promised: wd(15),
    result: '中华人民共和国居民身份证',
    fee: { free: false, standard: '20 元/证', basis: '《国家发展改革委 财政部关于居民身份证收费标准及有关问题的通知》（发改价格〔2003〕2322号）' },
    materials: [mat('原居民身份证', '公安机关'), HUKOU],
    review: '居民身份证有效期届满或即将届满（三个月内）',
    scope: '1',
  },
  {
    key: 'id-card-replace',
    dept: 'police',
    at: { parent: 'id-card', handling: 3 },
    name: '居民身份证丢失补领',
    kind: 'confirmation',
    basis: '《中华人民共和国居民身份证法》第十一条',
    legal: cd(60),
    promised: wd(15),
    result: '中华人民共和国居民身份证',
    fee: { free: false, standard: '20 元/证', basis: '《国家发展改革委 财政部关于居民身份证收费标准及有关问题的通知》（发改价格〔2003〕2322号）' },
    materials: [HUKOU],
    review: '居民身份证丢失或损坏，本人申请补领',
    scope: '1',
  },
  {
    key: 'passport',
    dept: 'police',
    at: { seq: 4 },
    name: '普通护照签发',
    kind: 'licensing',
    basis: '《中华人民共和国护照法》第五条、第六条',
    legal: cd(15, '《护照法》第六条：十五日内签发'),
    promised: wd(7),
    result: '中华人民共和国普通护照',
    fee: { free: false, standard: '120 元/本', basis: '《国家发展改革委 财政部关于降低部分行政事业性收费标准的通知》（发改价格规〔2019〕914号）' },
    materials: [ID_CARD, form('中国公民出入境证件申请表'), mat('出入境证件相片', '具备资质的照相馆', { note: '可窗口现场照相' })],
    review: '申请人为中国公民，不属于《护照法》第十三条规定不予签发的情形',
    scope: '1',
    flags: { extendedHours: true },
    place: `${P}二楼公安专区 22 号窗口（出入境业务）`,
  },
  {
    key: 'hk-macao-permit',
    dept: 'police',
    at: { seq: 5 },
    name: '往来港澳通行证及签注签发',
    kind: 'licensing',
    basis: '《中国公民因私事往来香港地区或者澳门地区的暂行管理办法》第三条、第四条',
    legal: wd(15),
    promised: wd(7),
    result: '往来港澳通行证及签注',
    fee: { free: false, standard: '通行证 60 元/证；一次有效签注 15 元/件，二次有效签注 30 元/件', basis: '《国家发展改革委 财政部关于降低部分行政事业性收费标准的通知》（发改价格规〔2019〕914号）' },
    materials: [ID_CARD, form('中国公民出入境证件申请表'), mat('出入境证件相片', '具备资质的照相馆', { note: '可窗口现场照相' })],
    review: '申请人不属于法定不准出境的情形，签注种类与申请事由相符',
    scope: '1',
    place: `${P}二楼公安专区 22 号窗口（出入境业务）`,
  },
  {
    key: 'seal-filing',
    dept: 'police',
    at: { seq: 6 },
    name: '公章刻制备案',
    kind: 'filing',
    typeCode: '11',
    basis: '《国务院关于第一批取消62项中央指定地方实施行政审批事项的决定》（国发〔2015〕57号）；《印铸刻字业暂行管理规则》',
    legal: wd(1),
    promised: ON_THE_SPOT,
    result: '公章刻制备案信息',
    materials: [LICENCE_SHARED, ID_CARD],
    review: '企业登记信息有效，印章样式符合规定，由备案刻章企业刻制',
    scope: '3',
    objects: ['2', '3', '4'],
    flags: { certificateFree: true, postalDelivery: true },
    place: `${P}二楼企业综合服务专区 35 号窗口（企业开办一窗通）`,
  },

  // ------------------------------------------------ 税务
  {
    key: 'tax-registration',
    dept: 'tax',
    at: { seq: 1 },
    name: '“一照一码”户信息确认（新办纳税人涉税事项）',
    kind: 'other_power',
    basis: '《中华人民共和国税收征收管理法》第十五条；《税务登记管理办法》（国家税务总局令第7号）',
    legal: wd(30),
    promised: ON_THE_SPOT,
    result: '税务信息确认结果',
    materials: [LICENCE_SHARED, ID_CARD, form('纳税人首次办税补充信息表')],
    review: '市场主体登记信息有效，补充信息完整',
    scope: '2',
    objects: ['2', '6'],
    flags: { certificateFree: true },
    place: `${P}二楼企业综合服务专区 35 号窗口（企业开办一窗通）`,
  },
  {
    key: 'invoice',
    dept: 'tax',
    at: { seq: 2 },
    name: '发票领用（数电发票开票额度确定）',
    kind: 'confirmation',
    basis: '《中华人民共和国发票管理办法》第十五条；《中华人民共和国发票管理办法实施细则》',
    legal: wd(5),
    promised: ON_THE_SPOT,
    result: '发票领用资格及开票额度',
    materials: [LICENCE_SHARED, ID_CARD, form('发票票种核定表')],
    review: '纳税人已完成信息确认，经办人已实名认证',
    scope: '2',
    objects: ['2', '6'],
    flags: { certificateFree: true, selfService24h: true },
    place: `${P}二楼税务专区 25 号窗口（发票业务）`,
  },
  {
    key: 'invoice-agency',
    dept: 'tax',
    at: { seq: 3 },
    name: '代开增值税发票',
    kind: 'public_service',
    basis: '《中华人民共和国发票管理办法》第十六条；《国家税务总局关于加强和规范税务机关代开普通发票工作的通知》（国税函〔2004〕1024号）',
    legal: wd(1),
    promised: ON_THE_SPOT,
    result: '增值税发票',
    materials: [ID_CARD, mat('合同或其他业务发生证明', null, { originals: 0, copies: 1 }), form('代开增值税发票缴纳税款申报单')],
    review: '业务真实发生，应纳税款已缴纳',
    scope: '2',
    objects: ['1', '6'],
    flags: { selfService24h: true, extendedHours: true },
    place: `${P}二楼税务专区 25 号窗口（发票业务）`,
  },
  {
    key: 'iit-settlement',
    dept: 'tax',
    at: { seq: 4 },
    name: '个人所得税综合所得年度汇算',
    kind: 'public_service',
    basis: '《中华人民共和国个人所得税法》第十一条；《中华人民共和国个人所得税法实施条例》第二十五条',
    legal: wd(20),
    promised: ON_THE_SPOT,
    result: '个人所得税年度汇算申报结果',
    materials: [ID_CARD, mat('专项附加扣除相关证明', null, { required: false, copies: 1, originals: 0, note: '享受专项附加扣除时提供' })],
    review: '收入、扣除信息真实完整',
    scope: '1',
    flags: { extendedHours: true, agencyHelp: true },
    place: `${P}二楼税务专区 26 号窗口（个人所得税与社保费）`,
  },
  {
    key: 'deed-tax',
    dept: 'tax',
    at: { seq: 5 },
    name: '契税申报',
    kind: 'levy',
    basis: '《中华人民共和国契税法》第九条、第十条',
    legal: wd(1),
    promised: ON_THE_SPOT,
    result: '契税完税证明',
    fee: FREE,
    materials: [ID_CARD, mat('不动产买卖合同', null, { originals: 0, copies: 1 }), form('契税税源明细表')],
    review: '成交价格与合同一致，适用税率正确',
    scope: '3',
    flags: { onlinePayment: true },
    place: `${P}二楼不动产登记专区 34 号窗口（交易、税费、登记一窗受理）`,
  },

  // ------------------------------------------------ 人社
  {
    key: 'social-card',
    dept: 'hrss',
    at: { seq: 1 },
    name: '社会保障卡申领',
    kind: 'public_service',
    basis: '《中华人民共和国社会保险法》第五十八条；《社会保障卡管理办法》（人社部规〔2024〕1号）',
    legal: wd(20),
    promised: wd(10, '即时制卡网点当场发卡'),
    result: '社会保障卡',
    materials: [ID_CARD, HUKOU_SHARED, mat('数字相片', null, { note: '可窗口现场采集' })],
    review: '申请人已参加社会保险或具有本地户籍，未持有有效社会保障卡',
    scope: '1',
    flags: { certificateFree: true, extendedHours: true },
    place: `${P}二楼社保医保专区 28 号窗口（就业创业与社保卡）`,
  },
  {
    key: 'social-insurance-registration',
    dept: 'hrss',
    at: { seq: 2 },
    name: '用人单位社会保险登记',
    kind: 'confirmation',
    basis: '《中华人民共和国社会保险法》第五十七条；《社会保险费征缴暂行条例》第七条',
    legal: wd(15),
    promised: ON_THE_SPOT,
    result: '社会保险登记信息',
    materials: [LICENCE_SHARED, ID_CARD, form('社会保险登记表（单位）')],
    review: '用人单位依法登记，登记信息完整',
    scope: '2',
    objects: ['2', '3', '4', '6'],
    flags: { certificateFree: true },
    place: `${P}二楼企业综合服务专区 35 号窗口（企业开办一窗通）`,
  },
  {
    key: 'unemployment-benefit',
    dept: 'hrss',
    at: { seq: 3 },
    name: '失业保险金申领',
    kind: 'payment',
    basis: '《中华人民共和国社会保险法》第四十五条；《失业保险条例》第十四条、第十六条',
    legal: wd(10),
    promised: wd(5),
    result: '失业保险待遇核定结果',
    materials: [ID_CARD, shared('解除或终止劳动关系证明', '用人单位', '通过用工备案信息核验'), BANK_CARD],
    review: '非因本人意愿中断就业，已办理失业登记，缴费满一年',
    scope: '2',
    flags: { notifyCommit: true, agencyHelp: true },
    place: `${P}二楼社保医保专区 27 号窗口（社保登记与缴费）`,
  },
  {
    key: 'employment-card',
    dept: 'hrss',
    at: { seq: 4 },
    name: '就业创业证申领',
    kind: 'public_service',
    basis: '《中华人民共和国就业促进法》；《人力资源社会保障部关于进一步推进就业失业登记工作的通知》',
    legal: wd(5),
    promised: ON_THE_SPOT,
    result: '就业创业证（电子证照）',
    materials: [ID_CARD],
    review: '申请人为法定劳动年龄内的劳动者',
    scope: '1',
    flags: { certificateFree: true, selfService24h: true },
    place: `${P}二楼社保医保专区 28 号窗口（就业创业与社保卡）`,
  },
  {
    key: 'pension-transfer',
    dept: 'hrss',
    at: { seq: 5 },
    name: '企业职工基本养老保险关系转移接续',
    kind: 'public_service',
    basis: '《中华人民共和国社会保险法》第十九条；《城镇企业职工基本养老保险关系转移接续暂行办法》（国办发〔2009〕66号）',
    legal: wd(45),
    promised: wd(15),
    result: '基本养老保险关系转移接续联系函及转入确认',
    materials: [ID_CARD, form('基本养老保险关系转移接续申请表')],
    review: '申请人在转出地已参保缴费，转入地已就业参保',
    scope: '1',
    flags: { certificateFree: true, appointment: false },
    place: `${P}二楼社保医保专区 27 号窗口（社保登记与缴费）`,
  },

  // ------------------------------------------------ 医保
  {
    key: 'resident-medical-insurance',
    dept: 'medical',
    at: { seq: 1 },
    name: '城乡居民基本医疗保险参保登记',
    kind: 'public_service',
    basis: '《中华人民共和国社会保险法》第二十五条；《国务院关于整合城乡居民基本医疗保险制度的意见》（国发〔2016〕3号）',
    legal: wd(5),
    promised: ON_THE_SPOT,
    result: '城乡居民基本医疗保险参保登记信息',
    materials: [ID_CARD, HUKOU, form('城乡居民基本医疗保险参保登记表')],
    review: '申请人未参加职工基本医疗保险，户籍或居住证在本区',
    scope: '2',
    flags: { agencyHelp: true },
  },
  {
    key: 'cross-region-medical',
    dept: 'medical',
    at: { seq: 2 },
    name: '异地就医备案',
    kind: 'public_service',
    basis: '《国家医保局 财政部关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》（医保发〔2022〕22号）',
    legal: wd(1),
    promised: ON_THE_SPOT,
    result: '异地就医备案信息',
    materials: [ID_CARD, form('异地就医备案登记表'), mat('异地长期居住或工作承诺书', null, { required: false, note: '长期异地居住人员提供' })],
    review: '参保人正常参保，备案类型与备案材料相符',
    scope: '1',
    flags: { notifyCommit: true, selfService24h: true },
  },
  {
    key: 'medical-reimbursement',
    dept: 'medical',
    at: { seq: 3 },
    name: '医疗费用手工（零星）报销',
    kind: 'payment',
    basis: '《中华人民共和国社会保险法》第二十八条、第二十九条；《医疗保障基金使用监督管理条例》',
    legal: wd(30),
    promised: wd(20),
    result: '医疗费用报销结算单',
    materials: [
      ID_CARD,
      mat('医疗费用票据', '定点医疗机构'),
      mat('费用明细清单', '定点医疗机构'),
      tolerated(mat('出院小结或诊断证明', '定点医疗机构', { copies: 1 }), '票据齐全、身份信息一致时，诊断证明可后补', 10),
      BANK_CARD,
    ],
    review: '费用属于基本医疗保险支付范围，未在其他渠道重复报销',
    scope: '3',
    flags: { agencyHelp: true },
  },
  {
    key: 'maternity-allowance',
    dept: 'medical',
    at: { seq: 4 },
    name: '生育津贴申领',
    kind: 'payment',
    basis: '《中华人民共和国社会保险法》第五十四条、第五十六条；《江西省职工生育保险办法》',
    legal: wd(20),
    promised: wd(10),
    result: '生育津贴核定结果',
    materials: [ID_CARD, shared('出生医学证明', '助产医疗机构', '通过出生医学证明电子证照共享核验'), form('生育津贴申领表')],
    review: '用人单位已为职工缴纳生育保险费，职工符合计划生育政策',
    scope: '2',
    flags: { certificateFree: true, notifyCommit: true },
  },

  // ------------------------------------------------ 公积金
  {
    key: 'fund-unit-registration',
    dept: 'fund',
    at: { seq: 1 },
    name: '单位住房公积金缴存登记',
    kind: 'public_service',
    basis: '《住房公积金管理条例》第十四条、第十五条',
    legal: wd(5),
    promised: ON_THE_SPOT,
    result: '住房公积金单位缴存登记信息',
    materials: [LICENCE_SHARED, ID_CARD, form('住房公积金单位缴存登记表')],
    review: '单位依法设立，缴存比例在规定范围内',
    scope: '2',
    objects: ['2', '3', '4', '6'],
    flags: { certificateFree: true },
    place: `${P}二楼企业综合服务专区 35 号窗口（企业开办一窗通）`,
  },
  {
    key: 'fund-withdrawal',
    dept: 'fund',
    at: { seq: 2 },
    name: '住房公积金提取',
    kind: 'public_service',
    basis: '《住房公积金管理条例》第二十四条、第二十五条',
    legal: wd(3, '《住房公积金管理条例》第二十五条：三日内作出准予或不准予提取的决定'),
    promised: wd(1),
    result: '住房公积金提取核准结果',
    materials: [ID_CARD, BANK_CARD, form('住房公积金提取申请书')],
    review: '符合《住房公积金管理条例》第二十四条规定的提取情形',
    scope: '2',
    flags: { extendedHours: true },
    place: `${P}二楼公积金专区 31 号窗口（公积金提取与贷款）`,
  },
  {
    key: 'fund-withdrawal-purchase',
    dept: 'fund',
    at: { parent: 'fund-withdrawal', sub: 1 },
    name: '住房公积金提取（购买自住住房）',
    kind: 'public_service',
    basis: '《住房公积金管理条例》第二十四条第一款第（一）项',
    legal: wd(3),
    promised: wd(1),
    result: '住房公积金提取核准结果',
    materials: [ID_CARD, BANK_CARD, ESTATE_SHARED, mat('购房合同和购房发票', null, { originals: 0, copies: 1 })],
    review: '购房行为真实，提取金额不超过实际购房支出',
    scope: '2',
    flags: { certificateFree: true },
    place: `${P}二楼公积金专区 31 号窗口（公积金提取与贷款）`,
  },
  {
    key: 'fund-withdrawal-rent',
    dept: 'fund',
    at: { parent: 'fund-withdrawal', sub: 2 },
    name: '住房公积金提取（租赁住房）',
    kind: 'public_service',
    basis: '《住房公积金管理条例》第二十四条；《关于维护住房公积金缴存职工购房贷款权益的通知》（建金〔2014〕148号）',
    legal: wd(3),
    promised: ON_THE_SPOT,
    result: '住房公积金提取核准结果',
    materials: [ID_CARD, BANK_CARD, mat('本人及配偶名下无房产承诺书', null)],
    review: '本人及配偶在本市无自有住房且租房自住',
    scope: '2',
    flags: { notifyCommit: true, selfService24h: true },
    place: `${P}二楼公积金专区 31 号窗口（公积金提取与贷款）`,
  },
  {
    key: 'fund-loan',
    dept: 'fund',
    at: { seq: 3 },
    name: '住房公积金个人住房贷款',
    kind: 'public_service',
    basis: '《住房公积金管理条例》第二十六条；《江西省住房公积金个人住房贷款管理办法》',
    legal: wd(15, '《住房公积金管理条例》第二十六条：十五日内作出准予或不准予贷款的决定'),
    promised: wd(7),
    result: '住房公积金个人住房贷款合同',
    materials: [
      ID_CARD,
      MARRIAGE_SHARED,
      mat('商品房买卖合同', '房地产开发企业', { copies: 1 }),
      tolerated(mat('个人收入证明', '借款人所在单位'), '借款人公积金连续正常缴存的，收入证明可容缺受理', 5),
      form('住房公积金个人住房贷款申请表'),
    ],
    review: '借款人连续正常缴存 6 个月以上，具有稳定收入和偿还能力',
    scope: '3',
    flags: { certificateFree: true, agencyHelp: true },
    place: `${P}二楼公积金专区 31 号窗口（公积金提取与贷款）`,
  },
  {
    key: 'fund-transfer',
    dept: 'fund',
    at: { seq: 4 },
    name: '住房公积金异地转移接续',
    kind: 'public_service',
    basis: '《住房公积金管理条例》；《住房公积金异地转移接续业务操作规程》（建金〔2016〕206号）',
    legal: wd(15),
    promised: wd(3),
    result: '住房公积金转移接续结果',
    materials: [ID_CARD],
    review: '职工在转出地账户已封存，在转入地已建立个人账户',
    scope: '1',
    flags: { appointment: false },
    place: `${P}二楼公积金专区 30 号窗口（公积金缴存）`,
  },

  // ------------------------------------------------ 不动产登记
  {
    key: 'estate-registration',
    dept: 'estate',
    at: { seq: 1 },
    name: '国有建设用地使用权及房屋所有权登记',
    kind: 'confirmation',
    basis: '《中华人民共和国民法典》第二百零九条、第二百一十条；《不动产登记暂行条例》第十四条、第二十条',
    legal: wd(30, '《不动产登记暂行条例》第二十条：三十个工作日内办结'),
    promised: wd(5),
    result: '不动产权证书或不动产登记证明',
    fee: { free: false, standard: '住宅类 80 元/件；非住宅类 550 元/件', basis: '《财政部 国家发展改革委关于不动产登记收费标准等有关问题的通知》（财税〔2016〕79号）' },
    materials: [ID_CARD, form('不动产登记申请书'), mat('权属来源证明材料', null, { copies: 1 })],
    review: '权属来源合法，申请登记事项与不动产登记簿记载不冲突',
    scope: '3',
    objects: ['1', '2', '3', '6'],
    flags: { extendedHours: true },
  },
  {
    key: 'estate-first',
    dept: 'estate',
    at: { parent: 'estate-registration', sub: 1 },
    name: '国有建设用地使用权及房屋所有权首次登记',
    kind: 'confirmation',
    basis: '《不动产登记暂行条例》第十四条；《不动产登记暂行条例实施细则》第三十五条',
    legal: wd(30),
    promised: wd(5),
    result: '不动产权证书',
    fee: { free: false, standard: '住宅类 80 元/件；非住宅类 550 元/件', basis: '《财政部 国家发展改革委关于不动产登记收费标准等有关问题的通知》（财税〔2016〕79号）' },
    materials: [LICENCE_SHARED, ID_CARD, mat('建设工程符合规划的材料', '自然资源主管部门', { copies: 1 }), mat('房屋已经竣工的材料', '住房城乡建设主管部门', { copies: 1 }), form('不动产登记申请书')],
    review: '房屋已竣工验收备案，权属来源清楚，界址清晰',
    scope: '3',
    objects: ['2', '6'],
    flags: { certificateFree: true },
  },
  {
    key: 'estate-transfer',
    dept: 'estate',
    at: { parent: 'estate-registration', sub: 2 },
    name: '国有建设用地使用权及房屋所有权转移登记',
    kind: 'confirmation',
    basis: '《不动产登记暂行条例》第十四条；《不动产登记暂行条例实施细则》第三十八条',
    legal: wd(30),
    promised: wd(3),
    result: '不动产权证书',
    fee: { free: false, standard: '住宅类 80 元/件；非住宅类 550 元/件', basis: '《财政部 国家发展改革委关于不动产登记收费标准等有关问题的通知》（财税〔2016〕79号）' },
    materials: [ID_CARD, ESTATE_CERT, form('不动产登记申请书'), mat('转移登记原因证明材料', null, { copies: 1 })],
    review: '转移原因合法有效，完税信息已推送',
    scope: '3',
    flags: { certificateFree: true, extendedHours: true },
  },
  {
    key: 'estate-transfer-sale',
    dept: 'estate',
    at: { parent: 'estate-transfer', handling: 1 },
    name: '存量房买卖转移登记',
    kind: 'confirmation',
    basis: '《不动产登记暂行条例实施细则》第三十八条',
    legal: wd(30),
    promised: wd(1, '交易、税费、登记一窗受理，当日可办结'),
    result: '不动产权证书',
    fee: { free: false, standard: '住宅类 80 元/件；非住宅类 550 元/件', basis: '《财政部 国家发展改革委关于不动产登记收费标准等有关问题的通知》（财税〔2016〕79号）' },
    materials: [
      ID_CARD,
      ESTATE_CERT,
      mat('存量房买卖合同', null),
      shared('契税完税证明', '税务机关', '通过税务部门共享推送'),
      tolerated(mat('婚姻状况证明', '婚姻登记机关或申请人书面声明'), '买卖双方身份、权属信息核验一致时，可容缺受理', 5),
      form('不动产登记申请书'),
    ],
    review: '买卖合同真实有效，房屋无查封、抵押限制或抵押权人同意转让',
    scope: '3',
    flags: { certificateFree: true, agencyHelp: true },
    place: `${P}二楼不动产登记专区 34 号窗口（交易、税费、登记一窗受理）`,
  },
  {
    key: 'estate-transfer-inheritance',
    dept: 'estate',
    at: { parent: 'estate-transfer', handling: 2 },
    name: '继承、受遗赠转移登记',
    kind: 'confirmation',
    basis: '《中华人民共和国民法典》第一千一百二十一条至第一千一百二十七条；《不动产登记暂行条例实施细则》第十四条',
    legal: wd(30),
    promised: wd(10, '含 15 个工作日公告期以外的时间'),
    result: '不动产权证书',
    fee: { free: false, standard: '住宅类 80 元/件', basis: '《财政部 国家发展改革委关于不动产登记收费标准等有关问题的通知》（财税〔2016〕79号）' },
    materials: [ID_CARD, ESTATE_CERT, mat('被继承人死亡证明', '医疗机构或公安机关'), mat('继承人亲属关系证明', null), mat('继承权告知承诺书', null)],
    review: '继承人范围和继承份额清楚，无争议',
    scope: '3',
    flags: { notifyCommit: true, certificateFree: true },
  },
  {
    key: 'estate-mortgage',
    dept: 'estate',
    at: { seq: 2 },
    name: '不动产抵押权登记',
    kind: 'confirmation',
    basis: '《中华人民共和国民法典》第四百零二条；《不动产登记暂行条例实施细则》第六十五条',
    legal: wd(30),
    promised: wd(1),
    result: '不动产登记证明（抵押权）',
    fee: { free: false, standard: '80 元/件（小微企业、个体工商户抵押登记免收）', basis: '《财政部 国家发展改革委关于不动产登记收费标准等有关问题的通知》（财税〔2016〕79号）' },
    materials: [ID_CARD, ESTATE_CERT, mat('主债权合同和抵押合同', '抵押权人'), form('不动产登记申请书')],
    review: '抵押合同合法有效，抵押物权属清楚',
    scope: '3',
    objects: ['1', '2'],
    flags: { certificateFree: true },
    place: `${P}二楼不动产登记专区 33 号窗口（不动产抵押登记）`,
  },
  {
    key: 'estate-inquiry',
    dept: 'estate',
    at: { seq: 3 },
    name: '不动产登记资料查询',
    kind: 'public_service',
    basis: '《不动产登记暂行条例》第二十七条；《不动产登记资料查询暂行办法》（国土资源部令第80号）',
    legal: wd(5),
    promised: ON_THE_SPOT,
    result: '不动产登记资料查询结果证明',
    materials: [ID_CARD],
    review: '查询人为权利人、利害关系人或有权查询的机关',
    scope: '2',
    flags: { selfService24h: true, appointment: false },
  },

  // ------------------------------------------------ 市场监管
  {
    key: 'company-establishment',
    dept: 'market',
    at: { seq: 1 },
    name: '企业设立登记',
    kind: 'licensing',
    basis: '《中华人民共和国市场主体登记管理条例》第三条、第十九条；《中华人民共和国公司法》第二十九条',
    legal: wd(3, '《市场主体登记管理条例》第十九条：三个工作日内予以登记'),
    promised: wd(1, '申请材料齐全、符合法定形式的当日办结'),
    result: '营业执照',
    materials: [ID_CARD, form('企业设立登记申请书'), mat('公司章程', null), mat('住所（经营场所）申报承诺书', null)],
    review: '申请材料齐全、符合法定形式，名称、住所、经营范围符合规定',
    scope: '2',
    objects: ['1', '2'],
    flags: { agencyHelp: true, notifyCommit: true, postalDelivery: true },
    place: `${P}二楼企业综合服务专区 35 号窗口（企业开办一窗通）`,
  },
  {
    key: 'individual-business',
    dept: 'market',
    at: { seq: 2 },
    name: '个体工商户设立登记',
    kind: 'licensing',
    basis: '《促进个体工商户发展条例》第九条；《中华人民共和国市场主体登记管理条例》第三条',
    legal: wd(3),
    promised: ON_THE_SPOT,
    result: '营业执照（个体工商户）',
    materials: [ID_CARD, form('个体工商户登记（备案）申请书'), mat('经营场所使用证明', null, { copies: 1 })],
    review: '经营者为有经营能力的自然人，经营场所、经营范围符合规定',
    scope: '1',
    flags: { certificateFree: true, postalDelivery: true },
    place: `${P}二楼企业综合服务专区 35 号窗口（企业开办一窗通）`,
  },
  {
    key: 'food-business-licence',
    dept: 'market',
    at: { seq: 3 },
    name: '食品经营许可',
    kind: 'licensing',
    basis: '《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）',
    legal: wd(10, '《食品经营许可和备案管理办法》第二十八条'),
    promised: wd(3),
    result: '食品经营许可证',
    materials: [
      LICENCE_SHARED,
      ID_CARD,
      form('食品经营许可申请书'),
      mat('与食品经营相适应的主要设备设施布局、操作流程等文件', null),
      tolerated(mat('食品安全管理制度目录', null), '主要材料齐全、申请人书面承诺时可容缺受理', 5),
    ],
    review: '具有与经营的食品品种、数量相适应的经营场所、设备设施和食品安全管理制度',
    scope: '3',
    objects: ['1', '2'],
    flags: { certificateFree: true, notifyCommit: true },
    place: `${P}二楼企业综合服务专区 36 号窗口（经营许可）`,
  },
  {
    key: 'medical-device-filing',
    dept: 'market',
    at: { seq: 4 },
    name: '第二类医疗器械经营备案',
    kind: 'filing',
    typeCode: '11',
    basis: '《医疗器械监督管理条例》第四十一条；《医疗器械经营监督管理办法》（国家市场监督管理总局令第54号）',
    legal: wd(1),
    promised: ON_THE_SPOT,
    result: '第二类医疗器械经营备案凭证',
    materials: [LICENCE_SHARED, ID_CARD, form('第二类医疗器械经营备案表'), mat('经营场所和库房地址证明', null, { copies: 1 })],
    review: '备案资料齐全',
    scope: '3',
    objects: ['2'],
    flags: { certificateFree: true },
    place: `${P}二楼企业综合服务专区 36 号窗口（经营许可）`,
  },

  // ------------------------------------------------ 民政
  {
    key: 'marriage',
    dept: 'civil',
    at: { seq: 1 },
    name: '内地居民婚姻登记',
    kind: 'confirmation',
    basis: '《中华人民共和国民法典》第一千零四十九条、第一千零七十六条；《婚姻登记条例》第四条、第十条',
    legal: wd(1),
    promised: ON_THE_SPOT,
    result: '结婚证或离婚证',
    fee: FREE,
    materials: [ID_CARD, HUKOU, mat('近期半身免冠合影照片', null, { originals: 3 })],
    review: '当事人双方亲自到场，符合法定条件',
    scope: '2',
    flags: { extendedHours: true },
    place: `${P}一楼婚姻登记颁证厅（综合窗口服务区 1 号窗口受理）`,
  },
  {
    key: 'marriage-wedding',
    dept: 'civil',
    at: { parent: 'marriage', sub: 1 },
    name: '内地居民结婚登记',
    kind: 'confirmation',
    basis: '《中华人民共和国民法典》第一千零四十九条；《婚姻登记条例》第四条、第五条；《国务院关于同意扩大内地居民婚姻登记“跨省通办”试点的批复》（国函〔2023〕34号）',
    legal: wd(1),
    promised: ON_THE_SPOT,
    result: '结婚证',
    materials: [ID_CARD, HUKOU, mat('近期半身免冠合影照片', null, { originals: 3 }), mat('无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明', null)],
    review: '男女双方完全自愿，达到法定婚龄，无禁止结婚情形',
    scope: '1',
    flags: { extendedHours: true, appointment: true },
    place: `${P}一楼婚姻登记颁证厅（综合窗口服务区 1 号窗口受理）`,
  },
  {
    key: 'marriage-divorce',
    dept: 'civil',
    at: { parent: 'marriage', sub: 2 },
    name: '内地居民离婚登记',
    kind: 'confirmation',
    basis: '《中华人民共和国民法典》第一千零七十六条、第一千零七十七条；《婚姻登记条例》第十条、第十一条',
    legal: cd(30, '离婚冷静期三十日，期满后三十日内双方亲自到场申请发证'),
    promised: cd(30),
    result: '离婚证',
    materials: [ID_CARD, HUKOU, eLicence(mat('结婚证', '婚姻登记机关')), mat('离婚协议书', null, { originals: 3 })],
    review: '双方自愿离婚，对子女抚养、财产及债务处理达成一致',
    scope: '2',
    flags: { appointment: true },
    place: `${P}一楼婚姻登记颁证厅（综合窗口服务区 1 号窗口受理）`,
  },
  {
    key: 'subsistence-allowance',
    dept: 'civil',
    at: { seq: 2 },
    name: '最低生活保障审核确认',
    kind: 'payment',
    basis: '《社会救助暂行办法》第十一条；《最低生活保障审核确认办法》（民发〔2021〕57号）；《江西省最低生活保障实施办法》',
    legal: wd(30, '特殊情况可延长至 45 个工作日'),
    promised: wd(20),
    result: '最低生活保障审核确认决定',
    materials: [ID_CARD, HUKOU_SHARED, form('最低生活保障申请书'), mat('家庭经济状况核对授权书', null)],
    review: '共同生活家庭成员人均收入低于当地最低生活保障标准，且符合财产状况规定',
    scope: '4',
    objects: ['1'],
    flags: { agencyHelp: true, notifyCommit: true, certificateFree: true },
  },
  {
    key: 'elderly-allowance',
    dept: 'civil',
    at: { seq: 3 },
    name: '80周岁以上老年人高龄津贴申领',
    kind: 'payment',
    basis: '《中华人民共和国老年人权益保障法》第三十三条；《江西省实施〈中华人民共和国老年人权益保障法〉办法》',
    legal: wd(20),
    promised: wd(10),
    result: '高龄津贴发放确认',
    materials: [ID_CARD, HUKOU_SHARED, BANK_CARD],
    review: '申请人年满 80 周岁，户籍在本区',
    scope: '4',
    flags: { agencyHelp: true, certificateFree: true, appointment: false },
  },

  // ------------------------------------------------ 交通运输
  {
    key: 'road-freight-licence',
    dept: 'transport',
    at: { seq: 1 },
    name: '道路货物运输经营许可',
    kind: 'licensing',
    basis: '《中华人民共和国道路运输条例》第二十四条；《道路货物运输及站场管理规定》（交通运输部令2023年第12号）',
    legal: wd(20, '《道路运输条例》第二十四条：二十日内审查完毕'),
    promised: wd(5),
    result: '道路运输经营许可证',
    materials: [LICENCE_SHARED, ID_CARD, form('道路货物运输经营申请表'), mat('安全生产管理制度文本', null), mat('拟投入车辆承诺书', null)],
    review: '有与经营业务相适应并经检测合格的车辆、符合条件的驾驶人员和健全的安全生产管理制度',
    scope: '3',
    objects: ['1', '2'],
    flags: { notifyCommit: true, certificateFree: true },
  },
  {
    key: 'taxi-driver-certificate',
    dept: 'transport',
    at: { seq: 2 },
    name: '网络预约出租汽车驾驶员从业资格证核发',
    kind: 'licensing',
    basis: '《网络预约出租汽车经营服务管理暂行办法》第十四条、第十五条；《出租汽车驾驶员从业资格管理规定》',
    legal: wd(20),
    promised: wd(10),
    result: '网络预约出租汽车驾驶员证',
    materials: [ID_CARD, mat('机动车驾驶证', '公安机关交通管理部门', { eLicenceAccepted: true }), form('网络预约出租汽车驾驶员从业资格申请表'), shared('无犯罪记录证明', '公安机关', '通过公安部门共享核查')],
    review: '取得相应准驾车型机动车驾驶证并具有 3 年以上驾驶经历，无交通肇事犯罪等记录，考试合格',
    scope: '3',
    flags: { certificateFree: true },
  },

  // ------------------------------------------------ 卫健
  {
    key: 'birth-medical-certificate',
    dept: 'health',
    at: { seq: 1 },
    name: '出生医学证明首次签发',
    kind: 'public_service',
    basis: '《中华人民共和国母婴保健法》第二十三条；《国家卫生健康委关于做好新版出生医学证明管理工作的通知》',
    legal: wd(5),
    promised: ON_THE_SPOT,
    result: '出生医学证明（含电子证照）',
    materials: [ID_CARD, mat('新生儿出生信息记录', '助产医疗机构', { note: '由助产机构在新生儿出生后提供' }), form('出生医学证明首次签发登记表')],
    review: '新生儿在本辖区助产机构出生，父母身份信息与出生记录一致',
    scope: '3',
    flags: { agencyHelp: true },
  },
  {
    key: 'public-place-hygiene',
    dept: 'health',
    at: { seq: 2 },
    name: '公共场所卫生许可',
    kind: 'licensing',
    basis: '《公共场所卫生管理条例》第八条；《公共场所卫生管理条例实施细则》第二十二条',
    legal: wd(20),
    promised: wd(5),
    result: '公共场所卫生许可证',
    materials: [LICENCE_SHARED, ID_CARD, form('公共场所卫生许可申请表'), mat('公共场所卫生管理制度', null), mat('公共场所卫生检测或评价报告', '具备资质的检测机构', { required: false, note: '实行告知承诺的可承诺后补' })],
    review: '场所布局、卫生设施和卫生管理制度符合公共场所卫生标准',
    scope: '3',
    objects: ['2', '6'],
    flags: { notifyCommit: true, certificateFree: true },
  },
  {
    key: 'physician-registration',
    dept: 'health',
    at: { seq: 3 },
    name: '医师执业注册',
    kind: 'licensing',
    basis: '《中华人民共和国医师法》第十三条；《医师执业注册管理办法》（国家卫生和计划生育委员会令第13号）',
    legal: wd(20),
    promised: wd(5),
    result: '医师执业证书（电子化注册）',
    materials: [ID_CARD, eLicence(mat('医师资格证书', '卫生健康主管部门')), mat('拟执业医疗机构聘用证明', '医疗机构'), mat('健康体检证明', '医疗机构')],
    review: '取得医师资格，身体健康，无不予注册情形',
    scope: '2',
    flags: { certificateFree: true },
  },

  // ------------------------------------------------ 住建
  {
    key: 'construction-permit',
    dept: 'housing',
    at: { seq: 1 },
    name: '建筑工程施工许可证核发',
    kind: 'licensing',
    basis: '《中华人民共和国建筑法》第七条、第八条；《建筑工程施工许可管理办法》（住房和城乡建设部令第18号）',
    legal: wd(7, '《建筑工程施工许可管理办法》第五条：七日内颁发施工许可证'),
    promised: wd(3),
    result: '建筑工程施工许可证',
    materials: [
      LICENCE_SHARED,
      ID_CARD,
      form('建筑工程施工许可证申请表'),
      mat('建设工程规划许可证', '自然资源主管部门', { eLicenceAccepted: true }),
      mat('施工合同', '建设单位', { copies: 1 }),
      tolerated(mat('保证工程质量和安全的具体措施资料', '建设单位'), '主要材料齐全、建设单位书面承诺时可容缺受理', 10),
    ],
    review: '已办理用地批准手续、取得规划许可，施工企业已确定，有保证工程质量和安全的具体措施',
    scope: '3',
    objects: ['2', '3', '6'],
    flags: { certificateFree: true, agencyHelp: true },
  },
  {
    key: 'presale-permit',
    dept: 'housing',
    at: { seq: 2 },
    name: '商品房预售许可',
    kind: 'licensing',
    basis: '《中华人民共和国城市房地产管理法》第四十五条；《城市商品房预售管理办法》第七条',
    legal: wd(10),
    promised: wd(5),
    result: '商品房预售许可证',
    materials: [LICENCE_SHARED, ID_CARD, form('商品房预售许可申请表'), mat('建设工程施工许可证', '住房城乡建设主管部门', { eLicenceAccepted: true }), mat('工程施工进度说明', '建设单位'), mat('商品房预售方案', '建设单位')],
    review: '已交付全部土地使用权出让金，投入开发建设资金达工程建设总投资 25% 以上',
    scope: '4',
    objects: ['2'],
    flags: { certificateFree: true },
  },
  {
    key: 'completion-filing',
    dept: 'housing',
    at: { seq: 3 },
    name: '房屋建筑和市政基础设施工程竣工验收备案',
    kind: 'filing',
    typeCode: '11',
    basis: '《建设工程质量管理条例》第四十九条；《房屋建筑和市政基础设施工程竣工验收备案管理办法》（住房和城乡建设部令第2号）',
    legal: cd(15),
    promised: wd(3),
    result: '工程竣工验收备案表',
    materials: [LICENCE_SHARED, form('工程竣工验收备案表'), mat('工程竣工验收报告', '建设单位'), mat('规划、消防等部门出具的认可文件或准许使用文件', '有关主管部门')],
    review: '备案文件齐全',
    scope: '4',
    objects: ['2'],
    flags: { certificateFree: true },
  },

  // ------------------------------------------------ 自然资源、司法、退役军人、供电
  {
    key: 'planning-permit',
    dept: 'land',
    at: { seq: 1 },
    name: '建设工程规划许可证核发',
    kind: 'licensing',
    basis: '《中华人民共和国城乡规划法》第四十条；《江西省城乡规划条例》',
    legal: wd(20),
    promised: wd(10),
    result: '建设工程规划许可证',
    materials: [LICENCE_SHARED, ID_CARD, form('建设工程规划许可申请表'), mat('使用土地的有关证明文件', '自然资源主管部门'), mat('建设工程设计方案', '设计单位')],
    review: '建设工程设计方案符合控制性详细规划和规划条件',
    scope: '4',
    objects: ['2', '3', '6'],
    flags: { certificateFree: true, agencyHelp: true },
  },
  {
    key: 'legal-aid',
    dept: 'justice',
    at: { seq: 1 },
    name: '法律援助申请',
    kind: 'public_service',
    basis: '《中华人民共和国法律援助法》第三十一条、第四十三条',
    legal: wd(7, '《法律援助法》第四十三条：七日内作出决定'),
    promised: wd(3),
    result: '给予法律援助决定书或不予法律援助决定书',
    materials: [ID_CARD, form('法律援助申请表'), mat('经济困难状况说明表', null), shared('最低生活保障证明', '民政部门', '通过社会救助信息共享核验'), mat('与申请事项相关的案件材料', null, { copies: 1 })],
    review: '申请人经济困难且申请事项属于法律援助范围，或属于免予核查经济困难状况的情形',
    scope: '2',
    flags: { agencyHelp: true, certificateFree: true, appointment: false },
  },
  {
    key: 'veteran-preferential-card',
    dept: 'veterans',
    at: { seq: 1 },
    name: '退役军人优待证申领',
    kind: 'public_service',
    basis: '《中华人民共和国退役军人保障法》第六十二条；《退役军人、其他优抚对象优待证管理办法》（退役军人部发〔2022〕1号）',
    legal: wd(30),
    promised: wd(15),
    result: '中华人民共和国退役军人优待证',
    materials: [ID_CARD, shared('退役证件', '部队或退役军人事务部门', '通过退役军人信息系统核验'), mat('近期免冠证件照', null)],
    review: '申请人为本区户籍退役军人，信息采集完整',
    scope: '4',
    flags: { agencyHelp: true, certificateFree: true },
  },
  {
    key: 'residential-power',
    dept: 'power',
    at: { seq: 1 },
    name: '低压居民用电新装',
    kind: 'public_service',
    basis: '《电力供应与使用条例》第二十二条；《供电营业规则》（国家发展和改革委员会令2024年第14号）第十七条',
    legal: wd(5),
    promised: wd(3, '无外线工程的当日受理后三个工作日内装表接电'),
    result: '供用电合同及装表接电',
    materials: [ID_CARD, ESTATE_SHARED],
    review: '用电地址产权清晰，具备供电条件',
    scope: '3',
    flags: { certificateFree: true, onlinePayment: true },
  },
];

// ---------------------------------------------------------------- codes

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function uscOf(dept: string): string {
  const found = DEMO_DEPARTMENTS.find((d) => d.key === dept);
  if (!found) throw new Error(`demo items: unknown department ${dept}`);
  return found.uscc;
}

/**
 * Computes the codes down the tree: a main item's basic code is its type code, the
 * department's block and a 3-digit sequence, ending in 000; a sub-item replaces the
 * last three digits by its own sequence; a handling item extends its parent's
 * implementation code by a 2-digit sequence (REFERENCES.md "Service item data").
 */
function build(drafts: readonly Draft[]): DemoItem[] {
  const done = new Map<string, DemoItem>();
  for (const d of drafts) {
    const guide = guideOf(d);
    const uscc = uscOf(d.dept);
    let level: ItemLevel;
    let parentKey: string | null = null;
    let basicCode: string;
    let handlingCode: string | null = null;
    if ('seq' in d.at) {
      level = 'main';
      const block = DEPARTMENT_BLOCK[d.dept];
      if (!block) throw new Error(`demo items: no code block for ${d.dept}`);
      basicCode = `${guide.typeCode}${block}${pad(d.at.seq, 3)}000`;
    } else {
      const parent = done.get(d.at.parent);
      if (!parent) throw new Error(`demo items: parent ${d.at.parent} must come before ${d.key}`);
      parentKey = parent.key;
      if ('sub' in d.at) {
        level = 'sub';
        basicCode = `${parent.basicCode.slice(0, 9)}${pad(d.at.sub, 3)}`;
      } else {
        level = 'handling';
        basicCode = parent.basicCode;
        handlingCode = `${parent.implementationCode}${pad(d.at.handling, 2)}`;
      }
    }
    const implementationCode = handlingCode ? handlingCode.slice(0, 31) : `${uscc}${DEMO_EXERCISE_LEVEL}${basicCode}`;
    done.set(d.key, { key: d.key, department: d.dept, level, parentKey, basicCode, implementationCode, handlingCode, guide });
  }
  return [...done.values()];
}

/** Every demo item, parents before their children. */
export const DEMO_ITEMS: readonly DemoItem[] = build(DRAFTS);

// ---------------------------------------------------------------- bundles

/** §8.2.4 "高效办成一件事": one guide, one merged material list, ordered steps, comprehensive counters. */
export const DEMO_BUNDLES: readonly DemoBundle[] = [
  {
    key: 'newborn',
    name: '新生儿出生一件事',
    itemKeys: ['birth-medical-certificate', 'birth-registration', 'resident-medical-insurance', 'social-card'],
    steps: [
      { order: 1, name: '办理出生医学证明', itemKeys: ['birth-medical-certificate'] },
      { order: 2, name: '申报出生登记（落户）', itemKeys: ['birth-registration'] },
      { order: 3, name: '城乡居民医保参保登记', itemKeys: ['resident-medical-insurance'] },
      { order: 4, name: '申领社会保障卡', itemKeys: ['social-card'] },
    ],
    acceptingCounterKind: 'comprehensive',
    guideText: '新生儿父母一次提交材料，在综合窗口统一受理，依次办理出生医学证明、户口登记、医保参保和社会保障卡申领，结果可邮寄到家。',
  },
  {
    key: 'company-opening',
    name: '企业开办一件事',
    itemKeys: ['company-establishment', 'seal-filing', 'tax-registration', 'invoice', 'social-insurance-registration', 'fund-unit-registration'],
    steps: [
      { order: 1, name: '企业设立登记，领取营业执照', itemKeys: ['company-establishment'] },
      { order: 2, name: '公章刻制备案', itemKeys: ['seal-filing'] },
      { order: 3, name: '涉税信息确认和发票领用', itemKeys: ['tax-registration', 'invoice'] },
      { order: 4, name: '社会保险登记和住房公积金缴存登记', itemKeys: ['social-insurance-registration', 'fund-unit-registration'] },
    ],
    acceptingCounterKind: 'comprehensive',
    guideText: '申请人在综合窗口或“企业开办一网通办”平台一次填报、一次提交，营业执照、印章、发票和社保、公积金登记一日办结，免费寄递。',
  },
];

// ---------------------------------------------------------------- inputs for the use cases

/**
 * The demo items as inputs to the catalogue's use cases, departments resolved to ids.
 * 结果样本 are placeholder file ids (`demo-result-sample-<key>`) until the caller passes
 * `sampleFileIdFor` with stored files. Parents come before their children.
 */
export function demoItems(departmentIdsByKey: ReadonlyMap<string, string> | Readonly<Record<string, string>>, sampleFileIdFor?: (item: DemoItem) => string): DemoItemInput[] {
  const idOf = (key: string): string => {
    const id = departmentIdsByKey instanceof Map ? departmentIdsByKey.get(key) : (departmentIdsByKey as Readonly<Record<string, string>>)[key];
    if (id === undefined) throw new Error(`demo items: no department id for ${key}`);
    return id;
  };
  return DEMO_ITEMS.map((item) => ({
    key: item.key,
    departmentId: idOf(item.department),
    level: item.level,
    parentKey: item.parentKey,
    basicCode: item.basicCode,
    // A handling item is named by its handling code alone; the implementation code it extends is derived.
    implementationCode: item.level === 'handling' ? null : item.implementationCode,
    handlingCode: item.handlingCode,
    guide: sampleFileIdFor ? { ...item.guide, resultSampleFileId: sampleFileIdFor(item) } : item.guide,
  }));
}

/** The demo bundles with item keys resolved to the ids the items were created with. */
export function demoBundles(itemIdsByKey: ReadonlyMap<string, string>): { name: string; itemIds: string[]; steps: { order: number; name: string; itemIds: string[] }[]; acceptingCounterKind: 'comprehensive'; guideText: string }[] {
  const idOf = (key: string): string => {
    const id = itemIdsByKey.get(key);
    if (id === undefined) throw new Error(`demo bundles: no item id for ${key}`);
    return id;
  };
  return DEMO_BUNDLES.map((b) => ({
    name: b.name,
    itemIds: b.itemKeys.map(idOf),
    steps: b.steps.map((s) => ({ order: s.order, name: s.name, itemIds: s.itemKeys.map(idOf) })),
    acceptingCounterKind: b.acceptingCounterKind,
    guideText: b.guideText,
  }));
}
