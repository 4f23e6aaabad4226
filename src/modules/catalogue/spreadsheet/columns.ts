/**
 * The columns of the item workbook (事项导入模板), shared by the template, the import
 * and the export so that an export re-imports: one row per item (or handling item)
 * with every guide element of DB36/T 2016 §7.3.3.3, the codes of §7.3.3.2 and the
 * flags of §8.2, and one row per application material on a second sheet.
 *
 * Enumerations are written as their Chinese labels (REFERENCES.md "Service item data").
 */
import {
  CASE_KINDS,
  EXERCISE_LEVELS,
  HANDLING_FORMS,
  IMPLEMENTER_NATURES,
  ITEM_KINDS,
  SERVICE_OBJECTS,
  THROUGH_SCOPES,
  TIME_LIMIT_UNITS,
} from '../../../domain/catalogue/codes.ts';
import type { ItemFlags } from '../../../domain/catalogue/guide.ts';
import { ITEM_LEVEL_LABELS } from '../../../domain/catalogue/hierarchy.ts';

export const ITEM_SHEET = '事项';
export const MATERIAL_SHEET = '申请材料';
export const HELP_SHEET = '说明';

/** Several values in one cell (办理形式, 服务对象) are separated by 、. */
export const MULTI_SEPARATOR = '、';
/** 办理流程: step names in order. */
export const STEP_SEPARATOR = '→';
export const YES = '是';
export const NO = '否';

/** code → label tables of the enumerations, for validation lists and parsing. */
export const ENUMS = {
  kind: Object.fromEntries(Object.entries(ITEM_KINDS).map(([k, v]) => [k, v.label])) as Record<keyof typeof ITEM_KINDS, string>,
  level: EXERCISE_LEVELS,
  itemLevel: ITEM_LEVEL_LABELS,
  caseKind: CASE_KINDS,
  handlingForm: HANDLING_FORMS,
  throughScope: THROUGH_SCOPES,
  serviceObject: SERVICE_OBJECTS,
  nature: IMPLEMENTER_NATURES,
  unit: TIME_LIMIT_UNITS,
  yesNo: { yes: YES, no: NO },
} as const;
export type EnumName = keyof typeof ENUMS;

export type ColumnType =
  | { readonly kind: 'text' }
  /** Codes: stored as text so that leading zeros survive. */
  | { readonly kind: 'code' }
  | { readonly kind: 'integer' }
  | { readonly kind: 'enum'; readonly values: EnumName }
  | { readonly kind: 'multi'; readonly values: EnumName };

export interface ColumnSpec<K extends string = string> {
  readonly key: K;
  readonly header: string;
  readonly type: ColumnType;
  /** The header must be present and the cell filled on every row. */
  readonly required: boolean;
  readonly width: number;
  /** Explanation on the 说明 sheet. */
  readonly help: string;
}

const text = { kind: 'text' } as const;
const code = { kind: 'code' } as const;
const integer = { kind: 'integer' } as const;
const enumOf = (values: EnumName) => ({ kind: 'enum', values }) as const;
const multiOf = (values: EnumName) => ({ kind: 'multi', values }) as const;
const yesNo = enumOf('yesNo');

function col<K extends string>(key: K, header: string, type: ColumnType, help: string, options: { required?: boolean; width?: number } = {}): ColumnSpec<K> {
  return { key, header, type, help, required: options.required ?? false, width: options.width ?? (type.kind === 'text' ? 24 : 14) };
}

/** The §8.2 flag columns: the flag, its header and its clause. */
export const FLAG_COLUMNS = [
  { flag: 'appointment', header: '预约办理', help: '是否支持预约办理（DB36/T 2016 §7.3.3.3、§8.2.8）' },
  { flag: 'onlinePayment', header: '网上支付', help: '是否支持网上支付（DB36/T 2016 §7.3.3.3）' },
  { flag: 'postalDelivery', header: '物流快递', help: '是否支持物流快递送达（DB36/T 2016 §7.3.3.3、§8.1.2.5）' },
  { flag: 'agencyHelp', header: '帮代办', help: '是否纳入帮代办服务事项清单（DB36/T 2016 §8.2.2）' },
  { flag: 'notifyCommit', header: '告知承诺', help: '是否实行告知承诺制（DB36/T 2016 §8.2.7）' },
  { flag: 'toleranceAcceptance', header: '容缺受理', help: '是否实行容缺受理；为“是”时须在申请材料表中至少标注一项可容缺材料（DB36/T 2016 §8.2.7）' },
  { flag: 'crossProvince', header: '跨省通办', help: '是否“跨省通办”，通办范围须为全国（DB36/T 2016 §8.2.6）' },
  { flag: 'withinProvince', header: '省内通办', help: '是否“省内通办”，通办范围须为全省或全国（DB36/T 2016 §8.2.6）' },
  { flag: 'withinCity', header: '市内通办', help: '是否“市内通办”，通办范围须为全市、全省或全国（DB36/T 2016 §8.2.6）' },
  { flag: 'certificateFree', header: '免证办', help: '是否免证办，须至少有一项材料接受电子证照或可共享获取（DB36/T 2016 §8.2.5）' },
  { flag: 'extendedHours', header: '延时错时', help: '是否提供延时、错时服务（DB36/T 2016 §8.2.8）' },
  { flag: 'selfService24h', header: '24小时自助办理', help: '是否可在 24 小时自助服务区办理（DB36/T 2016 §8.2.3）' },
] as const satisfies readonly { flag: keyof ItemFlags; header: string; help: string }[];

/** Flags that are §7.3.3.3 guide elements: an empty cell means "not yet stated" (null). */
export const NULLABLE_FLAGS: ReadonlySet<keyof ItemFlags> = new Set(['appointment', 'onlinePayment', 'postalDelivery']);

const unitHelp = `时限单位：${Object.values(TIME_LIMIT_UNITS).join('、')}`;

/** The 事项 sheet, in template order. Import finds columns by header, in any order. */
export const ITEM_COLUMNS = [
  col('basicCode', '基本编码', code, '10 位或 12 位数字和大写字母（DB36/T 2016 §7.3.3.2）', { required: true }),
  col('implementationCode', '实施编码', code, '31 位：实施机构统一社会信用代码（18 位）+ 行使层级（1 位）+ 12 位基本编码', { required: true, width: 36 }),
  col('handlingCode', '业务办理项编码', code, '办理项填写：上级事项实施编码 + 2 位顺序号（33 位）；主项、子项留空（DB36/T 2016 §7.3.2.2e）', { width: 38 }),
  col('itemLevel', '事项层级', enumOf('itemLevel'), '可选：主项、子项、办理项；留空时填了业务办理项编码的为办理项，填了上级事项实施编码的为子项，否则为主项（DB36/T 2016 §7.3.2.2e）'),
  col('parentCode', '上级事项实施编码', code, '子项填写所属主项的实施编码（前 19 位须与本事项实施编码一致）；主项留空；办理项的上级即其实施编码所指事项', { width: 36 }),
  col('name', '事项名称', text, '事项名称', { required: true, width: 30 }),
  col('kind', '事项类型', enumOf('kind'), `可选：${Object.values(ENUMS.kind).join('、')}`, { required: true }),
  col('typeCode', '事项类型代码', code, '2 位数字，须与事项类型一致（如行政许可为 01，公共服务为 20）', { required: true }),
  col('level', '行使层级', enumOf('level'), `可选：${Object.values(EXERCISE_LEVELS).join('、')}；须与实施编码第 19 位一致`),
  col('implementerName', '实施机构', text, '实施机构名称，须与本中心进驻部门名称一致或填写其统一社会信用代码', { required: true, width: 28 }),
  col('implementerUscc', '实施机构统一社会信用代码', code, '18 位统一社会信用代码，校验码须正确（GB 32100）', { required: true, width: 24 }),
  col('implementerNature', '实施主体性质', enumOf('nature'), `可选：${Object.values(IMPLEMENTER_NATURES).join('、')}`),
  col('department', '进驻部门', text, '受理该事项的进驻部门名称；留空时按实施机构确定'),
  col('serviceObjects', '服务对象', multiOf('serviceObject'), `可多选，用“、”分隔：${Object.values(SERVICE_OBJECTS).join('、')}`),
  col('legalBasis', '设定依据', text, '法律、法规、规章等设定依据', { width: 40 }),
  col('legalLimit', '法定办结时限', integer, '非负整数'),
  col('legalUnit', '法定办结时限单位', enumOf('unit'), unitHelp),
  col('legalNote', '法定办结时限说明', text, '时限说明（可空）'),
  col('promisedLimit', '承诺办结时限', integer, '非负整数，不能长于法定办结时限'),
  col('promisedUnit', '承诺办结时限单位', enumOf('unit'), unitHelp),
  col('promisedNote', '承诺办结时限说明', text, '时限说明（可空），如“不含现场核查时间”'),
  col('caseKind', '办件类型', enumOf('caseKind'), `可选：${Object.values(CASE_KINDS).join('、')}；即办件不能承诺多日办结`),
  col('resultName', '结果名称', text, '办理结果（证照、批文等）名称'),
  col('charged', '是否收费', yesNo, '“否”为不收费；“是”时须填写收费标准和收费依据'),
  col('feeStandard', '收费标准', text, '收费时填写'),
  col('feeBasis', '收费依据', text, '收费时填写'),
  col('handlingForms', '办理形式', multiOf('handlingForm'), `可多选，用“、”分隔：${Object.values(HANDLING_FORMS).join('、')}`, { width: 30 }),
  col('process', '办理流程', text, `各环节名称按顺序用“${STEP_SEPARATOR}”连接，如：申请${STEP_SEPARATOR}受理${STEP_SEPARATOR}审查${STEP_SEPARATOR}决定`, { width: 36 }),
  col('reviewStandard', '审查标准', text, '审查标准', { width: 30 }),
  col('throughScope', '通办范围', enumOf('throughScope'), `可选：${Object.values(THROUGH_SCOPES).join('、')}`),
  ...FLAG_COLUMNS.map((f) => col(`flag:${f.flag}` as const, f.header, yesNo, `填“是”或“否”：${f.help}`, { width: 12 })),
  col('noMaterials', '无需申请材料', yesNo, '为“是”表示办理该事项无需提交任何材料；否则在“申请材料”表中逐项填写'),
  col('place', '办理地点', text, '办理地点', { width: 30 }),
  col('hours', '办理时间', text, '办理时间'),
  col('consultationPhone', '咨询电话', text, '咨询电话'),
  col('supervisionPhone', '监督电话', text, '监督投诉电话'),
] as const;
export type ItemColumnKey = (typeof ITEM_COLUMNS)[number]['key'];

/** The 申请材料 sheet. */
export const MATERIAL_COLUMNS = [
  col('itemCode', '事项实施编码', code, '所属事项的实施编码（办理项填写业务办理项编码），须在“事项”表中', { required: true, width: 38 }),
  col('name', '材料名称', text, '材料名称', { required: true, width: 30 }),
  col('issuingBody', '出具机构', text, '出具材料的机构；申请人自备的留空'),
  col('originals', '原件份数', integer, '非负整数；可共享获取的材料应为 0'),
  col('copies', '复印件份数', integer, '非负整数；可共享获取的材料应为 0'),
  col('required', '是否必备', yesNo, '填“是”或“否”'),
  col('viaDataSharing', '可共享获取', yesNo, '为“是”表示通过数据共享获取，不再要求申请人提交（DB36/T 2016 §8.1.2.3c）'),
  col('tolerated', '可容缺', yesNo, '为“是”表示容缺受理时可暂缺，须填写容缺条件和补齐时限（DB36/T 2016 §8.2.7）'),
  col('toleranceConditions', '容缺受理条件', text, '容缺受理的条件和范围'),
  col('completionLimit', '容缺补齐时限', integer, '正整数'),
  col('completionUnit', '容缺补齐时限单位', enumOf('unit'), unitHelp),
  col('eLicenceAccepted', '接受电子证照', yesNo, '为“是”表示可用电子证照代替纸质材料（免证办，DB36/T 2016 §8.2.5）'),
  col('note', '备注', text, '备注（可空）'),
] as const;
export type MaterialColumnKey = (typeof MATERIAL_COLUMNS)[number]['key'];

/** The allowed labels of an enumeration, in code order. */
export function enumLabels(name: EnumName): string[] {
  return Object.values(ENUMS[name]);
}

/** label (or code, for coded enumerations) → code; undefined when unknown. */
export function enumCode(name: EnumName, value: string): string | undefined {
  const table = ENUMS[name] as Readonly<Record<string, string>>;
  for (const [k, label] of Object.entries(table)) if (label === value) return k;
  // 1-digit and 2-digit national codes are accepted as written in provincial systems.
  if (name !== 'yesNo' && name !== 'unit' && name !== 'kind' && name !== 'itemLevel' && value in table) return value;
  return undefined;
}

/** Column letter of a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
