/**
 * 排队叫号: the centre's queues (docs/queue-api.md "Configuration") with the live figures
 * and tidal alerts above them (DB36/T 2016 §6.2, §7.1.6.2, §7.1.6.3, §6.4.7).
 */
import { Tag, Typography } from 'antd';
import { api } from '../../shared/api.ts';
import { CrudPage } from '../../shared/CrudPage.tsx';
import type { CounterView, ItemList } from '../../shared/types.ts';
import { useLoad } from '../../shared/use-load.ts';
import { centrePath, useCan, useCentreId } from '../lookups.ts';
import { LivePanel } from '../queues/LivePanel.tsx';
import { QUEUE_DEFAULTS, QueueFields, toBody, toValues, type QueueValues } from '../queues/QueueFields.tsx';
import type { QueueView } from '../queues/types.ts';

export function QueuesPage() {
  const centreId = useCentreId();
  const canWrite = useCan('queue.write');
  const canWatch = useCan('display.read');
  const counters = useLoad(() => api.get<ItemList<CounterView>>(centrePath(centreId, 'counters')), centreId);
  // The live panel offers the tidal counters for the centre's active queues.
  const queues = useLoad(() => api.get<ItemList<QueueView>>(centrePath(centreId, 'queues')), centreId);
  const counterList = counters.data?.items ?? [];
  const numberOf = (id: string) => counterList.find((c) => c.id === id)?.number ?? '?';

  return (
    <>
      {centreId && canWatch ? <LivePanel centreId={centreId} queues={queues.data?.items ?? []} counters={counterList} canTidal={canWrite} /> : null}
      <CrudPage<QueueView, QueueValues>
        title="排队叫号"
        noun="队列"
        intro={<Typography.Text type="secondary">每个队列一个号码字头，号码每日从 001 起编。综合受理队列由全部综合窗口“抢单”叫号（§7.1.6.2）。</Typography.Text>}
        loadKey={centreId}
        load={(includeRetired) => api.get<ItemList<QueueView>>(centrePath(centreId, 'queues'), { includeRetired })}
        canWrite={canWrite}
        create={async (v) => {
          await api.post<QueueView>(centrePath(centreId, 'queues'), toBody(v));
          queues.reload();
        }}
        update={async (row, v) => {
          await api.patch<QueueView>(`/api/v1/queues/${row.id}`, toBody(v));
          queues.reload();
        }}
        retire={async (row) => {
          await api.del(`/api/v1/queues/${row.id}`);
          queues.reload();
        }}
        retireHint="停用后不再取号；仍有人等候时不能停用。"
        defaults={QUEUE_DEFAULTS}
        toValues={toValues}
        formWidth={680}
        columns={[
          { title: '字头', dataIndex: 'prefix', width: 60, render: (p: string) => <Tag color="blue">{p}</Tag> },
          { title: '队列名称', dataIndex: 'name' },
          { title: '类型', key: 'pool', render: (_: unknown, q: QueueView) => (q.areaName ? `${q.poolLabel}（${q.areaName}）` : q.poolLabel) },
          { title: '事项数', key: 'items', render: (_: unknown, q: QueueView) => q.itemIds.length },
          { title: '每日号源', dataIndex: 'dailyQuota', render: (n: number | null) => n ?? '不限' },
          { title: '取号时段', key: 'windows', render: (_: unknown, q: QueueView) => (q.issuingWindows.length === 0 ? '服务时间内' : q.issuingWindows.map((w) => `${w.start}–${w.end}`).join('，')) },
          {
            title: '指定窗口',
            key: 'counters',
            render: (_: unknown, q: QueueView) => (q.counters.length === 0 ? '—' : q.counters.map((c) => `${numberOf(c.counterId)} 号（${c.weight} 分）`).join('，')),
          },
          {
            title: '潮汐预警',
            key: 'tidal',
            render: (_: unknown, q: QueueView) =>
              q.tidal
                ? [q.tidal.openAtWaiting !== null ? `≥${q.tidal.openAtWaiting} 人` : null, q.tidal.openAtLongestWaitMinutes !== null ? `≥${q.tidal.openAtLongestWaitMinutes} 分钟` : null]
                    .filter(Boolean)
                    .join(' 或 ') + (q.tidal.tidalCounterIds.length > 0 ? `：${q.tidal.tidalCounterIds.map(numberOf).join('、')} 号` : '')
                : '—',
          },
        ]}
        fields={() => <QueueFields counters={counterList} />}
      />
    </>
  );
}
