/**
 * The live state of the centre's queues at the top of the queue page: waiting, longest
 * wait and the estimate per queue (GET …/display, then `queue.stats` and `ticket.issued`
 * events), the tidal alerts (`tidal.alert`) with the button that answers them, and the
 * tidal counters to open or close by hand (DB36/T 2016 §6.4.7).
 */
import { Alert, App, Badge, Button, Card, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, messageOf } from '../../shared/api.ts';
import { openEventStream, useStreamConnected, type EventStream } from '../../shared/event-stream.ts';
import type { CounterView } from '../../shared/types.ts';
import { useLoad } from '../../shared/use-load.ts';
import { centrePath } from '../lookups.ts';
import type { DisplayView, QueueStat, QueueStatsEvent, QueueView, TicketIssuedEvent, TidalAlertEvent, TidalOpening } from './types.ts';

interface PanelEvents {
  'queue.stats': QueueStatsEvent;
  'ticket.issued': TicketIssuedEvent;
  'tidal.alert': TidalAlertEvent;
}

/** The figures after a `queue.stats` event: the queues it names are replaced, the others kept (an event may come twice). */
export function mergeStats(current: readonly QueueStat[], changed: readonly QueueStat[]): QueueStat[] {
  const byId = new Map(changed.map((q) => [q.queueId, q]));
  const merged = current.map((q) => byId.get(q.queueId) ?? q);
  for (const q of changed) if (!current.some((c) => c.queueId === q.queueId)) merged.push(q);
  return merged;
}

/** The alerts after a `tidal.alert`: one per queue, the latest wins. */
export function alertsAfter(current: readonly TidalAlertEvent[], alert: TidalAlertEvent): TidalAlertEvent[] {
  return [alert, ...current.filter((a) => a.queueId !== alert.queueId)];
}

export interface LivePanelProps {
  readonly centreId: string;
  readonly queues: readonly QueueView[];
  readonly counters: readonly CounterView[];
  readonly canTidal: boolean;
}

export function LivePanel({ centreId, queues, counters, canTidal }: LivePanelProps) {
  const { message } = App.useApp();
  const display = useLoad(() => api.get<DisplayView>(centrePath(centreId, 'display')), centreId);
  const [stats, setStats] = useState<QueueStat[]>([]);
  const [alerts, setAlerts] = useState<TidalAlertEvent[]>([]);
  const [stream, setStream] = useState<EventStream | null>(null);
  const connected = useStreamConnected(stream);
  const reload = display.reload;

  useEffect(() => {
    if (display.data) setStats(display.data.queues);
  }, [display.data]);

  useEffect(() => {
    setAlerts([]);
    const s = openEventStream<PanelEvents>({
      centreId,
      handlers: {
        'queue.stats': ({ queues: changed }) => setStats((now) => mergeStats(now, changed)),
        'ticket.issued': (issued) => setStats((now) => now.map((q) => (q.queueId === issued.queueId ? { ...q, waiting: issued.waiting } : q))),
        'tidal.alert': (alert) => setAlerts((now) => alertsAfter(now, alert)),
      },
      onResync: reload,
      resyncAfterMs: 5_000,
    });
    setStream(s);
    return () => s.close();
  }, [centreId, reload]);

  const tidal = async (counterId: string, action: 'open' | 'close', queueId?: string) => {
    try {
      const done =
        action === 'open'
          ? await api.post<TidalOpening>(`/api/v1/counters/${counterId}/tidal/open`, { queueId })
          : await api.post<TidalOpening>(`/api/v1/counters/${counterId}/tidal/close`, {});
      void message.success(action === 'open' ? `已开放 ${done.counterNumber} 号潮汐窗口给“${done.queueName ?? ''}”` : `已关闭 ${done.counterNumber} 号潮汐窗口`);
      setAlerts((now) => now.filter((a) => !(a.counterId === counterId && a.action === action)));
      return done;
    } catch (error) {
      void message.error(messageOf(error));
      return null;
    }
  };

  return (
    <section aria-label="实时排队">
    <Card
      title={
        <Space>
          <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
            实时排队
          </Typography.Title>
          <Badge status={connected ? 'success' : 'warning'} text={connected ? '实时更新' : '连接中断，正在重连'} />
        </Space>
      }
      size="small"
      style={{ marginBottom: 16 }}
      extra={
        <Button size="small" onClick={reload}>
          刷新
        </Button>
      }
    >
      {alerts.map((a) => (
        <Alert
          key={a.queueId}
          type={a.action === 'open' ? 'warning' : 'info'}
          showIcon
          role="alert"
          style={{ marginBottom: 8 }}
          title={`${a.queueName}：${a.reason}`}
          action={
            canTidal && a.counterId ? (
              <Button size="small" type={a.action === 'open' ? 'primary' : 'default'} onClick={() => void tidal(a.counterId!, a.action, a.queueId)}>
                {a.action === 'open' ? '开放潮汐窗口' : '关闭潮汐窗口'}
              </Button>
            ) : undefined
          }
          closable
          onClose={() => setAlerts((now) => now.filter((x) => x !== a))}
        />
      ))}
      {display.error ? <Alert type="error" showIcon title={display.error} style={{ marginBottom: 8 }} /> : null}
      <Table<QueueStat>
        aria-label="各队列实时排队"
        rowKey="queueId"
        size="small"
        loading={display.loading && stats.length === 0}
        dataSource={stats}
        pagination={false}
        columns={[
          { title: '队列', key: 'name', render: (_: unknown, q) => `${q.prefix} ${q.name}` },
          { title: '等候人数', dataIndex: 'waiting', render: (n: number) => <strong>{n}</strong> },
          { title: '最长等候', dataIndex: 'longestWaitMinutes', render: (n: number, q) => (q.waiting === 0 ? '—' : `${n} 分钟`) },
          { title: '预计等候', key: 'estimate', render: (_: unknown, q) => (q.waiting === 0 && !q.estimateText ? '无需等候' : q.estimateText || (q.estimateMinutes === null ? '—' : `约 ${q.estimateMinutes} 分钟`)) },
        ]}
      />
      {canTidal ? <TidalCounters centreId={centreId} counters={counters.filter((c) => c.kind === 'tidal' && !c.retiredAt)} queues={queues} act={tidal} /> : null}
    </Card>
    </section>
  );
}

function TidalCounters({ centreId, counters, queues, act }: { centreId: string; counters: readonly CounterView[]; queues: readonly QueueView[]; act: (counterId: string, action: 'open' | 'close', queueId?: string) => Promise<TidalOpening | null> }) {
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [openFor, setOpenFor] = useState<Record<string, string | null>>({});
  const [busy, setBusy] = useState<string | null>(null);
  // The counters open now (also after a reload of the page); later changes come from the buttons.
  const opened = useLoad(() => api.get<{ items: TidalOpening[] }>(centrePath(centreId, 'tidal-openings')), centreId);
  useEffect(() => {
    if (opened.data) setOpenFor(Object.fromEntries(opened.data.items.map((o) => [o.counterId, o.queueName])));
  }, [opened.data]);
  if (counters.length === 0) return null;
  const live = queues.filter((q) => !q.retiredAt);
  const run = async (counterId: string, action: 'open' | 'close') => {
    setBusy(counterId);
    const done = await act(counterId, action, chosen[counterId]);
    if (done) setOpenFor((now) => ({ ...now, [counterId]: action === 'open' ? done.queueName : null }));
    setBusy(null);
  };
  return (
    <div style={{ marginTop: 12 }}>
      <Typography.Text strong>潮汐窗口（§6.4.7）</Typography.Text>
      {counters.map((c) => (
        <Flex key={c.id} gap={8} align="center" wrap style={{ marginTop: 8 }} role="group" aria-label={`${c.number} 号潮汐窗口`}>
          <span style={{ minWidth: 120 }}>
            {c.number} 号 {c.name}
          </span>
          <Tag>{c.statusLabel}</Tag>
          {openFor[c.id] ? <Tag color="blue">已开放给 {openFor[c.id]}</Tag> : null}
          <Select
            aria-label={`${c.number} 号潮汐窗口开放给`}
            placeholder="选择队列"
            style={{ width: 180 }}
            size="small"
            value={chosen[c.id]}
            onChange={(v: string) => setChosen((now) => ({ ...now, [c.id]: v }))}
            options={live.map((q) => ({ value: q.id, label: `${q.prefix} ${q.name}` }))}
          />
          <Button size="small" type="primary" disabled={!chosen[c.id]} loading={busy === c.id} onClick={() => void run(c.id, 'open')}>
            开放潮汐窗口
          </Button>
          <Button size="small" loading={busy === c.id} onClick={() => void run(c.id, 'close')}>
            关闭潮汐窗口
          </Button>
        </Flex>
      ))}
    </div>
  );
}
