/**
 * 办件管理: the centre's cases (DB36/T 2016 §8.1.2), filtered by stage, status, item, clerk,
 * due soon and overdue, a page at a time; overdue cases are highlighted.
 */
import { Alert, Card, Flex, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useCentreId, useStaff } from '../lookups.ts';
import { ItemSearchSelect } from '../catalogue/ItemSearchSelect.tsx';
import { useCaseAccess } from './access.ts';
import { CaseTable } from './CaseTable.tsx';
import { STAGE_OPTIONS, statusOptions } from './labels.ts';
import { useCasePage } from './use-case-page.ts';

interface Filters {
  stage?: string | undefined;
  status?: string | undefined;
  itemId?: string | undefined;
  clerkId?: string | undefined;
  dueSoon: boolean;
  overdue: boolean;
}

// Coming back from a case finds the filters as they were left.
let remembered: Filters = { dueSoon: false, overdue: false };

export function CasesPage() {
  const centreId = useCentreId();
  const { canRead } = useCaseAccess();
  const staff = useStaff();
  const [filters, setFiltersState] = useState<Filters>(remembered);
  const query = {
    stage: filters.stage,
    status: filters.status,
    itemId: filters.itemId,
    clerkId: filters.clerkId,
    dueSoon: filters.dueSoon || undefined,
    overdue: filters.overdue || undefined,
  };
  const { list, paging, firstPage } = useCasePage('cases', query, canRead);
  const setFilters = (next: Partial<Filters>) => {
    remembered = { ...filters, ...next };
    setFiltersState(remembered);
    firstPage();
  };

  return (
    <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>办件管理</Typography.Title>}>
      {centreId && !canRead ? <Alert type="info" role="status" showIcon title="您无权查看本中心的办件" /> : null}
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }} role="search" aria-label="筛选办件">
        <Select
          aria-label="办理环节"
          allowClear
          placeholder="全部环节"
          value={filters.stage}
          onChange={(stage?: string) => setFilters({ stage, status: undefined })}
          options={STAGE_OPTIONS}
          style={{ width: 130 }}
        />
        <Select
          aria-label="办件状态"
          allowClear
          placeholder="全部状态"
          value={filters.status}
          onChange={(status?: string) => setFilters({ status })}
          options={statusOptions(filters.stage)}
          style={{ width: 150 }}
          popupMatchSelectWidth={false}
        />
        <div style={{ width: 260, maxWidth: '100%' }}>
          <ItemSearchSelect ariaLabel="事项" placeholder="全部事项（输入名称或编码）" value={filters.itemId ?? null} onChange={(itemId) => setFilters({ itemId: itemId ?? undefined })} />
        </div>
        <Select
          aria-label="经办人"
          allowClear
          placeholder="全部经办人"
          showSearch={{ optionFilterProp: 'label' }}
          value={filters.clerkId}
          onChange={(clerkId?: string) => setFilters({ clerkId })}
          options={(staff.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.workNumber}）` }))}
          style={{ width: 180 }}
          popupMatchSelectWidth={false}
        />
        <label>
          <Switch size="small" checked={filters.dueSoon} onChange={(dueSoon) => setFilters({ dueSoon })} /> 临近到期
        </label>
        <label>
          <Switch size="small" checked={filters.overdue} onChange={(overdue) => setFilters({ overdue })} /> 已超期
        </label>
      </Flex>
      {list.error ? <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} /> : null}
      <CaseTable rows={list.data?.items ?? []} loading={list.loading} paging={paging} caption="办件列表" />
    </Card>
  );
}
