/**
 * 否定事项报备复核 (DB36/T 2016 §7.5.2.3): every refusal or turning-away is reported and
 * reviewed by the centre's management. Pending reports first; those past their review
 * date flagged 超期未复核; a manager confirms or overturns each with an opinion.
 */
import { Alert, App, Button, Card, Flex, Segmented, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { linkClick } from '../../shared/router.ts';
import type { PageOf } from '../../shared/types.ts';
import { useLoad } from '../../shared/use-load.ts';
import { centrePath, useCentreId } from '../lookups.ts';
import { useCaseAccess } from './access.ts';
import { dueText, timeText } from './format.ts';
import { casePath, SETTINGS_PATH } from './paths.ts';
import { ReviewDecisionDialog } from './ReviewDecisionDialog.tsx';
import type { ReviewView } from './types.ts';
import './cases.css';
import { pageQuery, tablePagination, usePaging } from './paging.ts';

type StatusFilter = 'pending' | 'confirmed' | 'overturned' | 'all';

const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: 'pending', label: '待复核' },
  { value: 'confirmed', label: '已维持' },
  { value: 'overturned', label: '已纠正' },
  { value: 'all', label: '全部' },
];

export function RefusalReviewsPage() {
  const { message } = App.useApp();
  const centreId = useCentreId();
  const { canRead, canReview } = useCaseAccess();
  const [status, setStatus] = useState<StatusFilter>('pending');
  const [overdue, setOverdue] = useState(false);
  const { position, paging, firstPage } = usePaging();
  const [deciding, setDeciding] = useState<ReviewView | null>(null);
  const query = { status: status === 'all' ? undefined : status, overdue: overdue || undefined, ...pageQuery(position) };
  const list = useLoad(() => api.get<PageOf<ReviewView>>(centrePath(centreId, 'refusal-reviews'), query), centreId && canRead ? `${centreId}:${JSON.stringify(query)}` : null);

  return (
    <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>否定事项报备复核</Typography.Title>}>
      <Typography.Paragraph type="secondary">
        窗口作出的驳回、不予受理等否定性意见须报备，由中心管理人员在规定时限内复核：维持或纠正（纠正后办件重新进入受理）。
        <a href={SETTINGS_PATH} onClick={linkClick(SETTINGS_PATH)}>
          复核时限设置
        </a>
      </Typography.Paragraph>
      {centreId && !canRead ? <Alert type="info" role="status" showIcon title="您无权查看本中心的否定事项报备" /> : null}
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Segmented<StatusFilter>
          aria-label="复核状态"
          value={status}
          options={STATUS_OPTIONS}
          onChange={(s) => {
            setStatus(s);
            firstPage();
          }}
        />
        <label>
          <Switch
            size="small"
            checked={overdue}
            onChange={(v) => {
              setOverdue(v);
              firstPage();
            }}
          />{' '}
          仅看超期未复核
        </label>
      </Flex>
      {list.error ? <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} /> : null}
      <Table<ReviewView>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        rowClassName={(r) => (r.overdue ? 'case-row-overdue' : '')}
        locale={{ emptyText: status === 'pending' ? '没有待复核的否定事项' : '没有符合条件的报备' }}
        pagination={tablePagination(paging(list.data?.total ?? 0))}
        columns={[
          { title: '报备时间', dataIndex: 'reportedAt', render: timeText },
          {
            title: '办件',
            key: 'case',
            render: (_: unknown, r) => (
              <span className="case-cell">
                {r.itemName ?? '（未开件）'}
                {r.caseId && r.caseNumber ? (
                  <a href={casePath(r.caseId)} onClick={linkClick(casePath(r.caseId))} className="case-number" style={{ display: 'block' }} aria-label={`办件 ${r.caseNumber}`}>
                    {r.caseNumber}
                  </a>
                ) : null}
              </span>
            ),
          },
          { title: '服务对象', dataIndex: 'applicantName' },
          {
            title: '理由与依据',
            key: 'reason',
            render: (_: unknown, r) => (
              <span style={{ display: 'inline-block', maxWidth: 320, whiteSpace: 'normal' }}>
                {r.reason}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  依据：{r.legalBasis}
                </Typography.Text>
              </span>
            ),
          },
          { title: '窗口 / 经办人', key: 'who', render: (_: unknown, r) => `${r.counterNumber ? `${r.counterNumber} 号` : '—'} / ${r.clerkName ?? '—'}` },
          {
            title: '复核期限',
            key: 'due',
            render: (_: unknown, r) => (
              <span>
                {dueText(r.dueAt)} {r.overdue ? <Tag color="error">超期未复核</Tag> : null}
              </span>
            ),
          },
          {
            title: '复核结果',
            key: 'result',
            render: (_: unknown, r) =>
              r.status === 'pending' ? (
                <Tag color="warning">{r.statusLabel}</Tag>
              ) : (
                <span style={{ display: 'inline-block', maxWidth: 280, whiteSpace: 'normal' }}>
                  <Tag color={r.status === 'overturned' ? 'processing' : 'default'}>{r.statusLabel}</Tag>
                  {r.late ? <Tag color="error">逾期复核</Tag> : null}
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {timeText(r.reviewedAt)}：{r.opinion}
                  </Typography.Text>
                </span>
              ),
          },
          ...(canReview
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  fixed: 'right' as const,
                  render: (_: unknown, r: ReviewView) =>
                    r.status === 'pending' ? (
                      <Button size="small" type="primary" onClick={() => setDeciding(r)} aria-label={`复核 ${r.applicantName} 的否定事项`}>
                        复核
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <ReviewDecisionDialog
        review={deciding}
        onClose={() => setDeciding(null)}
        onDecided={(r) => {
          void message.success(r.status === 'overturned' ? '已纠正：办件重新进入受理' : '已维持否定意见');
          list.reload();
        }}
      />
    </Card>
  );
}
