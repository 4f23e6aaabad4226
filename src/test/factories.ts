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
