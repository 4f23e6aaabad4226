/** Chinese labels and select options of the catalogue's codes, from the domain's own tables. */
import {
  CASE_KINDS,
  HANDLING_FORMS,
  IMPLEMENTER_NATURES,
  ITEM_KINDS,
  SERVICE_OBJECTS,
  THROUGH_SCOPES,
  TIME_LIMIT_UNITS,
  typeCodeLabel,
  type ItemKind,
} from '../../../src/domain/catalogue/codes.ts';
import type { TimeLimit } from '../../../src/domain/catalogue/guide.ts';
import { ITEM_LEVEL_LABELS } from '../../../src/domain/catalogue/hierarchy.ts';
import { VERSION_STATUS_LABELS, type VersionStatus } from '../../../src/domain/catalogue/versions.ts';

export { ITEM_LEVEL_LABELS, VERSION_STATUS_LABELS };

const toOptions = <K extends string>(table: Readonly<Record<K, string>>) =>
  (Object.entries(table) as [K, string][]).map(([value, label]) => ({ value, label }));

export const KIND_OPTIONS = (Object.entries(ITEM_KINDS) as [ItemKind, { code: string; label: string }][]).map(([value, k]) => ({
  value,
  label: `${k.code} ${k.label}`,
}));
/** The type codes a list may be filtered by: the national ones. */
export const TYPE_CODE_OPTIONS = Object.values(ITEM_KINDS).map((k) => ({ value: k.code, label: `${k.code} ${k.label}` }));
export const LEVEL_OPTIONS = toOptions(ITEM_LEVEL_LABELS);
export const CASE_KIND_OPTIONS = toOptions(CASE_KINDS);
export const HANDLING_FORM_OPTIONS = toOptions(HANDLING_FORMS);
export const THROUGH_SCOPE_OPTIONS = toOptions(THROUGH_SCOPES);
export const SERVICE_OBJECT_OPTIONS = toOptions(SERVICE_OBJECTS);
export const NATURE_OPTIONS = toOptions(IMPLEMENTER_NATURES);
export const UNIT_OPTIONS = toOptions(TIME_LIMIT_UNITS);
export const STATUS_OPTIONS = toOptions(VERSION_STATUS_LABELS);

export const STATUS_COLOURS: Readonly<Record<VersionStatus, string>> = { draft: 'default', submitted: 'processing', published: 'success', withdrawn: 'warning' };

/** The default of a kind's type code (行政备案 takes 11, the first local code). */
export function defaultTypeCode(kind: ItemKind): string {
  return ITEM_KINDS[kind].code;
}

export function statusLabel(status: string): string {
  return (VERSION_STATUS_LABELS as Readonly<Record<string, string>>)[status] ?? status;
}

export function typeLabel(code: string): string {
  return `${code} ${typeCodeLabel(code) ?? ''}`.trim();
}

export function timeLimitText(limit: TimeLimit | null | undefined): string {
  if (!limit) return '—';
  const amount = limit.unit === 'hour' ? `${limit.value} 小时` : `${limit.value} 个${TIME_LIMIT_UNITS[limit.unit]}`;
  return limit.note ? `${amount}（${limit.note}）` : amount;
}

/** §8.2 list flags with their labels and clauses, in the order of the clause. */
export const LIST_FLAGS = [
  { key: 'agencyHelp', label: '帮代办', clause: '§8.2.2' },
  { key: 'selfService24h', label: '24小时自助办理', clause: '§8.2.3' },
  { key: 'certificateFree', label: '免证办', clause: '§8.2.5' },
  { key: 'crossProvince', label: '跨省通办', clause: '§8.2.6' },
  { key: 'withinProvince', label: '省内通办', clause: '§8.2.6' },
  { key: 'withinCity', label: '市内通办', clause: '§8.2.6' },
  { key: 'notifyCommit', label: '告知承诺制', clause: '§8.2.7' },
  { key: 'toleranceAcceptance', label: '容缺受理', clause: '§8.2.7' },
  { key: 'extendedHours', label: '延时错时服务', clause: '§8.2.8' },
] as const;

/** The §7.3.3.3 yes/no elements that may still be unstated in a draft. */
export const STATED_FLAGS = [
  { key: 'appointment', label: '预约办理' },
  { key: 'onlinePayment', label: '网上支付' },
  { key: 'postalDelivery', label: '物流快递' },
] as const;
