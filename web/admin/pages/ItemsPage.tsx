/**
 * 事项管理: the centre's items, drafts included (DB36/T 2016 §7.3), searched by name or
 * code and filtered by department, version status and type; import and export of the workbook.
 */
import { Alert, Button, Card, Flex, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { linkClick, navigate } from '../../shared/router.ts';
import type { ItemSummary, PageOf } from '../../shared/types.ts';
import { useLoad } from '../../shared/use-load.ts';
import { useCatalogueAccess } from '../catalogue/access.ts';
import { ImportDialog } from '../catalogue/ImportDialog.tsx';
import { ITEM_LEVEL_LABELS, STATUS_OPTIONS, TYPE_CODE_OPTIONS, typeLabel } from '../catalogue/labels.ts';
import { StatusTag } from '../catalogue/VersionsPanel.tsx';
import { centrePath, optionsOf, useCentreId, useDepartments } from '../lookups.ts';

interface Filters {
  q: string;
  departmentId?: string | undefined;
  status?: string | undefined;
  typeCode?: string | undefined;
  includeRetired: boolean;
  page: number;
  pageSize: number;
}

// Coming back from an item finds the list as it was left.
let remembered: Filters = { q: '', includeRetired: false, page: 1, pageSize: 20 };

export function ItemsPage() {
  const centreId = useCentreId();
  const departments = useDepartments();
  const { canRead, canWrite } = useCatalogueAccess();
  const [filters, setFiltersState] = useState<Filters>(remembered);
  const [typing, setTyping] = useState(filters.q);
  const [importing, setImporting] = useState(false);
  const setFilters = (next: Partial<Filters>) => {
    // A new filter starts from the first page.
    remembered = { ...filters, page: 1, ...next };
    setFiltersState(remembered);
  };

  const query = {
    q: filters.q.trim() || undefined,
    departmentId: filters.departmentId,
    status: filters.status,
    typeCode: filters.typeCode,
    includeRetired: filters.includeRetired || undefined,
    limit: filters.pageSize,
    offset: (filters.page - 1) * filters.pageSize,
  };
  const list = useLoad(() => api.get<PageOf<ItemSummary>>(centrePath(centreId, 'items'), query), centreId === null ? null : `${centreId}:${JSON.stringify(query)}`);
  const deptName = new Map((departments.data?.items ?? []).map((d) => [d.id, d.name]));
  const itemsPath = centrePath(centreId, 'items');

  return (
    <Card
      title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>事项管理</Typography.Title>}
      extra={
        <Space wrap>
          <Button href={`${itemsPath}/export.xlsx`} download>
            导出
          </Button>
          {canWrite() ? (
            <>
              <Button onClick={() => setImporting(true)}>导入</Button>
              <Button type="primary" onClick={() => navigate('/admin/items/new')}>
                新增事项
              </Button>
            </>
          ) : null}
        </Space>
      }
    >
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label="搜索事项"
          placeholder="事项名称或编码"
          allowClear
          value={typing}
          onChange={(e) => setTyping(e.target.value)}
          onSearch={(q) => setFilters({ q })}
          enterButton="查询"
          style={{ width: 300 }}
        />
        <Select
          aria-label="进驻部门"
          allowClear
          placeholder="全部部门"
          showSearch={{ optionFilterProp: 'label' }}
          value={filters.departmentId}
          onChange={(departmentId?: string) => setFilters({ departmentId })}
          options={optionsOf(departments.data?.items, (d) => d.name)}
          style={{ width: 220 }}
          popupMatchSelectWidth={false}
        />
        <Select aria-label="版本状态" allowClear placeholder="全部状态" value={filters.status} onChange={(status?: string) => setFilters({ status })} options={STATUS_OPTIONS} style={{ width: 130 }} />
        <Select
          aria-label="事项类型"
          allowClear
          placeholder="全部类型"
          value={filters.typeCode}
          onChange={(typeCode?: string) => setFilters({ typeCode })}
          options={TYPE_CODE_OPTIONS}
          style={{ width: 170 }}
          popupMatchSelectWidth={false}
        />
        <label>
          <Switch size="small" checked={filters.includeRetired} onChange={(includeRetired) => setFilters({ includeRetired })} /> 显示已停用
        </label>
      </Flex>
      {list.error ? <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} /> : null}
      <Table<ItemSummary>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        rowClassName={(r) => (r.retiredAt ? 'row-retired' : '')}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (n) => `共 ${n} 项`,
          onChange: (page, pageSize) => {
            remembered = { ...filters, page: pageSize === filters.pageSize ? page : 1, pageSize };
            setFiltersState(remembered);
          },
        }}
        columns={[
          {
            title: '事项名称',
            dataIndex: 'name',
            render: (name: string, r) => (
              <span style={{ display: 'inline-block', maxWidth: 300 }}>
                {/* A department's staff open their own department's items only (the server's scope of catalogue.read). */}
                {canRead(r.departmentId) ? (
                  <a href={`/admin/items/${r.id}`} onClick={linkClick(`/admin/items/${r.id}`)}>
                    {name}
                  </a>
                ) : (
                  name
                )}
                {/* Sub-items and handling items (§7.3.2.2e) are marked; main items are the rule. */}
                {r.level !== 'main' ? <Tag style={{ marginInlineStart: 8 }}>{ITEM_LEVEL_LABELS[r.level as keyof typeof ITEM_LEVEL_LABELS] ?? r.level}</Tag> : null}
                {r.retiredAt ? <Tag style={{ marginInlineStart: 8 }}>已停用</Tag> : null}
              </span>
            ),
          },
          { title: '实施编码', dataIndex: 'code', render: (c: string | null) => <Typography.Text style={{ fontFamily: 'monospace', fontSize: 12 }}>{c ?? '—'}</Typography.Text> },
          { title: '事项类型', dataIndex: 'typeCode', render: typeLabel },
          { title: '进驻部门', dataIndex: 'departmentId', render: (id: string) => <span style={{ display: 'inline-block', maxWidth: 200 }}>{deptName.get(id) ?? ''}</span> },
          { title: '当前发布', dataIndex: 'publishedNumber', render: (n: number | null) => (n ? `第 ${n} 版` : <Typography.Text type="secondary">未发布</Typography.Text>) },
          {
            title: '待发布版本',
            key: 'pending',
            render: (_: unknown, r) =>
              r.latestNumber !== r.publishedNumber ? (
                <span>
                  第 {r.latestNumber} 版 <StatusTag status={r.latestStatus} />
                </span>
              ) : (
                '—'
              ),
          },
        ]}
      />
      {centreId ? <ImportDialog centreId={centreId} open={importing} onClose={() => setImporting(false)} onImported={list.reload} /> : null}
    </Card>
  );
}
