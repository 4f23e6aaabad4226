/** The status and due-date tags of a case, in words and colour. */
import { Tag } from 'antd';
import { DEADLINE_LABELS } from './labels.ts';

const STATUS_COLOURS: Readonly<Record<string, string>> = {
  opened: 'blue',
  correction: 'gold',
  refused: 'red',
  withdrawn: 'default',
  accepted: 'cyan',
  processing: 'processing',
  suspended: 'purple',
  decided: 'geekblue',
  ready_for_pickup: 'geekblue',
  posted: 'geekblue',
  delivered: 'green',
  archived: 'default',
};

export function StatusTag({ status, label }: { status: string; label: string }) {
  return <Tag color={STATUS_COLOURS[status] ?? 'default'}>{label}</Tag>;
}

export function DeadlineTag({ state }: { state: 'on_time' | 'due_soon' | 'overdue' | null }) {
  if (state === 'overdue') return <Tag color="error">{DEADLINE_LABELS.overdue}</Tag>;
  if (state === 'due_soon') return <Tag color="warning">{DEADLINE_LABELS.due_soon}</Tag>;
  return null;
}
