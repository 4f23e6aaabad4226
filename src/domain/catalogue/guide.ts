/**
 * The service guide (办事指南) of an item as structured data, its mandatory elements
 * (DB36/T 2016 §7.3.3.3) and the consistency rules between them (§8.1.2.3, §8.2).
 *
 * A draft may be incomplete: every mandatory element is nullable, and
 * {@link missingForPublication} names each one still missing.
 */
import { AppError, type FieldIssue } from '../shared/errors.ts';
import { isValidUscc } from '../shared/identity.ts';
import { validateTypeCodeForKind } from './codes.ts';
import { materialKey } from './text.ts';
import type { CaseKind, HandlingForm, ImplementerNature, ItemKind, ServiceObject, ThroughScope, TimeLimitUnit } from './codes.ts';

export interface TimeLimit {
  readonly value: number;
  readonly unit: TimeLimitUnit;
  readonly note?: string | null;
}

/** 收费标准 / 收费依据: free, or a standard and its legal basis. */
export type Fee = { readonly free: true } | { readonly free: false; readonly standard: string | null; readonly basis: string | null };

/** §8.2.7: a material that may be missing at acceptance (容缺), completed later. */
export interface MaterialTolerance {
  /** 容缺受理条件. */
  readonly conditions: string | null;
  /** 补齐材料时限. */
  readonly completionDeadline: TimeLimit | null;
}

/** One application material (申请材料). */
export interface Material {
  readonly name: string;
  /** 出具机构 (null when the applicant draws it up). */
  readonly issuingBody: string | null;
  readonly originals: number;
  readonly copies: number;
  /** 是否必备: the applicant must hand it in. */
  readonly required: boolean;
  /** §8.1.2.3c: obtained by data sharing, never asked of the applicant. */
  readonly viaDataSharing: boolean;
  /** §8.2.7: may be missing under 容缺受理; null when not. */
  readonly tolerance: MaterialTolerance | null;
  /** §6.3.2: 空白表格 and 格式范本, as stored file ids. */
  readonly blankFormFileId: string | null;
  readonly sampleFileId: string | null;
  /** §8.2.5: an electronic licence is accepted instead of the paper one (免证办). */
  readonly eLicenceAccepted: boolean;
  readonly note?: string | null;
}

/** One step of 办理流程. */
export interface ProcessStep {
  readonly name: string;
  readonly description?: string | null;
  readonly timeLimit?: TimeLimit | null;
}

/**
 * The flags of DB36/T 2016 §8.2 that put an item on the centre's lists. 预约办理、
 * 网上支付、物流快递 are also §7.3.3.3 guide elements: null means "not yet stated".
 */
export interface ItemFlags {
  /** §8.2.2 帮代办. */
  readonly agencyHelp: boolean;
  /** §8.2.7 告知承诺制. */
  readonly notifyCommit: boolean;
  /** §8.2.7 容缺受理. */
  readonly toleranceAcceptance: boolean;
  /** §8.2.6 跨省通办 / 省内通办 / 市内通办. */
  readonly crossProvince: boolean;
  readonly withinProvince: boolean;
  readonly withinCity: boolean;
  /** §8.2.5 免证办. */
  readonly certificateFree: boolean;
  /** §8.2.8 延时错时. */
  readonly extendedHours: boolean;
  /** §8.2.3 24 h self-service. */
  readonly selfService24h: boolean;
  /** §7.3.3.3 预约办理 / §8.2.8. */
  readonly appointment: boolean | null;
  /** §7.3.3.3 网上支付. */
  readonly onlinePayment: boolean | null;
  /** §7.3.3.3 物流快递 / §8.1.2.5. */
  readonly postalDelivery: boolean | null;
}

export interface ImplementingBody {
  readonly name: string | null;
  readonly uscc: string | null;
  readonly nature?: ImplementerNature | null;
}

/** The guide elements of DB36/T 2016 §7.3.3.3, plus the §8.2 flags. */
export interface ItemGuide {
  /** 事项名称. */
  readonly name: string | null;
  /** 事项类型 and its code. */
  readonly kind: ItemKind | null;
  readonly typeCode: string | null;
  /** 设定依据. */
  readonly legalBasis: string | null;
  /** 实施机构. */
  readonly implementingBody: ImplementingBody | null;
  /** 法定办结时限 / 承诺办结时限. */
  readonly legalTimeLimit: TimeLimit | null;
  readonly promisedTimeLimit: TimeLimit | null;
  /** 办件类型. */
  readonly caseKind: CaseKind | null;
  /** 结果名称 / 结果样本 (stored file id). */
  readonly resultName: string | null;
  readonly resultSampleFileId: string | null;
  /** 收费标准 / 收费依据. */
  readonly fee: Fee | null;
  /** 申请材料 (an empty list is a statement: no material needed). */
  readonly materials: readonly Material[] | null;
  /** 办理流程. */
  readonly process: readonly ProcessStep[] | null;
  /** 办理形式 (several). */
  readonly handlingForms: readonly HandlingForm[] | null;
  /** 审查标准. */
  readonly reviewStandard: string | null;
  /** 通办范围. */
  readonly throughScope: ThroughScope | null;
  readonly serviceObjects?: readonly ServiceObject[] | null;
  /** 办理地点 / 办理时间 / 咨询电话 / 监督电话. */
  readonly place: string | null;
  readonly hours: string | null;
  readonly consultationPhone: string | null;
  readonly supervisionPhone: string | null;
  readonly flags: ItemFlags;
}

/** A missing mandatory element: its path and its name in §7.3.3.3. */
export interface MissingElement extends FieldIssue {
  readonly element: string;
}

function blank(value: string | null | undefined): boolean {
  return value === null || value === undefined || value.trim() === '';
}

function missing(path: string, element: string): MissingElement {
  return { path, element, code: 'ITEM_GUIDE_ELEMENT_MISSING', message: `缺少办事指南要素：${element}（DB36/T 2016 §7.3.3.3）` };
}

/**
 * DB36/T 2016 §7.3.3.3: every mandatory guide element still missing, in the order of
 * the clause, each with its path and Chinese name. Publication refuses while any is.
 */
export function missingForPublication(guide: ItemGuide): MissingElement[] {
  const out: MissingElement[] = [];
  const text = (path: string, element: string, value: string | null | undefined): void => {
    if (blank(value)) out.push(missing(path, element));
  };
  text('/name', '事项名称', guide.name);
  if (guide.kind === null) out.push(missing('/kind', '事项类型'));
  text('/typeCode', '事项类型代码', guide.typeCode);
  text('/legalBasis', '设定依据', guide.legalBasis);
  if (guide.implementingBody === null) {
    out.push(missing('/implementingBody', '实施机构'));
  } else {
    text('/implementingBody/name', '实施机构名称', guide.implementingBody.name);
    text('/implementingBody/uscc', '实施机构统一社会信用代码', guide.implementingBody.uscc);
  }
  if (guide.legalTimeLimit === null) out.push(missing('/legalTimeLimit', '法定办结时限'));
  if (guide.promisedTimeLimit === null) out.push(missing('/promisedTimeLimit', '承诺办结时限'));
  if (guide.caseKind === null) out.push(missing('/caseKind', '办件类型'));
  text('/resultName', '结果名称', guide.resultName);
  text('/resultSampleFileId', '结果样本', guide.resultSampleFileId);
  if (guide.fee === null) {
    out.push(missing('/fee', '收费标准'), missing('/fee', '收费依据'));
  } else if (!guide.fee.free) {
    text('/fee/standard', '收费标准', guide.fee.standard);
    text('/fee/basis', '收费依据', guide.fee.basis);
  }
  if (guide.materials === null) {
    out.push(missing('/materials', '申请材料'));
  } else {
    guide.materials.forEach((m, i) => text(`/materials/${i}/name`, `申请材料名称（第 ${i + 1} 项）`, m.name));
  }
  if (guide.process === null || guide.process.length === 0) out.push(missing('/process', '办理流程'));
  else guide.process.forEach((s, i) => text(`/process/${i}/name`, `办理环节名称（第 ${i + 1} 步）`, s.name));
  if (guide.handlingForms === null || guide.handlingForms.length === 0) out.push(missing('/handlingForms', '办理形式'));
  text('/reviewStandard', '审查标准', guide.reviewStandard);
  if (guide.throughScope === null) out.push(missing('/throughScope', '通办范围'));
  if (guide.flags.appointment === null) out.push(missing('/flags/appointment', '预约办理'));
  if (guide.flags.onlinePayment === null) out.push(missing('/flags/onlinePayment', '网上支付'));
  if (guide.flags.postalDelivery === null) out.push(missing('/flags/postalDelivery', '物流快递'));
  text('/place', '办理地点', guide.place);
  text('/hours', '办理时间', guide.hours);
  text('/consultationPhone', '咨询电话', guide.consultationPhone);
  text('/supervisionPhone', '监督电话', guide.supervisionPhone);
  return out;
}

/** More than one day (or 24 hours): not an on-the-spot promise. */
function isMultiDay(limit: TimeLimit): boolean {
  return limit.unit === 'hour' ? limit.value > 24 : limit.value > 1;
}

/**
 * Whether `promised` is certainly longer than `legal`. Same unit: compare values.
 * Working days against calendar days: N working days never span fewer than N calendar
 * days, so a promise of more working days than the legal calendar days is too long.
 * Other unit pairs depend on the calendar and are left to the case deadline rules.
 */
function exceeds(promised: TimeLimit, legal: TimeLimit): boolean {
  if (promised.unit === legal.unit) return promised.value > legal.value;
  if (promised.unit === 'working_day' && legal.unit === 'calendar_day') return promised.value > legal.value;
  return false;
}

function checkTimeLimit(path: string, label: string, limit: TimeLimit | null | undefined): FieldIssue[] {
  if (!limit) return [];
  if (!Number.isInteger(limit.value) || limit.value < 0) {
    return [{ path: `${path}/value`, code: 'ITEM_TIME_LIMIT_INVALID', message: `${label}应为非负整数，实为 ${limit.value}` }];
  }
  return [];
}

/** §8.2.6: which 通办范围 codes cover each 通办 flag (1 全国, 2 全省, 3 全市). */
const SCOPE_FOR_FLAG = {
  crossProvince: { scopes: ['1'], label: '跨省通办', need: '全国' },
  withinProvince: { scopes: ['1', '2'], label: '省内通办', need: '全省或全国' },
  withinCity: { scopes: ['1', '2', '3'], label: '市内通办', need: '全市、全省或全国' },
} as const;

/**
 * Consistency rules between guide elements; checks only what is present (missing
 * elements are {@link missingForPublication}'s business).
 */
export function checkGuideConsistency(guide: ItemGuide): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { legalTimeLimit: legal, promisedTimeLimit: promised, flags } = guide;
  // 事项类型 and 事项类型代码 must agree (GB/T 39046 type codes; DB36/T 2016 §3.1).
  if (guide.kind !== null && !blank(guide.typeCode)) issues.push(...validateTypeCodeForKind(guide.kind, guide.typeCode ?? ''));
  const uscc = guide.implementingBody?.uscc?.trim();
  if (uscc && !isValidUscc(uscc)) {
    issues.push({ path: '/implementingBody/uscc', code: 'USCC_INVALID', message: `实施机构统一社会信用代码“${uscc}”不正确（GB 32100）` });
  }
  issues.push(...checkTimeLimit('/legalTimeLimit', '法定办结时限', legal), ...checkTimeLimit('/promisedTimeLimit', '承诺办结时限', promised));
  if (legal && promised && exceeds(promised, legal)) {
    issues.push({
      path: '/promisedTimeLimit',
      code: 'ITEM_PROMISED_LIMIT_EXCEEDS_LEGAL',
      message: `承诺办结时限（${promised.value}${unitLabel(promised)}）不能长于法定办结时限（${legal.value}${unitLabel(legal)}）`,
    });
  }
  // 即办件: handled on the spot, so no promise of several days.
  if (guide.caseKind === '1' && promised && isMultiDay(promised)) {
    issues.push({ path: '/promisedTimeLimit', code: 'ITEM_IMMEDIATE_LIMIT_INVALID', message: `即办件不能承诺多日办结，实为 ${promised.value}${unitLabel(promised)}` });
  }

  const materials = guide.materials ?? [];
  const seen = new Map<string, number>();
  let tolerated = 0;
  materials.forEach((m, i) => {
    const at = `/materials/${i}`;
    for (const field of ['originals', 'copies'] as const) {
      if (!Number.isInteger(m[field]) || m[field] < 0) {
        issues.push({ path: `${at}/${field}`, code: 'ITEM_MATERIAL_COUNT_INVALID', message: `“${m.name}”的${field === 'originals' ? '原件' : '复印件'}份数应为非负整数` });
      }
    }
    const key = materialKey(m.name, m.issuingBody);
    const first = seen.get(key);
    if (first !== undefined && m.name.trim() !== '') {
      issues.push({ path: `${at}/name`, code: 'ITEM_MATERIAL_DUPLICATE', message: `申请材料“${m.name}”与第 ${first + 1} 项重复` });
    } else seen.set(key, i);
    // §8.1.2.3c: what data sharing provides is not asked of the applicant again.
    if (m.viaDataSharing && (m.required || m.originals > 0 || m.copies > 0)) {
      issues.push({
        path: `${at}/viaDataSharing`,
        code: 'ITEM_SHARED_MATERIAL_REQUESTED',
        message: `“${m.name}”可通过数据共享获取，不应要求申请人提交（不能为必备，原件、复印件份数应为 0）（DB36/T 2016 §8.1.2.3c）`,
      });
    }
    // §8.2.7: 明确容缺受理条件范围、补齐材料时限.
    if (m.tolerance) {
      tolerated++;
      const d = m.tolerance.completionDeadline;
      if (blank(m.tolerance.conditions) || !d || !Number.isInteger(d.value) || d.value <= 0) {
        issues.push({
          path: `${at}/tolerance`,
          code: 'ITEM_TOLERANCE_DEADLINE_REQUIRED',
          message: `容缺材料“${m.name}”须写明容缺受理条件和补齐时限（正整数）（DB36/T 2016 §8.2.7）`,
        });
      }
      if (!flags.toleranceAcceptance) {
        issues.push({ path: `${at}/tolerance`, code: 'ITEM_TOLERANCE_FLAG_REQUIRED', message: `材料“${m.name}”可容缺，事项须标注容缺受理（DB36/T 2016 §8.2.7）` });
      }
    }
  });
  if (flags.toleranceAcceptance && tolerated === 0) {
    issues.push({ path: '/flags/toleranceAcceptance', code: 'ITEM_TOLERANCE_MATERIALS_REQUIRED', message: '容缺受理事项须至少有一项可容缺的材料，并写明条件和补齐时限（DB36/T 2016 §8.2.7）' });
  }
  // §8.2.5: 免证办 needs some material that an e-licence or data sharing replaces.
  if (flags.certificateFree && !materials.some((m) => m.eLicenceAccepted || m.viaDataSharing)) {
    issues.push({ path: '/flags/certificateFree', code: 'ITEM_CERTIFICATE_FREE_UNSUPPORTED', message: '免证办事项须至少有一项材料可用电子证照或通过数据共享获取（DB36/T 2016 §8.2.5）' });
  }
  // §8.2.6: a 通办 flag needs a 通办范围 wide enough.
  if (guide.throughScope !== null) {
    for (const flag of ['crossProvince', 'withinProvince', 'withinCity'] as const) {
      const rule = SCOPE_FOR_FLAG[flag];
      if (flags[flag] && !(rule.scopes as readonly string[]).includes(guide.throughScope)) {
        issues.push({ path: `/flags/${flag}`, code: 'ITEM_THROUGH_SCOPE_CONFLICT', message: `${rule.label}事项的通办范围应为${rule.need}（DB36/T 2016 §8.2.6）` });
      }
    }
  }
  return issues;
}

function unitLabel(limit: TimeLimit): string {
  switch (limit.unit) {
    case 'working_day':
      return '个工作日';
    case 'calendar_day':
      return '个自然日';
    case 'hour':
      return '小时';
  }
}

/** Every reason the guide cannot be published: missing elements first, then contradictions. */
export function publicationIssues(guide: ItemGuide): FieldIssue[] {
  return [...missingForPublication(guide), ...checkGuideConsistency(guide)];
}

/** Throws ITEM_PUBLICATION_INCOMPLETE listing every issue, when there is any. */
export function assertPublishable(guide: ItemGuide): void {
  const fields = publicationIssues(guide);
  if (fields.length > 0) {
    const names = fields.filter((f): f is MissingElement => 'element' in f).map((f) => f.element);
    const message = names.length > 0 ? `办事指南不能发布，缺少：${names.join('、')}` : '办事指南要素有矛盾，不能发布';
    throw new AppError('ITEM_PUBLICATION_INCOMPLETE', { message, fields });
  }
}
