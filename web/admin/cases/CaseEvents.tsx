/** The event log of a case, oldest first: every transition with time, counter, staff and what was recorded (personal data masked). */
import { Table } from 'antd';
import { eventDataText, eventLabel, statusLabel } from './labels.ts';
import { timeText } from './format.ts';
import type { CaseDetail } from './types.ts';

type CaseEvent = CaseDetail['events'][number];

export function CaseEvents({ events }: { events: CaseDetail['events'] }) {
  return (
    <Table<CaseEvent & { key: number }>
      size="small"
      pagination={false}
      dataSource={events.map((e, i) => ({ ...e, key: i }))}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: '时间', dataIndex: 'at', render: timeText },
        { title: '事件', dataIndex: 'type', render: eventLabel },
        { title: '状态', key: 'status', render: (_: unknown, e) => (e.from && e.from !== e.to ? `${statusLabel(e.from)} → ${statusLabel(e.to)}` : statusLabel(e.to)) },
        { title: '窗口', dataIndex: 'counterNumber', render: (n: string | null) => (n ? `${n} 号` : '—') },
        { title: '工作人员', dataIndex: 'staffName', render: (n: string | null) => n ?? '—' },
        { title: '记录', key: 'data', render: (_: unknown, e) => <span style={{ display: 'inline-block', maxWidth: 420, whiteSpace: 'normal' }}>{eventDataText(e.data) || '—'}</span> },
      ]}
    />
  );
}
