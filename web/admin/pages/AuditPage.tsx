/** 审计日志: every change, newest first, with who, what and the values before and after (personal data masked). */
import { Alert, Button, Card, DatePicker, Form, Grid, Input, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import type { AuditRecord, PageOf } from '../../shared/types.ts';
import { useLoad } from '../../shared/use-load.ts';
import { formatTime } from '../../shared/values.ts';
import { ACTION_LABELS, ACTOR_TYPE_LABELS, ENTITY_LABELS, labelOf } from '../audit/labels.ts';
import { useCan, useCentreId } from '../lookups.ts';
import { canEverywhere } from '../permissions.ts';
import { useSession } from '../session.tsx';

interface Filters {
  scope?: 'centre' | 'all';
  entity?: string;
  action?: string;
  entityId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const PAGE_SIZE = 50;
const toOptions = (table: Readonly<Record<string, string>>) => Object.entries(table).map(([value, label]) => ({ value, label }));

function Change({ record }: { record: AuditRecord }) {
  const show = (label: string, value: unknown) =>
    value === null || value === undefined ? null : (
      <div style={{ flex: 1, minWidth: 240 }}>
        <Typography.Text strong>{label}</Typography.Text>
        <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', margin: '4px 0 0', fontSize: 12 }}>{JSON.stringify(value, null, 2)}</pre>
      </div>
    );
  return (
    <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
      {show('修改前', record.before)}
      {show('修改后', record.after)}
      <Typography.Text type="secondary">请求编号：{record.requestId ?? '—'}</Typography.Text>
    </div>
  );
}

export function AuditPage() {
  const { me } = useSession();
  const centreId = useCentreId();
  const canRead = useCan('audit.read');
  const everywhere = canEverywhere(me, 'audit.read');
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({ scope: 'centre' });
  const [page, setPage] = useState(1);
  const narrow = Grid.useBreakpoint().md === false;
  const width = (w: number) => (narrow ? '100%' : w);

  const query = {
    centreId: filters.scope === 'all' && everywhere ? undefined : (centreId ?? undefined),
    entity: filters.entity,
    action: filters.action,
    entityId: filters.entityId?.trim() || undefined,
    from: filters.range?.[0]?.startOf('minute').toISOString(),
    to: filters.range?.[1]?.endOf('minute').toISOString(),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const key = canRead || everywhere ? JSON.stringify(query) : null;
  const list = useLoad(() => api.get<PageOf<AuditRecord>>('/api/v1/audit', query), key);

  return (
    <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>审计日志</Typography.Title>}>
      {!canRead && !everywhere ? <Alert type="info" role="status" showIcon title="您无权查看本中心的审计日志" /> : null}
      <Form<Filters>
        form={form} name="audit-filters"
        layout={narrow ? 'vertical' : 'inline'}
        initialValues={{ scope: 'centre' }}
        onFinish={(v) => {
          setFilters(v);
          setPage(1);
        }}
        style={{ rowGap: 8, marginBottom: 16 }}
      >
        {everywhere ? (
          <Form.Item label="范围" name="scope">
            <Select style={{ width: width(120) }} options={[{ value: 'centre', label: '当前中心' }, { value: 'all', label: '全部' }]} />
          </Form.Item>
        ) : null}
        <Form.Item label="对象" name="entity">
          <Select allowClear placeholder="全部" style={{ width: width(150) }} options={toOptions(ENTITY_LABELS)} />
        </Form.Item>
        <Form.Item label="动作" name="action">
          <Select allowClear placeholder="全部" style={{ width: width(140) }} options={toOptions(ACTION_LABELS)} />
        </Form.Item>
        <Form.Item label="对象编号" name="entityId">
          <Input allowClear maxLength={100} style={{ width: width(180) }} />
        </Form.Item>
        <Form.Item label="时间" name="range">
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} style={{ width: width(380) }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          查询
        </Button>
      </Form>
      {list.error ? <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} /> : null}
      <Table<AuditRecord>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        expandable={{ expandedRowRender: (r) => <Change record={r} />, rowExpandable: (r) => r.before !== null || r.after !== null }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => `共 ${n} 条`,
          onChange: setPage,
        }}
        columns={[
          { title: '时间', dataIndex: 'at', render: formatTime },
          {
            title: '操作人',
            key: 'actor',
            render: (_: unknown, r) => `${r.actorName ?? '—'}（${labelOf(ACTOR_TYPE_LABELS, r.actorType)}）`,
          },
          { title: '对象', dataIndex: 'entity', render: (e: string) => labelOf(ENTITY_LABELS, e) },
          { title: '动作', dataIndex: 'action', render: (a: string) => labelOf(ACTION_LABELS, a) },
          { title: '对象编号', dataIndex: 'entityId', render: (id: string) => <Typography.Text code copyable={{ text: id }}>{id.slice(0, 8)}</Typography.Text> },
        ]}
      />
    </Card>
  );
}
