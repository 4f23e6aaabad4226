/** Dates, durations and due dates of cases as the counter shows them (the centre's zone, Asia/Shanghai). */

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

/** Seconds → "不到 1 分钟" / "25 分钟" / "2 小时 5 分钟" / "3 天 4 小时". */
export function durationText(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || seconds < 0) return '—';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 1) return '不到 1 分钟';
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} 小时` : `${hours} 小时 ${minutes % 60} 分钟`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} 天` : `${days} 天 ${hours % 24} 小时`;
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
