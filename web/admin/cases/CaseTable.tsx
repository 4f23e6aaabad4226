/**
 * A page of cases (办件): number, item, applicant (masked), status, stage, due date and
 * who handles it. Overdue rows are tinted and tagged 已超期, due-soon rows tagged
 * 临近到期 (§8.1.2.4: handled within the promised limit).
 */
import { Table, Typography } from 'antd';
import { linkClick } from '../../shared/router.ts';
import { DeadlineTag, StatusTag } from './CaseTags.tsx';
import { dueText, timeText } from './format.ts';
import { tablePagination, type Paging } from './paging.ts';
import { casePath } from './paths.ts';
import type { CaseSummary } from './types.ts';
import './cases.css';

export type CasePaging = Paging;

export function rowClassOf(c: Pick<CaseSummary, 'deadlineState'>): string {
  return c.deadlineState === 'overdue' ? 'case-row-overdue' : c.deadlineState === 'due_soon' ? 'case-row-due-soon' : '';
}

export function CaseTable({
  rows,
  loading,
  paging,
  caption,
  archived = false,
}: {
  rows: readonly CaseSummary[];
  loading: boolean;
  paging: CasePaging;
  /** Names the table for screen readers. */
  caption: string;
  /** The archive: the archiving time instead of the due date. */
  archived?: boolean;
}) {
  return (
    <Table<CaseSummary>
      rowKey="id"
      size="middle"
      aria-label={caption}
      loading={loading}
      dataSource={[...rows]}
      scroll={{ x: 'max-content' }}
      rowClassName={rowClassOf}
      locale={{ emptyText: '没有符合条件的办件' }}
      pagination={tablePagination(paging, '件')}
      columns={[
        {
          title: '办件编号',
          dataIndex: 'caseNumber',
          render: (n: string, r) => (
            <a href={casePath(r.id)} onClick={linkClick(casePath(r.id))} className="case-number" aria-label={`办件 ${n}（${r.title}）`}>
              {n}
            </a>
          ),
        },
        { title: '事项', dataIndex: 'title', render: (t: string) => <span className="case-cell">{t}</span> },
        { title: '申请人', dataIndex: 'applicantName' },
        { title: '状态', key: 'status', render: (_: unknown, r) => <StatusTag status={r.status} label={r.statusLabel} /> },
        { title: '环节', dataIndex: 'stageLabel' },
        { title: '受理时间', dataIndex: 'acceptedAt', render: (t: string | null, r) => (t ? timeText(t) : <Typography.Text type="secondary">未受理（{timeText(r.openedAt)} 登记）</Typography.Text>) },
        archived
          ? { title: '归档时间', dataIndex: 'archivedAt', render: timeText }
          : {
              title: '承诺办结',
              key: 'due',
              render: (_: unknown, r) =>
                r.promisedDueAt ? (
                  <span>
                    {dueText(r.promisedDueAt)} <DeadlineTag state={r.deadlineState} />
                    {r.remainingText ? (
                      <Typography.Text type={r.deadlineState === 'overdue' ? 'danger' : 'secondary'} style={{ display: 'block', fontSize: 12 }}>
                        {r.remainingText}
                      </Typography.Text>
                    ) : null}
                  </span>
                ) : (
                  (r.remainingText ?? '—')
                ),
            },
        { title: '窗口', dataIndex: 'counterNumber', render: (n: string | null) => (n ? `${n} 号` : '—') },
        { title: '经办人', dataIndex: 'clerkName', render: (n: string | null) => n ?? '—' },
      ]}
    />
  );
}
