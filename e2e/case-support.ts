/**
 * Cases for the browser tests, made through the API as a counter would (issue 5): a centre
 * of its own open around the clock, a published item, a clerk signed in at counter 5.
 */
import { FIXTURE_USCC, guide } from '../src/domain/catalogue/test-fixtures.ts';
import type { TimeLimit } from '../src/domain/catalogue/guide.ts';
import { apiCall, apiSession, createOpenCentre, type ApiSession, type OpenCentre } from './support.ts';

export interface CaseHall extends OpenCentre {
  readonly admin: ApiSession;
  /** The clerk's own API session, signed in at the centre's counter. */
  readonly clerkApi: ApiSession;
  readonly itemId: string;
  readonly itemName: string;
}

export interface CaseBody {
  readonly id: string;
  readonly caseNumber: string;
  readonly status: string;
}

/** The applicant of every test case: the phone's last four digits are the public check code. */
export const APPLICANT = { kind: 'person', name: '张三丰', idType: 'resident_id', idNumber: '11010519491231002X', phone: '13812345678', address: '江西省南昌市新建区长征路 1 号' } as const;
export const CHECK_CODE = '5678';

/** A unique run tag (names, usernames, codes) so that a test may run again on the same server. */
export function runTag(): string {
  return `${Date.now().toString(36).slice(-5)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

export async function caseHall(admin: ApiSession, run: string, promised: TimeLimit = { value: 1, unit: 'working_day' }): Promise<CaseHall> {
  const open = await createOpenCentre(admin, run);
  const dept = await apiCall<{ id: string }>(admin, 'post', `/api/v1/centres/${open.centre.id}/departments`, { name: '县市场监督管理局', shortName: '市场监管' });
  const basic = `${String(Date.now()).slice(-6)}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  const itemName = `食品经营许可证核发${run}`;
  const item = await apiCall<{ id: string }>(admin, 'post', `/api/v1/centres/${open.centre.id}/items`, {
    departmentId: dept.id,
    level: 'main',
    basicCode: basic,
    implementationCode: `${FIXTURE_USCC}3${basic}`,
    guide: guide({ name: itemName, promisedTimeLimit: promised }),
  });
  await apiCall(admin, 'post', `/api/v1/items/${item.id}/versions/1/submit`, {}, 200);
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  await apiCall(admin, 'post', `/api/v1/items/${item.id}/versions/1/approve`, { reviewer: '法制审核科 王五', opinion: '设定依据合法，要素齐全，同意发布', effectiveOn: today }, 200);
  const clerkApi = await apiSession(open.clerk.username, open.clerk.password);
  await apiCall(clerkApi, 'post', `/api/v1/counters/${open.counter.id}/sign-in`, {}, 200);
  return { ...open, admin, clerkApi, itemId: item.id, itemName };
}

export function openCase(hall: CaseHall, applicant: Record<string, unknown> = {}): Promise<CaseBody> {
  return apiCall<CaseBody>(hall.clerkApi, 'post', `/api/v1/centres/${hall.centre.id}/cases`, { itemId: hall.itemId, applicant: { ...APPLICANT, ...applicant } });
}

export function act(hall: CaseHall, caseId: string, action: string, data?: Record<string, unknown>): Promise<CaseBody> {
  return apiCall<CaseBody>(hall.clerkApi, 'post', `/api/v1/cases/${caseId}/transitions`, data === undefined ? { action } : { action, data }, 200);
}

/** A case refused at the counter (§7.5.2.3: the refusal is reported for review). */
export async function refusedCase(hall: CaseHall, name: string): Promise<CaseBody> {
  const c = await openCase(hall, { name });
  return act(hall, c.id, 'refuse', { reason: '申请事项不属于本机关职权范围', legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第二项' });
}

/** A case accepted with every material provided: its promised due date runs from now. */
export async function acceptedCase(hall: CaseHall, name: string): Promise<CaseBody> {
  const c = await openCase(hall, { name });
  return act(hall, c.id, 'accept', {
    mode: 'normal',
    materials: [
      { name: '居民身份证', status: 'provided' },
      { name: '食品经营许可申请书', status: 'provided' },
    ],
  });
}
