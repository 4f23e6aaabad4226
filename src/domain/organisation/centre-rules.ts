import type { FieldIssue } from '../shared/errors.ts';
import type { CentreLevel, ServiceHours, TimeWindow } from './types.ts';

export interface Warning {
  readonly code: string;
  readonly path: string;
  readonly message: string;
}

/**
 * §4.5.3: county-level and above (and economically developed towns) are named
 * "XXX政务服务中心", townships (streets) "XXX便民服务中心", villages (communities)
 * "XXX便民服务站". A name that breaks the rule is accepted with a warning.
 */
export function checkCentreName(name: string, level: CentreLevel): Warning | null {
  const suffixes: Record<CentreLevel, readonly string[]> = {
    province: ['政务服务中心'],
    city: ['政务服务中心'],
    county: ['政务服务中心'],
    // Parks follow the standard by reference (§1): 园区政务（企业）服务中心.
    park: ['政务服务中心', '企业服务中心'],
    // An economically developed town may carry the county-level name (§4.5.3).
    township: ['便民服务中心', '政务服务中心'],
    village: ['便民服务站'],
  };
  const allowed = suffixes[level];
  const trimmed = name.trim();
  if (allowed.some((s) => trimmed.endsWith(s) && trimmed.length > s.length)) return null;
  return {
    code: 'CENTRE_NAME_NONSTANDARD',
    path: '/name',
    message: `名称不符合 DB36/T 2016 §4.5.3 的命名规范，应为“XXX${allowed[0]}”`,
  };
}

export function minutesOf(time: string): number {
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
}

function checkWindow(w: TimeWindow, path: string, issues: FieldIssue[]): boolean {
  if (minutesOf(w.start) >= minutesOf(w.end)) {
    issues.push({ path, code: 'SERVICE_HOURS_INVALID', message: '开始时间应早于结束时间' });
    return false;
  }
  return true;
}

/** The windows of a day must be in order and must not overlap. */
export function validateServiceHours(h: ServiceHours): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const base = '/serviceHours';
  const ok =
    checkWindow(h.morning, `${base}/morning`, issues) &&
    checkWindow(h.afternoon, `${base}/afternoon`, issues);
  if (ok && minutesOf(h.morning.end) > minutesOf(h.afternoon.start)) {
    issues.push({ path: `${base}/afternoon`, code: 'SERVICE_HOURS_INVALID', message: '下午服务时间应在上午之后' });
  }
  if (h.early && checkWindow(h.early, `${base}/early`, issues) && minutesOf(h.early.end) > minutesOf(h.morning.start)) {
    issues.push({ path: `${base}/early`, code: 'SERVICE_HOURS_INVALID', message: '早间错时窗口应在上午服务开始之前' });
  }
  if (h.late && checkWindow(h.late, `${base}/late`, issues) && minutesOf(h.late.start) < minutesOf(h.afternoon.end)) {
    issues.push({ path: `${base}/late`, code: 'SERVICE_HOURS_INVALID', message: '晚间延时窗口应在下午服务结束之后' });
  }
  if (h.saturday) checkWindow(h.saturday, `${base}/saturday`, issues);
  if (h.sunday) checkWindow(h.sunday, `${base}/sunday`, issues);
  return issues;
}

/** Typical hours of a Jiangxi county centre, with §8.1.3.5 a–c. */
export const DEFAULT_SERVICE_HOURS: ServiceHours = {
  morning: { start: '09:00', end: '12:00' },
  afternoon: { start: '13:30', end: '17:00' },
  lunchService: true,
  early: { start: '08:00', end: '09:00' },
  late: { start: '17:00', end: '18:30' },
  saturday: { start: '09:00', end: '12:00' },
  sunday: null,
};
