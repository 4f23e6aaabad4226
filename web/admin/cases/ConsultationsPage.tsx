/**
 * 咨询登记 (DB36/T 2016 §8.1.2.2 c 咨询接待记录): who asked what, the one-time complete
 * answer, whether the person was referred elsewhere (§8.1.2.2 b), clerk and counter.
 * Names and contacts are masked; in full on request to the roles that handle cases (audited).
 */
import { Alert, Card, DatePicker, Flex, Select, Switch, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import type { PageOf } from '../../shared/types.ts';
import { useLoad } from '../../shared/use-load.ts';
import { centrePath, useCentreId, useStaff } from '../lookups.ts';
import { useCaseAccess } from './access.ts';
import { timeText } from './format.ts';
import type { ConsultationView } from './types.ts';
import { pageQuery, tablePagination, usePaging } from './paging.ts';

export function ConsultationsPage() {
  const centreId = useCentreId();
  const { canRead, canReveal } = useCaseAccess();
  const staff = useStaff();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [clerkId, setClerkId] = useState<string | undefined>(undefined);
  const [reveal, setReveal] = useState(false);
  const { position, paging, firstPage } = usePaging();
  const query = {
    from: range?.[0]?.startOf('day').toISOString(),
    to: range?.[1]?.endOf('day').toISOString(),
    clerkId,
    reveal: reveal || undefined,
    ...pageQuery(position),
  };
  const list = useLoad(() => api.get<PageOf<ConsultationView>>(centrePath(centreId, 'consultations'), query), centreId && canRead ? `${centreId}:${JSON.stringify(query)}` : null);

  return (
    <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>咨询登记</Typography.Title>}>
      <Typography.Paragraph type="secondary">窗口接待咨询的记录：咨询内容与一次性告知的答复；不属于本窗口办理的，记录已指引的区域、部门或窗口。</Typography.Paragraph>
      {centreId && !canRead ? <Alert type="info" role="status" showIcon title="您无权查看本中心的咨询记录" /> : null}
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          aria-label="咨询日期"
          allowEmpty={[true, true]}
          value={range}
          onChange={(v) => {
            setRange(v);
            firstPage();
          }}
          style={{ maxWidth: '100%' }}
        />
        <Select
          aria-label="接待人"
          allowClear
          placeholder="全部接待人"
          showSearch={{ optionFilterProp: 'label' }}
          value={clerkId}
          onChange={(v?: string) => {
            setClerkId(v);
            firstPage();
          }}
          options={(staff.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.workNumber}）` }))}
          style={{ width: 180 }}
          popupMatchSelectWidth={false}
        />
        {canReveal('open') ? (
          <label>
            <Switch size="small" checked={reveal} onChange={setReveal} /> 显示完整姓名与联系方式（记入审计）
          </label>
        ) : null}
      </Flex>
      {list.error ? <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} /> : null}
      <Table<ConsultationView>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '没有咨询记录' }}
        pagination={tablePagination(paging(list.data?.total ?? 0))}
        columns={[
          { title: '时间', dataIndex: 'startedAt', render: timeText },
          {
            title: '服务对象',
            key: 'who',
            render: (_: unknown, r) => (
              <span>
                {r.applicantName}
                {r.unit ? <Typography.Text type="secondary">（{r.unit}）</Typography.Text> : null}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {r.contact ?? '未留联系方式'}
                </Typography.Text>
              </span>
            ),
          },
          { title: '咨询内容', dataIndex: 'question', render: (q: string) => <span style={{ display: 'inline-block', maxWidth: 280, whiteSpace: 'pre-wrap' }}>{q}</span> },
          { title: '答复（一次性告知）', dataIndex: 'answer', render: (a: string) => <span style={{ display: 'inline-block', maxWidth: 320, whiteSpace: 'pre-wrap' }}>{a}</span> },
          { title: '指引', key: 'referred', render: (_: unknown, r) => (r.referred ? <Tag color="blue">已指引：{r.referredTo ?? '其他窗口'}</Tag> : '—') },
          { title: '窗口 / 接待人', key: 'clerk', render: (_: unknown, r) => `${r.counterNumber ? `${r.counterNumber} 号` : '—'} / ${r.clerkName ?? '—'}` },
        ]}
      />
    </Card>
  );
}
