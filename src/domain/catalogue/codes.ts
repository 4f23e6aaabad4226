/**
 * Codes and enumerations of service items (政务服务事项), per GB/T 39554 / GB/T 39046
 * as summarised in REFERENCES.md "Service item data", and DB36/T 2016 §7.3.3.2
 * (每一项政务服务事项的唯一标识代码 … 统一设置相同的基本编码).
 *
 * Every validator returns field issues `{path, code, message}` (empty when valid),
 * so a caller can collect all of them before refusing.
 */
import type { FieldIssue } from '../shared/errors.ts';
import { isValidUscc, usccCheckChar } from '../shared/identity.ts';

/** Digits and upper-case Latin letters: the charset of basic and implementation codes. */
const CODE_CHARSET = /^[0-9A-Z]+$/;
/** GB/T 39046 gives at most 10 characters; codes in use carry 12. Both are accepted. */
export const BASIC_CODE_LENGTHS = [10, 12] as const;
/** 18 (USCC) + 1 (行使层级) + 12 (basic code). */
export const IMPLEMENTATION_CODE_LENGTH = 31;
/** Implementation code + 2-digit sequence (业务办理项编码). */
export const HANDLING_CODE_LENGTH = 33;

// ---------------------------------------------------------------- enumerations

/** 行使层级: the 19th character of an implementation code. */
export const EXERCISE_LEVELS = {
  '1': '国家级',
  '2': '省级',
  '3': '市级',
  '4': '县级',
  '5': '镇乡街道级',
  '6': '村社区级',
  '7': '分级管理',
} as const;
export type ExerciseLevel = keyof typeof EXERCISE_LEVELS;

/** 办件类型. */
export const CASE_KINDS = { '1': '即办件', '2': '承诺件', '9': '其他' } as const;
export type CaseKind = keyof typeof CASE_KINDS;

/** 办理形式 (an item may offer several). */
export const HANDLING_FORMS = {
  '1': '窗口办理',
  '2': '电脑端网上办理',
  '3': '移动端网上申请',
  '4': '快递申请',
  '9': '其他',
} as const;
export type HandlingForm = keyof typeof HANDLING_FORMS;

/** 通办范围 as used in practice; DB36/T 2016 §8.2.6 speaks of 跨省/省内/市内通办. */
export const THROUGH_SCOPES = {
  '1': '全国',
  '2': '全省',
  '3': '全市',
  '4': '全县',
  '5': '全镇（乡、街道）',
  '6': '跨村（社区）',
} as const;
export type ThroughScope = keyof typeof THROUGH_SCOPES;

/** 服务对象. */
export const SERVICE_OBJECTS = {
  '1': '自然人',
  '2': '企业法人',
  '3': '事业法人',
  '4': '社会组织法人',
  '5': '行政机关',
  '6': '其他组织',
} as const;
export type ServiceObject = keyof typeof SERVICE_OBJECTS;

/** 实施主体性质. */
export const IMPLEMENTER_NATURES = { '1': '法定机关', '2': '授权组织', '3': '受委托组织', '9': '其他' } as const;
export type ImplementerNature = keyof typeof IMPLEMENTER_NATURES;

/** Units of 法定/承诺办结时限. */
export const TIME_LIMIT_UNITS = { working_day: '工作日', calendar_day: '自然日', hour: '小时' } as const;
export type TimeLimitUnit = keyof typeof TIME_LIMIT_UNITS;

/**
 * 事项类型 (the kind of an item) and its standard 2-digit 事项类型代码.
 *
 * DB36/T 2016 §3.1 lists the kinds a centre handles, including 行政备案, which has no
 * national code. Decision: 行政备案 is a local administrative-power kind and is coded in
 * the local administrative-power extension range 11–19 (11 by default); see
 * {@link typeCodeMatchesKind}.
 */
export const ITEM_KINDS = {
  administrative_power: { code: '00', label: '行政权力事项' },
  licensing: { code: '01', label: '行政许可' },
  penalty: { code: '02', label: '行政处罚' },
  enforcement: { code: '03', label: '行政强制' },
  levy: { code: '04', label: '行政征收' },
  payment: { code: '05', label: '行政给付' },
  inspection: { code: '06', label: '行政检查' },
  confirmation: { code: '07', label: '行政确认' },
  reward: { code: '08', label: '行政奖励' },
  adjudication: { code: '09', label: '行政裁决' },
  other_power: { code: '10', label: '其他类别' },
  filing: { code: '11', label: '行政备案' },
  public_service: { code: '20', label: '公共服务事项' },
} as const;
export type ItemKind = keyof typeof ITEM_KINDS;

/** Labels of type codes; local extensions are labelled by range. */
export function typeCodeLabel(code: string): string | undefined {
  for (const kind of Object.values(ITEM_KINDS)) if (kind.code === code) return kind.label;
  const n = typeCodeNumber(code);
  if (n === undefined) return undefined;
  if (n >= 11 && n <= 19) return '地方扩展行政权力事项';
  if (n >= 21) return '地方扩展公共服务事项';
  return undefined;
}

function typeCodeNumber(code: string): number | undefined {
  return /^\d{2}$/.test(code) ? Number(code) : undefined;
}

// ---------------------------------------------------------------- validators

function issue(path: string, code: string, message: string): FieldIssue {
  return { path, code, message };
}

/** Describes the characters outside [0-9A-Z], for a message a person can act on. */
function badChars(value: string): string {
  const bad = [...new Set([...value].filter((c) => !/[0-9A-Z]/.test(c)))];
  return bad.map((c) => (c.trim() === '' ? '空格' : `“${c}”`)).join('、');
}

/**
 * 基本编码: digits and upper-case letters, 10 (GB/T 39046) or 12 (in use) characters
 * (DB36/T 2016 §7.3.3.2, REFERENCES.md).
 */
export function validateBasicCode(value: string, path = '/basicCode'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!(BASIC_CODE_LENGTHS as readonly number[]).includes(value.length)) {
    issues.push(issue(path, 'ITEM_BASIC_CODE_INVALID', `基本编码应为 10 位或 12 位，实为 ${value.length} 位`));
  }
  if (value.length > 0 && !CODE_CHARSET.test(value)) {
    issues.push(issue(path, 'ITEM_BASIC_CODE_INVALID', `基本编码只能由数字和大写字母组成，含有非法字符 ${badChars(value)}`));
  }
  return issues;
}

/** The parts of a 31-character implementation code. */
export interface ImplementationCodeParts {
  readonly uscc: string;
  readonly level: string;
  readonly basicCode: string;
}

/** Splits an implementation code by position; no validation (see {@link validateImplementationCode}). */
export function splitImplementationCode(value: string): ImplementationCodeParts {
  return { uscc: value.slice(0, 18), level: value.slice(18, 19), basicCode: value.slice(19) };
}

export interface ImplementationContext {
  /** The item's basic code: it must be the end of the implementation code. */
  readonly basicCode?: string | null;
  /** The USCC of the implementing body (实施机构): it must be the start of the code. */
  readonly implementerUscc?: string | null;
}

/**
 * 实施编码: 31 characters = USCC of the implementing body (18, GB 32100 check character)
 * + 行使层级 digit 1–7 + 12-character basic code (REFERENCES.md). With a context, also
 * checks that the code starts with the implementing body's USCC and ends with the basic
 * code. A 10-character basic code must be the last 10 characters (the code ends with it).
 */
export function validateImplementationCode(value: string, context: ImplementationContext = {}, path = '/implementationCode'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (value.length !== IMPLEMENTATION_CODE_LENGTH) {
    issues.push(issue(path, 'ITEM_IMPLEMENTATION_CODE_INVALID', `实施编码应为 31 位（18 位统一社会信用代码 + 1 位行使层级 + 12 位基本编码），实为 ${value.length} 位`));
  }
  if (value.length > 0 && !CODE_CHARSET.test(value)) {
    issues.push(issue(path, 'ITEM_IMPLEMENTATION_CODE_INVALID', `实施编码只能由数字和大写字母组成，含有非法字符 ${badChars(value)}`));
  }
  // Positional checks only make sense on a code of the right length and charset.
  if (issues.length > 0) return issues;
  const parts = splitImplementationCode(value);
  if (!isValidUscc(parts.uscc)) {
    const expected = usccCheckChar(parts.uscc.slice(0, 17));
    const detail = expected === undefined ? '格式不符合 GB 32100' : `校验码应为“${expected}”，实为“${parts.uscc[17] ?? ''}”`;
    issues.push(issue(path, 'ITEM_IMPLEMENTATION_USCC_INVALID', `实施编码前 18 位不是有效的统一社会信用代码：${detail}`));
  }
  if (!(parts.level in EXERCISE_LEVELS)) {
    issues.push(issue(path, 'ITEM_IMPLEMENTATION_LEVEL_INVALID', `实施编码第 19 位（行使层级）应为 1–7，实为“${parts.level}”`));
  }
  const uscc = context.implementerUscc?.trim();
  if (uscc && uscc !== parts.uscc) {
    issues.push(issue(path, 'ITEM_IMPLEMENTATION_USCC_MISMATCH', `实施编码前 18 位“${parts.uscc}”与实施机构统一社会信用代码“${uscc}”不一致`));
  }
  const basic = context.basicCode?.trim();
  if (basic) {
    const ok = basic.length === 12 ? parts.basicCode === basic : value.endsWith(basic);
    if (!ok) {
      issues.push(issue(path, 'ITEM_IMPLEMENTATION_BASIC_MISMATCH', `实施编码末尾应为基本编码“${basic}”，实为“${parts.basicCode}”`));
    }
  }
  return issues;
}

/**
 * 业务办理项编码: the parent's implementation code + 2-digit sequence (33 characters).
 * With `parentImplementationCode`, the code must start with it.
 */
export function validateHandlingCode(value: string, parentImplementationCode?: string | null, path = '/handlingCode'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (value.length !== HANDLING_CODE_LENGTH) {
    issues.push(issue(path, 'ITEM_HANDLING_CODE_INVALID', `业务办理项编码应为 33 位（31 位实施编码 + 2 位顺序号），实为 ${value.length} 位`));
    return issues;
  }
  issues.push(...validateImplementationCode(value.slice(0, IMPLEMENTATION_CODE_LENGTH), {}, path));
  const seq = value.slice(IMPLEMENTATION_CODE_LENGTH);
  if (!/^\d{2}$/.test(seq) || seq === '00') {
    issues.push(issue(path, 'ITEM_HANDLING_CODE_INVALID', `业务办理项编码末 2 位应为 01–99 的顺序号，实为“${seq}”`));
  }
  const parent = parentImplementationCode?.trim();
  if (parent && !value.startsWith(parent)) {
    issues.push(issue(path, 'ITEM_HANDLING_CODE_PARENT_MISMATCH', `业务办理项编码应以上级事项实施编码“${parent}”开头`));
  }
  return issues;
}

/** 事项类型代码: two digits, 00–10 and 20, or a local extension 11–19 / 21–99. */
export function validateTypeCode(value: string, path = '/typeCode'): FieldIssue[] {
  if (typeCodeLabel(value) === undefined) {
    return [issue(path, 'ITEM_TYPE_CODE_INVALID', `事项类型代码应为 2 位数字（00–10、20，或地方扩展 11–19、21–99），实为“${value}”`)];
  }
  return [];
}

/**
 * Whether a type code fits an item kind. A national kind has exactly its own code;
 * 行政备案 (a local kind, DB36/T 2016 §3.1) takes a local administrative-power code
 * 11–19; 公共服务 also accepts the local public-service extensions 21–99.
 */
export function typeCodeMatchesKind(kind: ItemKind, code: string): boolean {
  const n = typeCodeNumber(code);
  if (n === undefined) return false;
  switch (kind) {
    case 'filing':
      return n >= 11 && n <= 19;
    case 'public_service':
      return n >= 20;
    default:
      return ITEM_KINDS[kind].code === code;
  }
}

/** The type code is valid and matches the item's kind (事项类型). */
export function validateTypeCodeForKind(kind: ItemKind, code: string, path = '/typeCode'): FieldIssue[] {
  const invalid = validateTypeCode(code, path);
  if (invalid.length > 0) return invalid;
  if (!typeCodeMatchesKind(kind, code)) {
    return [
      issue(path, 'ITEM_TYPE_CODE_MISMATCH', `事项类型代码“${code}”（${typeCodeLabel(code) ?? ''}）与事项类型“${ITEM_KINDS[kind].label}”不符，应为“${ITEM_KINDS[kind].code}”`),
    ];
  }
  return [];
}
