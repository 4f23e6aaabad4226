/** 一件事: “高效办成一件事” bundles of items under one guide and one flow, accepted at comprehensive counters (§8.2.4). */
import { Space, Tag, Typography } from 'antd';
import { COUNTER_KIND_LABELS, type CounterKind } from '../../../src/domain/organisation/types.ts';
import { api } from '../../shared/api.ts';
import { CrudPage } from '../../shared/CrudPage.tsx';
import type { BundleView, ItemList } from '../../shared/types.ts';
import { formatTime } from '../../shared/values.ts';
import { BundleFields, bundleBody, type BundleValues } from '../catalogue/BundleFields.tsx';
import { centrePath, useCan, useCentreId } from '../lookups.ts';

export function BundlesPage() {
  const centreId = useCentreId();
  const canWrite = useCan('catalogue.write');
  return (
    <CrudPage<BundleView, BundleValues>
      title="一件事"
      noun="一件事"
      intro={
        <Typography.Text type="secondary">
          从企业群众办成“一件事”出发，将多个关联事项集成办理，制定统一的办事指南和流程，纳入综合窗口统一受理（DB36/T 2016 §8.2.4）。
        </Typography.Text>
      }
      loadKey={centreId}
      load={(includeRetired) => api.get<ItemList<BundleView>>(centrePath(centreId, 'bundles'), { includeRetired })}
      canWrite={canWrite}
      create={(v) => api.post(centrePath(centreId, 'bundles'), bundleBody(v))}
      update={(row, v) => api.patch(`/api/v1/bundles/${row.id}`, bundleBody(v))}
      retire={(row) => api.del(`/api/v1/bundles/${row.id}`)}
      defaults={{ itemIds: [], steps: [{ itemIds: [] }], acceptingCounterKind: 'comprehensive' }}
      toValues={(row) => ({ name: row.name, itemIds: [...row.itemIds], steps: row.steps.map((s) => ({ name: s.name, itemIds: [...s.itemIds] })), acceptingCounterKind: row.acceptingCounterKind, guideText: row.guideText })}
      formWidth={760}
      columns={[
        { title: '名称', dataIndex: 'name' },
        {
          title: '所含事项',
          key: 'items',
          render: (_: unknown, row: BundleView) => (
            <Space size={4} wrap style={{ maxWidth: 480 }}>
              {row.items.map((i, n) => (
                <Tag key={i.id} color={row.unpublishedItemIds.includes(i.id) ? 'orange' : undefined}>
                  {n + 1}. {i.name}
                </Tag>
              ))}
            </Space>
          ),
        },
        { title: '环节数', key: 'steps', render: (_: unknown, row: BundleView) => row.steps.length },
        { title: '受理窗口', dataIndex: 'acceptingCounterKind', render: (k: string) => COUNTER_KIND_LABELS[k as CounterKind] ?? k },
        {
          title: '材料清单',
          key: 'materials',
          render: (_: unknown, row: BundleView) =>
            row.unpublishedItemIds.length > 0 ? <Tag color="orange">{row.unpublishedItemIds.length} 个事项未发布，材料未合并</Tag> : `${row.materials.length} 项（已合并去重）`,
        },
        { title: '更新时间', dataIndex: 'updatedAt', render: formatTime },
      ]}
      fields={(row) => <BundleFields row={row} />}
    />
  );
}
