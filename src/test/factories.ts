/** Valid inputs with overrides, for tests. */
import { DEFAULT_SERVICE_HOURS } from '../domain/organisation/centre-rules.ts';

export function centreInput(overrides: Record<string, unknown> = {}) {
  return {
    name: '新建区政务服务中心',
    level: 'county',
    divisionCode: '360112',
    address: '江西省南昌市新建区长堎镇长征路 1 号',
    latitude: 28.69,
    longitude: 115.82,
    phones: { consultation: '0791-83771234', appointment: '0791-83771235', complaint: '12345', supervision: '0791-83771236' },
    wifi: { ssid: 'XJ-ZWFW', password: '12345678' },
    serviceHours: DEFAULT_SERVICE_HOURS,
    ...overrides,
  };
}

let sequence = 0;
/** A number unique within the test run, for names and numbers that must not repeat. */
export function nextSeq(): number {
  return ++sequence;
}

export function departmentInput(overrides: Record<string, unknown> = {}) {
  return { name: `新建区测试局${nextSeq()}`, shortName: '测试', phone: '0791-83770001', sortOrder: 10, ...overrides };
}

export function zoneInput(overrides: Record<string, unknown> = {}) {
  return { name: `窗口服务区${nextSeq()}`, kind: 'counter', floor: '1F', areaM2: 600, ...overrides };
}

export function counterInput(overrides: Record<string, unknown> = {}) {
  return { number: String(nextSeq()), name: '综合受理', kind: 'comprehensive', ...overrides };
}

export function staffInput(overrides: Record<string, unknown> = {}) {
  return { name: '张敏', workNumber: `T${nextSeq()}`, title: '窗口工作人员', phone: '13812345678', duties: ['综合受理'], ...overrides };
}
