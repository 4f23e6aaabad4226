/** 版本记录: every version with its review (§7.3.2.2c), one version read in full, and the diff of two (§7.3.2.2d). */
import { Alert, Button, Descriptions, Drawer, Flex, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ItemGuide } from '../../../src/domain/catalogue/guide.ts';
import type { VersionStatus } from '../../../src/domain/catalogue/versions.ts';
import { api } from '../../shared/api.ts';
import type { ItemList, VersionSummary, VersionView } from '../../shared/types.ts';
import { useLoad } from '../../shared/use-load.ts';
import { formatTime } from '../../shared/values.ts';
import { GuideView } from './GuideView.tsx';
import { STATUS_COLOURS, statusLabel } from './labels.ts';
import { ReviewActions } from './ReviewActions.tsx';
import { VersionDiff } from './VersionDiff.tsx';

export function StatusTag({ status }: { status: string }) {
  return <Tag color={STATUS_COLOURS[status as VersionStatus]}>{statusLabel(status)}</Tag>;
}

function reviewText(v: VersionSummary): string {
  if (!v.reviewDecision) return '—';
  return `${v.reviewDecision === 'approved' ? '通过' : '退回'}（${v.reviewer ?? ''}，${formatTime(v.reviewedAt)}）：${v.opinion ?? ''}`;
}

function VersionDrawer({ itemId, number, onClose }: { itemId: string; number: number | null; onClose: () => void }) {
  const version = useLoad(() => api.get<VersionView>(`/api/v1/items/${itemId}/versions/${number ?? 0}`), number === null ? null : `${itemId}:${number}`);
  const v = version.data;
  return (
    <Drawer title={number === null ? '' : `第 ${number} 版`} open={number !== null} onClose={onClose} size="large" destroyOnHidden>
      {version.error ? <Alert type="error" showIcon title={version.error} /> : null}
      {version.loading || !v ? (
        <Spin />
      ) : (
        <Flex vertical gap={16}>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'status', label: '状态', children: <StatusTag status={v.status} /> },
              { key: 'created', label: '创建', children: `${v.createdBy}，${formatTime(v.createdAt)}` },
              { key: 'submitted', label: '提交审查', children: v.submittedAt ? `${v.submittedBy ?? ''}，${formatTime(v.submittedAt)}` : '—' },
              { key: 'review', label: '合法性审查', children: reviewText(v) },
              { key: 'effective', label: '生效日期', children: v.effectiveOn ?? '—' },
              { key: 'withdrawn', label: '撤回', children: v.withdrawnAt ? `${formatTime(v.withdrawnAt)}${v.withdrawReason ? `：${v.withdrawReason}` : ''}` : '—' },
            ]}
          />
          <GuideView guide={v.guide as ItemGuide} />
        </Flex>
      )}
    </Drawer>
  );
}

export interface VersionsPanelProps {
  readonly itemId: string;
  /** Changes when the item changes, so the history reloads. */
  readonly revision: string;
  readonly latestNumber: number;
  readonly canReview: boolean;
  readonly onChanged: (done: string) => void;
}

export function VersionsPanel({ itemId, revision, latestNumber, canReview, onChanged }: VersionsPanelProps) {
  const list = useLoad(() => api.get<ItemList<VersionSummary>>(`/api/v1/items/${itemId}/versions`), `${itemId}:${revision}`);
  const [viewing, setViewing] = useState<number | null>(null);
  const versions = list.data?.items ?? [];
  return (
    <Flex vertical gap={16}>
      {list.error ? <Alert type="error" showIcon title={list.error} /> : null}
      <Table<VersionSummary>
        rowKey="number"
        size="small"
        loading={list.loading}
        dataSource={[...versions].sort((a, b) => b.number - a.number)}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '版本', dataIndex: 'number', render: (n: number) => `第 ${n} 版` },
          { title: '状态', dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
          { title: '创建', key: 'created', render: (_: unknown, v) => `${v.createdBy} ${formatTime(v.createdAt)}` },
          { title: '合法性审查', key: 'review', render: (_: unknown, v) => <Typography.Text style={{ maxWidth: 360, display: 'inline-block' }}>{reviewText(v)}</Typography.Text> },
          { title: '生效日期', dataIndex: 'effectiveOn', render: (d: string | null) => d ?? '—' },
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, v) => (
              <Space size="small" wrap>
                <Button size="small" onClick={() => setViewing(v.number)} aria-label={`查看第 ${v.number} 版`}>
                  查看
                </Button>
                {/* The latest version's actions are at the top of the page. */}
                {canReview && v.status === 'published' && v.number !== latestNumber ? <ReviewActions itemId={itemId} version={v} onDone={onChanged} size="small" /> : null}
              </Space>
            ),
          },
        ]}
      />
      <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>
        版本差异
      </Typography.Title>
      {versions.length > 0 ? <VersionDiff key={`${revision}:${versions.length}`} itemId={itemId} versions={versions} /> : null}
      <VersionDrawer itemId={itemId} number={viewing} onClose={() => setViewing(null)} />
    </Flex>
  );
}
