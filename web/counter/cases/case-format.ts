/** Dates, durations and due dates of cases as the counter shows them (the centre's zone, Asia/Shanghai). */

export { durationText } from '../../shared/duration.ts';

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const dayOnly = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

function parts(format: Intl.DateTimeFormat, d: Date): Record<string, string> {
  return Object.fromEntries(format.formatToParts(d).map((p) => [p.type, p.value]));
}

/** 2026-11-25T01:30:00Z → "2026-11-25 09:30"; null → "—". */
export function dateTimeText(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  const p = parts(dateTime, d);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** 2026-11-25T01:30:00Z → "2026-11-25". */
export function dateText(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  const p = parts(dayOnly, d);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The day of an instant in Shanghai, "YYYY-MM-DD" (to tell today's cases). */
export function shanghaiDay(at: Date | string): string {
  return dateText(typeof at === 'string' ? at : at.toISOString());
}


export type DeadlineState = 'on_time' | 'due_soon' | 'overdue';

/** The colour of a due date's tag. */
export const DEADLINE_COLOURS: Readonly<Record<DeadlineState, string>> = { on_time: 'green', due_soon: 'orange', overdue: 'red' };

/**
 * What the clerk reads beside the promised due date: the server's count of working days
 * ("剩余 3 个工作日", "今日到期", "已超期 2 个工作日"), else "已超期" when the due date has
 * passed and the calendar could not count, else nothing.
 */
export function remainingLabel(c: { remainingText: string | null; deadlineState: DeadlineState | null; promisedDueAt: string | null }): string | null {
  if (c.remainingText) return c.remainingText;
  if (c.deadlineState === 'overdue') return '已超期';
  return null;
}
