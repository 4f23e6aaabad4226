/**
 * Chinese names of the paths and values in a version diff (§7.3.2.2d): the server
 * names changes by guide path (`/materials/居民身份证/copies`, `/process/2/name`).
 */
import { CASE_KINDS, HANDLING_FORMS, IMPLEMENTER_NATURES, ITEM_KINDS, SERVICE_OBJECTS, THROUGH_SCOPES } from '../../../src/domain/catalogue/codes.ts';
import type { TimeLimit } from '../../../src/domain/catalogue/guide.ts';
import { LIST_FLAGS, STATED_FLAGS, timeLimitText } from './labels.ts';

const ELEMENTS: Readonly<Record<string, string>> = {
  name: '事项名称',
  kind: '事项类型',
  typeCode: '事项类型代码',
  legalBasis: '设定依据',
  implementingBody: '实施机构',
  legalTimeLimit: '法定办结时限',
  promisedTimeLimit: '承诺办结时限',
  caseKind: '办件类型',
  resultName: '结果名称',
  resultSampleFileId: '结果样本',
  fee: '收费',
  materials: '申请材料',
  process: '办理流程',
  handlingForms: '办理形式',
  reviewStandard: '审查标准',
  throughScope: '通办范围',
  serviceObjects: '服务对象',
  place: '办理地点',
  hours: '办理时间',
  consultationPhone: '咨询电话',
  supervisionPhone: '监督电话',
  flags: '标注',
};

const PARTS: Readonly<Record<string, string>> = {
  name: '名称',
  uscc: '统一社会信用代码',
  nature: '性质',
  value: '数值',
  unit: '单位',
  note: '备注',
  free: '是否免费',
  standard: '收费标准',
  basis: '收费依据',
  issuingBody: '出具机构',
  originals: '原件份数',
  copies: '复印件份数',
  required: '必备',
  viaDataSharing: '数据共享获取',
  tolerance: '容缺受理',
  conditions: '容缺条件',
  completionDeadline: '补齐时限',
  blankFormFileId: '空白表格',
  sampleFileId: '格式范本',
  eLicenceAccepted: '电子证照',
  description: '说明',
  timeLimit: '时限',
  ...Object.fromEntries([...LIST_FLAGS, ...STATED_FLAGS].map((f) => [f.key, f.label])),
};

const decode = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

/** `/materials/居民身份证/copies` → `申请材料 › 居民身份证 › 复印件份数`. */
export function pathLabel(path: string): string {
  const [first, ...rest] = path.split('/').filter((s) => s !== '').map(decode);
  if (first === undefined) return '办事指南';
  const out = [ELEMENTS[first] ?? first];
  rest.forEach((seg, i) => {
    if (first === 'process' && i === 0 && /^\d+$/.test(seg)) out.push(`第 ${Number(seg) + 1} 步`);
    else if (first === 'materials' && i === 0) out.push(seg);
    else out.push(PARTS[seg] ?? seg);
  });
  return out.join(' › ');
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const CODE_TABLES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  caseKind: CASE_KINDS,
  handlingForms: HANDLING_FORMS,
  throughScope: THROUGH_SCOPES,
  serviceObjects: SERVICE_OBJECTS,
  nature: IMPLEMENTER_NATURES,
  kind: Object.fromEntries(Object.entries(ITEM_KINDS).map(([k, v]) => [k, v.label])),
  unit: { working_day: '工作日', calendar_day: '自然日', hour: '小时' },
};

/** A value of the diff as a person reads it. */
export function valueText(path: string, value: unknown): string {
  if (value === undefined) return '（无）';
  if (value === null) return '（未填写）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  const key = path.split('/').filter((s) => s !== '').pop() ?? '';
  const table = CODE_TABLES[key];
  if (typeof value === 'string') return value === '' ? '（空）' : (table?.[value] ?? value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? (table?.[v] ?? v) : valueText(path, v))).join('、') || '（空）';
  if (isRecord(value)) {
    if ('unit' in value && 'value' in value) return timeLimitText(value as unknown as TimeLimit);
    if ('free' in value) return value.free ? '不收费' : `收费：${String(value.standard ?? '—')}；依据：${String(value.basis ?? '—')}`;
    if ('originals' in value && typeof value.name === 'string') {
      return `${value.name}（${String(value.issuingBody ?? '申请人自备')}，原件 ${String(value.originals)} 份，复印件 ${String(value.copies)} 份${value.required ? '，必备' : ''}）`;
    }
    if (typeof value.name === 'string') return value.name;
  }
  return JSON.stringify(value);
}
