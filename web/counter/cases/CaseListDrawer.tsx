/**
 * 今日办件: the cases of the clerk signed in at this counter, with their status and due
 * dates (剩余 N 个工作日 / 已超期), today's first; opening one shows its detail.
 */
import { Alert, Button, Drawer, Empty, Segmented, Spin } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { workstationMessage } from '../messages.ts';
import { listCases, listStaff } from './case-api.ts';
import { dateText, dateTimeText } from './case-format.ts';
import { filterCases, type CaseFilter } from './case-filter.ts';
import { CaseStatusTag, DueTag } from './CaseDetailView.tsx';
import type { CaseSummary } from './types.ts';

export function CaseListDrawer({
  open,
  centreId,
  clerkWorkNumber,
  reloadKey,
  onClose,
  afterClose,
  onOpenCase,
}: {
  open: boolean;
  centreId: string;
  /** The clerk at this counter (the list is theirs). */
  clerkWorkNumber: string | null;
  /** Changes when a case changed elsewhere: the list reloads. */
  reloadKey: number;
  onClose: () => void;
  afterClose: () => void;
  onOpenCase: (id: string) => void;
}) {
  const [rows, setRows] = useState<readonly CaseSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<CaseFilter>('today');

  const load = useCallback(async () => {
    try {
      const staff = await listStaff(centreId);
      const clerk = clerkWorkNumber ? staff.find((s) => s.workNumber === clerkWorkNumber) : undefined;
      if (!clerk) {
        setError('本窗口尚无签到的工作人员，签到后可查看本人经办的办件');
        setRows([]);
        return;
      }
      const page = await listCases(centreId, { clerkId: clerk.id, limit: 200 });
      setRows(page.items);
      setError(null);
    } catch (e) {
      setError(workstationMessage(e));
    }
  }, [centreId, clerkWorkNumber]);

  useEffect(() => {
    if (open) void load();
  }, [open, load, reloadKey]);

  const shown = useMemo(() => filterCases(rows ?? [], filter, new Date()), [rows, filter]);

  return (
    <Drawer
      open={open}
      title="今日办件（本人经办）"
      rootClassName="cw-case-drawer"
      size={1100}
      onClose={onClose}
      afterOpenChange={(visible) => {
        if (!visible) afterClose();
      }}
      extra={<Button onClick={() => void load()}>刷新</Button>}
    >
      <div className="cw-case-list-bar">
        <Segmented<CaseFilter>
          value={filter}
          onChange={setFilter}
          aria-label="办件范围"
          options={[
            { value: 'today', label: '今日受理' },
            { value: 'open', label: '在办（未归档）' },
            { value: 'all', label: '全部' },
          ]}
        />
        <span className="cw-muted" aria-live="polite">
          共 {shown.length} 件
        </span>
      </div>
      {error ? <Alert type="error" showIcon role="alert" title={error} /> : null}
      {rows === null && !error ? (
        <Spin tip="正在读取办件…">
          <div style={{ height: 80 }} />
        </Spin>
      ) : shown.length === 0 ? (
        <Empty description="没有办件" />
      ) : (
        <table className="cw-table cw-case-table" aria-label="本人经办的办件">
          <thead>
            <tr>
              <th scope="col">办件编号</th>
              <th scope="col">事项</th>
              <th scope="col">申请人</th>
              <th scope="col">状态</th>
              <th scope="col">承诺办结</th>
              <th scope="col">开件时间</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <tr key={c.id} data-testid="case-row">
                <td>
                  <Button type="link" className="cw-case-link" onClick={() => onOpenCase(c.id)} aria-label={`查看办件 ${c.caseNumber}`}>
                    {c.caseNumber}
                  </Button>
                </td>
                <td>{c.title}</td>
                <td>{c.applicantName}</td>
                <td>
                  <CaseStatusTag status={c.status} label={c.statusLabel} />
                </td>
                <td>
                  {c.promisedDueAt ? dateText(c.promisedDueAt) : '—'} <DueTag c={c} />
                </td>
                <td>{dateTimeText(c.openedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Drawer>
  );
}
