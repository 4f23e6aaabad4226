/**
 * The demo centre's queues (DB36/T 2016 §7.1.6.2 综合窗口“抢单”, §7.1.6.3 专业区域,
 * §6.4.7 潮汐窗口; issue 4): one comprehensive queue drawn by the pooled comprehensive
 * counters, one queue per professional area, 出入境 as a queue of its own counter, with
 * issuing windows, a quota, expected service times and tidal thresholds.
 */
import type { QueuePool } from '../../domain/queue/pool.ts';
import type { QueueSettingsInput } from '../../domain/queue/settings.ts';
import type { Actor } from '../../platform/auth/principal.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { createQueue, putSettings } from '../queue/queue-config.service.ts';
import { DEMO_ITEMS } from './demo-items.ts';

export interface DemoQueue {
  readonly name: string;
  readonly prefix: string;
  readonly pool: QueuePool;
  readonly areaName: string | null;
  /** The items of these departments are served here … */
  readonly departments: readonly string[];
  /** … except these (served by another queue). */
  readonly exceptItems?: readonly string[];
  /** … plus these. */
  readonly items?: readonly string[];
  /** Counters (by number) the queue names, with their weight. */
  readonly counters?: readonly { readonly number: string; readonly weight: number }[];
  readonly issuingWindows?: readonly { readonly start: string; readonly end: string }[];
  readonly dailyQuota?: number;
  readonly serviceMinutes: number;
  readonly tidal?: { readonly openAtWaiting: number | null; readonly openAtLongestWaitMinutes: number | null; readonly counters: readonly string[] };
}

const PASSPORTS = ['passport', 'hk-macao-permit'];

export const DEMO_QUEUES: readonly DemoQueue[] = [
  {
    // §7.1.6.2 无差别综合受理: every comprehensive counter takes the best ticket of this pool.
    name: '综合受理',
    prefix: 'A',
    pool: 'comprehensive',
    areaName: null,
    departments: ['civil', 'transport', 'health', 'housing', 'land', 'justice', 'veterans', 'power'],
    serviceMinutes: 10,
    tidal: { openAtWaiting: 20, openAtLongestWaitMinutes: 45, counters: ['14', '15'] },
  },
  {
    name: '不动产登记',
    prefix: 'B',
    pool: 'professional',
    areaName: '不动产登记专区',
    departments: ['estate'],
    issuingWindows: [
      { start: '09:00', end: '11:30' },
      { start: '13:30', end: '16:30' },
    ],
    serviceMinutes: 20,
    tidal: { openAtWaiting: 10, openAtLongestWaitMinutes: 40, counters: ['15'] },
  },
  { name: '社保医保', prefix: 'C', pool: 'professional', areaName: '社保医保专区', departments: ['hrss', 'medical'], serviceMinutes: 8 },
  { name: '企业开办', prefix: 'D', pool: 'professional', areaName: '企业开办专区', departments: ['market'], dailyQuota: 80, serviceMinutes: 15 },
  {
    // 出入境 has its own counter (22): a queue naming it, ahead of the area's other work there.
    name: '出入境',
    prefix: 'E',
    pool: 'special',
    areaName: null,
    departments: [],
    items: PASSPORTS,
    counters: [{ number: '22', weight: 30 }],
    issuingWindows: [
      { start: '09:00', end: '11:30' },
      { start: '13:30', end: '16:00' },
    ],
    serviceMinutes: 12,
  },
  { name: '户政车驾管', prefix: 'F', pool: 'professional', areaName: '公安专区', departments: ['police'], exceptItems: PASSPORTS, serviceMinutes: 9 },
  { name: '税务', prefix: 'G', pool: 'professional', areaName: '税务专区', departments: ['tax'], serviceMinutes: 10 },
  { name: '公积金', prefix: 'H', pool: 'professional', areaName: '公积金专区', departments: ['fund'], serviceMinutes: 10 },
];

export const DEMO_QUEUE_SETTINGS: QueueSettingsInput = {
  display: { notice: '请留意叫号屏与语音提示，过号请到导服台重新排队；老年人、残疾人、孕妇等可到导服台走绿色通道。请保管好随身物品。' },
  notify: { nearPlace: 3 },
};

/** The item keys a queue serves. */
export function demoQueueItems(queue: DemoQueue): string[] {
  const keys = DEMO_ITEMS.filter((i) => queue.departments.includes(i.department) && !(queue.exceptItems ?? []).includes(i.key)).map((i) => i.key);
  return [...keys, ...(queue.items ?? [])];
}

/** Creates the demo queues and settings through the queue's own use cases. */
export async function seedDemoQueues(
  deps: AppDeps,
  actor: Actor,
  centreId: string,
  counterIds: ReadonlyMap<string, string>,
  itemIds: ReadonlyMap<string, string>,
): Promise<void> {
  const need = (map: ReadonlyMap<string, string>, key: string) => {
    const id = map.get(key);
    if (!id) throw new Error(`demo queues: unknown ${key}`);
    return id;
  };
  for (const [i, q] of DEMO_QUEUES.entries()) {
    await createQueue(deps, actor, centreId, {
      name: q.name,
      prefix: q.prefix,
      pool: q.pool,
      areaName: q.areaName,
      itemIds: demoQueueItems(q).map((k) => need(itemIds, k)),
      dailyQuota: q.dailyQuota ?? null,
      issuingWindows: (q.issuingWindows ?? []).map((w) => ({ ...w })),
      serviceMinutes: q.serviceMinutes,
      counters: (q.counters ?? []).map((c) => ({ counterId: need(counterIds, c.number), weight: c.weight })),
      tidal: q.tidal ? { openAtWaiting: q.tidal.openAtWaiting, openAtLongestWaitMinutes: q.tidal.openAtLongestWaitMinutes, tidalCounterIds: q.tidal.counters.map((n) => need(counterIds, n)) } : null,
      sortOrder: (i + 1) * 10,
    });
  }
  await putSettings(deps, actor, centreId, DEMO_QUEUE_SETTINGS);
}
